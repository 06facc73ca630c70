import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../app/App";
import { DEFAULT_PASSWORD_POLICY, type AppConfig } from "../config";
import { ServicesProvider } from "../context";
import { createServices } from "../services";
import { MemoryStorage, fakeFetch, type Handler } from "./fakes";

export const TEST_CONFIG: AppConfig = {
  apiBase: "/api",
  region: "eu-central-1",
  userPoolId: "eu-central-1_test",
  userPoolClientId: "client-1",
  cognitoEndpoint: "http://127.0.0.1:5000/",
  revokeTokensOnSignOut: true,
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
  localAuth: true,
};

/** Renders the whole signed-in/out app against a fake network. */
export function renderApp(handler: Handler, storage = new MemoryStorage()) {
  const server = fakeFetch(handler);
  const services = createServices(TEST_CONFIG, { fetch: server.fetch, storage, eventTarget: null });
  const view = render(
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>,
  );
  return { ...view, server, services, storage };
}

/** Signs in through the form, as a person does (the fake backend's password by default). */
export async function signIn(password = "FinPulse-demo-1") {
  await screen.findByTestId("signin-form"); // the signed-out screens are a lazy chunk
  await userEvent.type(screen.getByLabelText("Электронная почта"), "demo@finpulse.dev");
  await userEvent.type(screen.getByLabelText("Пароль"), password);
  await userEvent.click(screen.getByTestId("signin-submit"));
}
