import { Link } from "react-router";
import { useBankNames, useIdentities, useInputs } from "../../api/queries";
import { useSession } from "../../context";
import { browserTimeZone } from "../../lib/format";
import { PATHS } from "../../lib/links";
import { draftFrom } from "../../lib/inputsForm";
import { Badge } from "../../ui/Badge";
import { ErrorView } from "../../ui/ErrorView";
import { Skeleton } from "../../ui/States";
import { useSignOut } from "../../ui/useSignOut";
import { InputsForm } from "./InputsForm";

/** The user's financial inputs, time zone, who they are at each bank, and sign-out. */
export function ProfilePage() {
  const inputs = useInputs();
  return (
    <div className="page" data-testid="profile-page">
      <h1 className="page__title">Профиль</h1>
      {inputs.isPending && <Skeleton lines={6} label="Загружаем профиль…" />}
      {inputs.isError && <ErrorView error={inputs.error} onRetry={() => void inputs.refetch()} />}
      {inputs.data && <InputsForm initial={draftFrom(inputs.data, browserTimeZone())} stored={inputs.data.stored} />}
      <Identities />
      <SignOut />
    </div>
  );
}

function Identities() {
  const identities = useIdentities();
  const names = useBankNames();
  return (
    <section className="card" aria-labelledby="ids-title" data-testid="profile-identities">
      <header className="card__header">
        <h2 id="ids-title">Вы в банках</h2>
        <Link to={PATHS.connections}>Изменить на странице «Банки»</Link>
      </header>
      {identities.isError && <ErrorView error={identities.error} onRetry={() => void identities.refetch()} />}
      {identities.data && identities.data.identities.length === 0 && <p className="muted">Вы ещё не указали, кто вы в банках.</p>}
      <ul className="rows">
        {identities.data?.identities.map((id) => (
          <li key={id.bank_id} className="row" data-testid={`identity-${id.bank_id}`}>
            <span>{names[id.bank_id] ?? id.bank_id}</span>
            <span className="mono">{id.customer_id}</span>
            <span className="row__amount">
              <Badge tone={id.verified ? "ok" : "muted"}>{id.verified ? "банк подтвердил" : "не подтверждено банком"}</Badge>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SignOut() {
  const { session } = useSession();
  const { here, everywhere, busy, error } = useSignOut();
  return (
    <section className="card" aria-labelledby="signout-title">
      <h2 id="signout-title">Выход</h2>
      <p className="muted">Вы вошли как {session?.email}.</p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={here} data-testid="profile-sign-out">
          Выйти
        </button>
        <button type="button" className="button button--ghost" onClick={() => void everywhere()} disabled={busy}>
          {busy ? "Выходим…" : "Выйти на всех устройствах"}
        </button>
      </div>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
