import { Suspense, useEffect, useRef } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { useOnboarding } from "../api/queries";
import { useSession } from "../context";
import { SyncIndicator } from "../features/sync/SyncIndicator";
import { OfflineBanner } from "../ui/OfflineBanner";
import { useSignOut } from "../ui/useSignOut";
import { Loading } from "../ui/States";

const NAV: ReadonlyArray<readonly [string, string, string]> = [
  ["/", "Главная", "nav-home"],
  ["/accounts", "Счета", "nav-accounts"],
  ["/loans", "Кредиты", "nav-loans"],
  ["/savings", "Накопления", "nav-savings"],
  ["/plan", "План", "nav-plan"],
  ["/payments", "Платежи", "nav-payments"],
  ["/connections", "Банки", "nav-connections"],
];

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
              {NAV.map(([to, label, testId]) => (
                <NavLink key={to} to={to} end={to === "/"} className="nav__link" data-testid={testId}>
                  {label}
                </NavLink>
              ))}
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

function closeMenu(event: React.MouseEvent<HTMLElement>) {
  event.currentTarget.closest("details")?.removeAttribute("open");
}

function AccountMenu({ email }: { email: string }) {
  const { here, everywhere, busy, error } = useSignOut();
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
        <Link className="button button--secondary" to="/profile" data-testid="nav-profile" onClick={closeMenu}>
          Профиль и цели
        </Link>
        <button type="button" className="button button--secondary" onClick={here} data-testid="sign-out">
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
