import { useCallback } from "react";
import { getMe } from "../api/finpulse";
import { useApi } from "../context";
import { useAsync } from "../lib/useAsync";
import { ErrorNotice, Loading } from "./Status";

/** Who the API says the caller is (GET /api/me). */
export function ProfileCard() {
  const api = useApi();
  const load = useCallback((signal: AbortSignal) => getMe(api, signal), [api]);
  const me = useAsync(load);

  return (
    <section className="card" aria-labelledby="profile-title">
      <header className="card__header">
        <h2 id="profile-title">Вы вошли как</h2>
      </header>
      {me.status === "loading" && <Loading label="Загружаем профиль…" testId="me-loading" />}
      {me.status === "error" && (
        <ErrorNotice
          title="Не удалось загрузить профиль"
          error={me.error}
          onRetry={me.reload}
          testId="me-error"
          retryTestId="me-retry"
        />
      )}
      {me.status === "success" && (
        <dl className="facts">
          <div>
            <dt>Электронная почта</dt>
            <dd data-testid="user-email">{me.data.email ?? "не указана"}</dd>
          </div>
          {me.data.username && me.data.username !== me.data.email && me.data.username !== me.data.userId && (
            <div>
              <dt>Имя пользователя</dt>
              <dd data-testid="user-username">{me.data.username}</dd>
            </div>
          )}
          <div>
            <dt>Идентификатор</dt>
            <dd className="mono" data-testid="user-id">
              {me.data.userId}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
