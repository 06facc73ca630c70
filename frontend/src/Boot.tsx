import { useCallback, useEffect } from "react";
import { App } from "./App";
import { ConfigError, loadConfig, type AppConfig } from "./config";
import { ServicesProvider } from "./context";
import { useAsync } from "./lib/useAsync";
import { createServices, type Services } from "./services";

/** Loads /config.json, builds the services, then renders the app. */
export function Boot({ load = loadConfig }: { load?: () => Promise<AppConfig> }) {
  const loadServices = useCallback(async () => createServices(await load()), [load]);
  const services = useAsync(loadServices);

  if (services.status === "loading") {
    return (
      <div className="boot" role="status" aria-live="polite" data-testid="app-loading">
        <span className="spinner" aria-hidden="true" />
        Загрузка FinPulse…
      </div>
    );
  }
  if (services.status === "error") {
    const message =
      services.error instanceof ConfigError ? services.error.message : "Не удалось запустить приложение.";
    return (
      <div className="boot" role="alert" data-testid="config-error">
        <p>{message}</p>
        <button type="button" className="button button--secondary" onClick={services.reload}>
          Повторить
        </button>
      </div>
    );
  }
  return <Ready services={services.data} />;
}

function Ready({ services }: { services: Services }) {
  useEffect(() => services.session.watchOtherTabs(), [services]);
  return (
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>
  );
}
