import { NavLink, Outlet } from "react-router";
import { useSession, useSessionManager } from "../context";

export function Layout() {
  const manager = useSessionManager();
  const { session } = useSession();

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        Перейти к содержимому
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <NavLink to="/" className="brand" aria-label="FinPulse — главная">
            <span className="brand__mark" aria-hidden="true" />
            FinPulse
          </NavLink>
          <nav aria-label="Основная навигация" className="nav">
            <NavLink to="/" end className="nav__link">
              Главная
            </NavLink>
          </nav>
          <div className="account">
            {session && (
              <span className="account__email" title={session.email} data-testid="account-email">
                {session.email}
              </span>
            )}
            <button
              type="button"
              className="button button--ghost"
              onClick={() => manager.signOut("user")}
              data-testid="sign-out"
            >
              Выйти
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
