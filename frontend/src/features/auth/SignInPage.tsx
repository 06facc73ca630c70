import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import type { SignOutReason } from "../../auth/session";
import { AuthError } from "../../auth/errors";
import { useSessionManager } from "../../context";
import { Field } from "../../ui/Field";
import { AuthLayout, FormMessage } from "./AuthLayout";
import { EmailField, SubmitButton } from "./fields";
import { useSubmit } from "./useSubmit";

const NOTICES: Record<SignOutReason, string> = {
  expired: "Сессия истекла. Войдите снова.",
  user: "Вы вышли из FinPulse.",
  everywhere: "Вы вышли из FinPulse на всех устройствах.",
};

export function SignInPage({ signOutReason, notice }: { signOutReason: SignOutReason | null; notice?: string }) {
  const session = useSessionManager();
  const navigate = useNavigate();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [unconfirmed, setUnconfirmed] = useState(false);
  const submit = useSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const login = username.trim();
    if (!login || !password) {
      submit.setError("Введите адрес электронной почты и пароль.");
      return;
    }
    setUnconfirmed(false);
    void submit.run(
      async () => {
        await session.signIn(login, password);
      },
      (error) => setUnconfirmed(error instanceof AuthError && error.code === "UserNotConfirmedException"),
    );
  }

  const shownNotice = notice ?? (signOutReason ? NOTICES[signOutReason] : null);
  return (
    <AuthLayout title="Вход" lead="Все ваши банки — в одном месте.">
      {!submit.error && shownNotice && (
        <p className="notice" role="status" data-testid="signin-notice">
          {shownNotice}
        </p>
      )}
      <form className="form" onSubmit={onSubmit} noValidate data-testid="signin-form" aria-busy={submit.pending}>
        <EmailField value={username} onChange={setUsername} autoComplete="username" testId="signin-username" />
        <Field
          label="Пароль"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="signin-password"
        />
        <FormMessage error={submit.error} testId="signin" />
        {unconfirmed && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => navigate(`/confirm?email=${encodeURIComponent(username.trim())}`, { state: { password } })}
            data-testid="signin-confirm"
          >
            Ввести код подтверждения
          </button>
        )}
        <SubmitButton pending={submit.pending} label="Войти" busyLabel="Входим…" testId="signin-submit" />
      </form>
      <nav className="signin__links" aria-label="Другие действия">
        <Link to="/forgot" data-testid="link-forgot">
          Забыли пароль?
        </Link>
        <Link to="/signup" data-testid="link-signup">
          Зарегистрироваться
        </Link>
      </nav>
    </AuthLayout>
  );
}
