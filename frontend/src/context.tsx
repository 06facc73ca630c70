import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import type { ApiClient } from "./api/client";
import type { CognitoClient } from "./auth/cognito";
import type { SessionManager, SessionState } from "./auth/session";
import type { Services } from "./services";

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      <QueryClientProvider client={services.queryClient}>{children}</QueryClientProvider>
    </ServicesContext.Provider>
  );
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices must be used inside <ServicesProvider>");
  return services;
}

export function useApi(): ApiClient {
  return useServices().api;
}

export function useCognito(): CognitoClient {
  return useServices().cognito;
}

export function useSessionManager(): SessionManager {
  return useServices().session;
}

/** The current session state; re-renders on sign-in, refresh, sign-out and other tabs' changes. */
export function useSession(): SessionState {
  const manager = useSessionManager();
  return useSyncExternalStore(manager.subscribe, manager.getState, manager.getState);
}
