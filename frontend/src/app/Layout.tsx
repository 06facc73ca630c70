import { Suspense, useEffect, useRef, useState } from "react";
import { NavLink, Outlet } from "react-router";
import { useOnboarding } from "../api/queries";
import { useSession, useSessionManager } from "../context";
import { SyncIndicator } from "../features/sync/SyncIndicator";
import { userMessage } from "../lib/messages";
import { OfflineBanner } from "../ui/OfflineBanner";
import { Loading } from "../ui/States";

export function Layout() {
  const { session } = useSession();
  const onboarded = Boolean(useOnboarding().data?.completed_at);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Перейти к содержимому
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <NavLink to="/" className="brand" aria-label="FinPulse — главная">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">FinPulse</span>
          </NavLink>
          {onboarded && (
            <nav aria-label="Основная навигация" className="nav">
              <NavLink to="/" end className="nav__link">
                Главная
              </NavLink>
              <NavLink to="/connections" className="nav__link" data-testid="nav-connections">
                Банки
              </NavLink>
            </nav>
          )}
          <div className="topbar__end">
            {onboarded && <SyncIndicator />}
            <AccountMenu email={session?.email ?? ""} />
          </div>
        </div>
      </header>
      <OfflineBanner />
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Loading label="Открываем…" testId="screen-loading" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

function AccountMenu({ email }: { email: string }) {
  const manager = useSessionManager();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // A menu closes on Esc (focus back on its button) and on a click elsewhere.
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !details.contains(event.target as Node)) {
        details.open = false;
        if (event instanceof KeyboardEvent) details.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("click", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("click", close);
    };
  }, []);
  async function everywhere() {
    setBusy(true);
    setError(null);
    try {
      await manager.signOutEverywhere();
    } catch (caught) {
      setError(userMessage(caught));
      setBusy(false);
    }
  }
  return (
    <details className="account" data-testid="account-menu" ref={menu}>
      <summary className="button button--ghost">
        <span className="visually-hidden">Учётная запись </span>
        <span className="account__avatar" aria-hidden="true">
          {email.slice(0, 1).toUpperCase()}
        </span>
        <span className="account__email" data-testid="account-email">
          {email}
        </span>
      </summary>
      <div className="account__menu">
        <p className="account__who">{email}</p>
        <button type="button" className="button button--secondary" onClick={() => manager.signOut("user")} data-testid="sign-out">
          Выйти
        </button>
        <button type="button" className="button button--ghost" onClick={() => void everywhere()} disabled={busy} data-testid="sign-out-everywhere">
          {busy ? "Выходим…" : "Выйти на всех устройствах"}
        </button>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
