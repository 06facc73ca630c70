import { useId, useState, type FormEvent } from "react";
import type { SignOutReason } from "../auth/session";
import { useSessionManager } from "../context";
import { userMessage } from "../lib/messages";

const NOTICES: Record<SignOutReason, string> = {
  expired: "Сессия истекла. Войдите снова.",
  user: "Вы вышли из FinPulse.",
};

export function SignInPage({ signOutReason }: { signOutReason: SignOutReason | null }) {
  const session = useSessionManager();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const login = username.trim();
    if (!login || !password) {
      setError("Введите адрес электронной почты и пароль.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      await session.signIn(login, password);
      // The app switches to the signed-in screens; this component unmounts.
    } catch (caught) {
      setError(userMessage(caught));
      setPending(false);
    }
  }

  return (
    <main className="signin">
      <div className="signin__panel">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true" />
          FinPulse
        </div>
        <h1>Вход</h1>
        <p className="muted">Все ваши банки — в одном месте.</p>

        {signOutReason && !error && (
          <p className="notice" role="status" data-testid="signin-notice">
            {NOTICES[signOutReason]}
          </p>
        )}

        <form className="form" onSubmit={onSubmit} noValidate data-testid="signin-form" aria-busy={pending}>
          <div className="field">
            <label htmlFor="signin-username">Электронная почта</label>
            <input
              id="signin-username"
              name="username"
              type="email"
              inputMode="email"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              data-testid="signin-username"
            />
          </div>
          <div className="field">
            <label htmlFor="signin-password">Пароль</label>
            <input
              id="signin-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              data-testid="signin-password"
            />
          </div>
          {error && (
            <p id={errorId} className="form__error" role="alert" data-testid="signin-error">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={pending} data-testid="signin-submit">
            {pending ? "Входим…" : "Войти"}
          </button>
        </form>
      </div>
    </main>
  );
}
