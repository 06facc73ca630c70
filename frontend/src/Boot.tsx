import { useCallback, useEffect, useState } from "react";
import { App } from "./app/App";
import { ConfigError, loadConfig, type AppConfig } from "./config";
import { ServicesProvider } from "./context";
import { createServices, type Services } from "./services";

type Booting = { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; services: Services };

/** Loads /config.json, builds the services, then renders the app. */
export function Boot({ load = loadConfig }: { load?: () => Promise<AppConfig> }) {
  const [state, setState] = useState<Booting>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (config) => current && setState({ status: "ready", services: createServices(config) }),
      (error: unknown) => current && setState({ status: "error", error }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);
  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  if (state.status === "loading") {
    return (
      <div className="boot" role="status" aria-live="polite" data-testid="app-loading">
        <span className="spinner" aria-hidden="true" />
        Загрузка FinPulse…
      </div>
    );
  }
  if (state.status === "error") {
    const message = state.error instanceof ConfigError ? state.error.message : "Не удалось запустить приложение.";
    return (
      <div className="boot" role="alert" data-testid="config-error">
        <p>{message}</p>
        <button type="button" className="button button--secondary" onClick={retry}>
          Повторить
        </button>
      </div>
    );
  }
  return <Ready services={state.services} />;
}

function Ready({ services }: { services: Services }) {
  useEffect(() => services.session.watchOtherTabs(), [services]);
  return (
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>
  );
}
