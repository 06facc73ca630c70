import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STORAGE_KEY } from "./auth/session";
import { MemoryStorage, authResult, cognitoError, fakeJwt, json, type Handler, type RecordedRequest } from "./test/fakes";
import { TEST_CONFIG, renderApp } from "./test/render";

const ME = { user_id: "sub-1", email: "demo@finpulse.dev", username: "demo@finpulse.dev" };
const BANKS = {
  banks: [
    { bank_id: "vbank", name: "VBank", connected: false, consents: [] },
    { bank_id: "abank", name: "ABank", connected: false, consents: [] },
    { bank_id: "sbank", name: "SBank", connected: true, consents: [] },
  ],
};

const isCognito = (r: RecordedRequest) => r.url === TEST_CONFIG.cognitoEndpoint;
const target = (r: RecordedRequest) => r.headers["x-amz-target"]?.split(".")[1];

/** A fake backend: Cognito accepts one password; the API wants the current ID token. */
function backend(options: { password?: string; challenge?: string } = {}): Handler & { validToken: { value: string } } {
  const validToken = { value: fakeJwt({ sub: "sub-1", email: "demo@finpulse.dev", v: 1 }) };
  const handler = (request: RecordedRequest) => {
    if (isCognito(request)) {
      const body = request.body as { AuthFlow?: string; AuthParameters?: Record<string, string> };
      if (target(request) === "RevokeToken") return json(200, {});
      if (body.AuthFlow === "USER_PASSWORD_AUTH") {
        if (options.challenge) return json(200, { ChallengeName: options.challenge, Session: "s" });
        if (body.AuthParameters?.PASSWORD !== (options.password ?? "FinPulse-demo-1")) {
          return cognitoError("NotAuthorizedException", "Incorrect username or password.");
        }
        return json(200, authResult({ IdToken: validToken.value }));
      }
      if (body.AuthFlow === "REFRESH_TOKEN_AUTH") {
        return cognitoError("NotAuthorizedException", "Refresh Token has been revoked");
      }
    }
    if (request.headers.authorization !== `Bearer ${validToken.value}`) return json(401, { message: "Unauthorized" });
    if (request.url === "/api/me") return json(200, ME);
    if (request.url === "/api/banks") return json(200, BANKS);
    return json(404, { error: { status: 404, code: "NOT_FOUND", message: "No such route", details: [] } });
  };
  return Object.assign(handler, { validToken });
}

async function signIn(password = "FinPulse-demo-1") {
  await userEvent.type(screen.getByLabelText("Электронная почта"), "demo@finpulse.dev");
  await userEvent.type(screen.getByLabelText("Пароль"), password);
  await userEvent.click(screen.getByTestId("signin-submit"));
}

describe("App", () => {
  it("signs in, then shows who you are and the banks from the API", async () => {
    const { server, storage } = renderApp(backend());
    expect(screen.getByRole("heading", { name: "Вход" })).toBeTruthy();

    await signIn();

    expect((await screen.findByTestId("user-email")).textContent).toBe("demo@finpulse.dev");
    expect(await screen.findByTestId("bank-row-vbank")).toBeTruthy();
    expect(within(screen.getByTestId("bank-row-sbank")).getByTestId("bank-state").textContent).toBe("Подключён");
    expect(screen.getByTestId("account-email").textContent).toBe("demo@finpulse.dev");
    expect(storage.getItem(STORAGE_KEY)).not.toBeNull();

    const signInCall = server.calls.find(isCognito);
    expect(signInCall?.body).toMatchObject({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: "client-1" });
  });

  it("shows a Russian error for a wrong password and stays on the form", async () => {
    renderApp(backend());
    await signIn("wrong");
    expect((await screen.findByTestId("signin-error")).textContent).toBe("Неверный адрес электронной почты или пароль.");
    expect(screen.getByLabelText("Пароль").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("sign-out")).toBeNull();
    expect((screen.getByTestId("signin-submit") as HTMLButtonElement).disabled).toBe(false);
  });

  it("asks for both fields before calling Cognito", async () => {
    const { server } = renderApp(backend());
    await userEvent.click(screen.getByTestId("signin-submit"));
    expect(screen.getByTestId("signin-error").textContent).toMatch(/Введите адрес электронной почты и пароль/);
    expect(server.calls).toHaveLength(0);
  });

  it("explains a NEW_PASSWORD_REQUIRED challenge instead of crashing", async () => {
    renderApp(backend({ challenge: "NEW_PASSWORD_REQUIRED" }));
    await signIn();
    expect((await screen.findByTestId("signin-error")).textContent).toMatch(/сменить временный пароль/);
  });

  it("keeps the session across a reload", async () => {
    const api = backend();
    const storage = new MemoryStorage();
    const first = renderApp(api, storage);
    await signIn();
    await screen.findByTestId("user-email");
    first.unmount();

    const second = renderApp(api, storage);
    expect((await screen.findByTestId("user-email")).textContent).toBe("demo@finpulse.dev");
    expect(second.server.calls.some(isCognito)).toBe(false);
  });

  it("signs out back to the form and forgets the session", async () => {
    const { storage, server } = renderApp(backend());
    await signIn();
    await screen.findByTestId("user-email");

    await userEvent.click(screen.getByTestId("sign-out"));

    expect(screen.getByTestId("signin-form")).toBeTruthy();
    expect(screen.getByTestId("signin-notice").textContent).toBe("Вы вышли из FinPulse.");
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    await waitFor(() => expect(server.calls.some((c) => target(c) === "RevokeToken")).toBe(true));
  });

  it("returns to sign-in with a notice when a stored session is rejected and cannot be refreshed", async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        v: 1,
        clientId: TEST_CONFIG.userPoolClientId,
        username: "demo@finpulse.dev",
        idToken: fakeJwt({ sub: "sub-1", email: "demo@finpulse.dev", revoked: true }),
        accessToken: "a",
        refreshToken: "revoked",
        expiresAt: Date.now() + 3_600_000,
      }),
    );
    const { server } = renderApp(backend(), storage);

    expect((await screen.findByTestId("signin-notice")).textContent).toBe("Сессия истекла. Войдите снова.");
    expect(screen.queryByTestId("sign-out")).toBeNull();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    // one refresh attempt for both requests, no retry loop
    expect(server.calls.filter((c) => isCognito(c)).length).toBe(1);
  });
});
