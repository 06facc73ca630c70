import { describe, expect, it } from "vitest";
import { authResult, cognitoError, fakeFetch, json } from "../test/fakes";
import { CognitoClient } from "./cognito";
import { AuthError } from "./errors";

const ENDPOINT = "http://127.0.0.1:5000/";

function client(handler: Parameters<typeof fakeFetch>[0]) {
  const server = fakeFetch(handler);
  return { server, cognito: new CognitoClient({ endpoint: ENDPOINT, clientId: "client-1", fetch: server.fetch }) };
}

async function authErrorOf(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  }
  throw new Error("expected the call to fail");
}

describe("CognitoClient.signIn", () => {
  it("sends USER_PASSWORD_AUTH to the Cognito JSON API and returns the tokens", async () => {
    const { server, cognito } = client(() => json(200, authResult({ IdToken: "id", AccessToken: "acc", RefreshToken: "ref", ExpiresIn: 900 })));

    const tokens = await cognito.signIn("demo@finpulse.dev", "FinPulse-demo-1");

    expect(tokens).toEqual({ idToken: "id", accessToken: "acc", refreshToken: "ref", expiresIn: 900 });
    expect(server.calls).toHaveLength(1);
    const call = server.calls[0]!;
    expect(call.url).toBe(ENDPOINT);
    expect(call.method).toBe("POST");
    expect(call.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(call.headers["x-amz-target"]).toBe("AWSCognitoIdentityProviderService.InitiateAuth");
    expect(call.body).toEqual({
      AuthFlow: "USER_PASSWORD_AUTH",
      ClientId: "client-1",
      AuthParameters: { USERNAME: "demo@finpulse.dev", PASSWORD: "FinPulse-demo-1" },
    });
  });

  it("maps a wrong password to a Russian credentials error", async () => {
    const { cognito } = client(() => cognitoError("NotAuthorizedException", "Incorrect username or password."));
    const error = await authErrorOf(cognito.signIn("a@b.c", "bad"));
    expect(error.kind).toBe("credentials");
    expect(error.code).toBe("NotAuthorizedException");
    expect(error.message).toBe("Неверный адрес электронной почты или пароль.");
  });

  it("reads namespaced error types and the x-amzn-ErrorType header", async () => {
    const namespaced = client(() =>
      json(400, { __type: "com.amazonaws.cognito.identity.idp.model#UserNotConfirmedException", message: "x" }),
    );
    expect((await authErrorOf(namespaced.cognito.signIn("a", "b"))).code).toBe("UserNotConfirmedException");

    const header = client(
      () => new Response("", { status: 400, headers: { "x-amzn-ErrorType": "TooManyRequestsException:http://internal" } }),
    );
    const error = await authErrorOf(header.cognito.signIn("a", "b"));
    expect(error.code).toBe("TooManyRequestsException");
    expect(error.message).toMatch(/Слишком много попыток/);
  });

  it.each([
    ["UserNotFoundException", "User does not exist.", "Неверный адрес электронной почты или пароль."],
    ["NotAuthorizedException", "User is disabled.", "Учётная запись отключена. Обратитесь к администратору."],
    ["PasswordResetRequiredException", "Password reset required", "Требуется сбросить пароль. Обратитесь к администратору."],
  ])("maps %s (%s)", async (type, serverMessage, expected) => {
    const { cognito } = client(() => cognitoError(type, serverMessage));
    expect((await authErrorOf(cognito.signIn("a", "b"))).message).toBe(expected);
  });

  it("explains a client that does not allow USER_PASSWORD_AUTH as a configuration problem", async () => {
    const { cognito } = client(() =>
      cognitoError("InvalidParameterException", "USER_PASSWORD_AUTH flow not enabled for this client"),
    );
    const error = await authErrorOf(cognito.signIn("a", "b"));
    expect(error.kind).toBe("configuration");
    expect(error.message).toMatch(/Вход по паролю не разрешён/);
  });

  it("reports challenges it cannot complete instead of crashing", async () => {
    const { cognito } = client(() =>
      json(200, { ChallengeName: "NEW_PASSWORD_REQUIRED", Session: "s", ChallengeParameters: {} }),
    );
    const error = await authErrorOf(cognito.signIn("a", "b"));
    expect(error.kind).toBe("challenge");
    expect(error.code).toBe("NEW_PASSWORD_REQUIRED");
    expect(error.message).toMatch(/сменить временный пароль/);

    const mfa = client(() => json(200, { ChallengeName: "SOFTWARE_TOKEN_MFA", Session: "s" }));
    expect((await authErrorOf(mfa.cognito.signIn("a", "b"))).message).toMatch(/двухфакторный/);
  });

  it("maps network failures and server errors", async () => {
    const offline = client(() => Promise.reject(new TypeError("Failed to fetch")));
    const network = await authErrorOf(offline.cognito.signIn("a", "b"));
    expect(network.kind).toBe("network");
    expect(network.message).toMatch(/Не удалось связаться/);

    const broken = client(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    const service = await authErrorOf(broken.cognito.signIn("a", "b"));
    expect(service.kind).toBe("service");
    expect(service.message).toMatch(/временно недоступен/);
  });

  it("rejects a success answer without tokens", async () => {
    const { cognito } = client(() => json(200, {}));
    expect((await authErrorOf(cognito.signIn("a", "b"))).kind).toBe("service");
  });
});

describe("CognitoClient.refresh", () => {
  it("sends REFRESH_TOKEN_AUTH with the refresh token; no refresh token comes back", async () => {
    const { server, cognito } = client(() =>
      json(200, { AuthenticationResult: { IdToken: "id2", AccessToken: "acc2", ExpiresIn: 3600 } }),
    );
    const tokens = await cognito.refresh("ref-1");
    expect(tokens).toEqual({ idToken: "id2", accessToken: "acc2", refreshToken: undefined, expiresIn: 3600 });
    expect(server.calls[0]?.headers["x-amz-target"]).toBe("AWSCognitoIdentityProviderService.InitiateAuth");
    expect(server.calls[0]?.body).toEqual({
      AuthFlow: "REFRESH_TOKEN_AUTH",
      ClientId: "client-1",
      AuthParameters: { REFRESH_TOKEN: "ref-1" },
    });
  });

  it("reports a refused refresh token as an ended session", async () => {
    const { cognito } = client(() => cognitoError("NotAuthorizedException", "Refresh Token has expired"));
    const error = await authErrorOf(cognito.refresh("old"));
    expect(error.kind).toBe("session");
    expect(error.message).toBe("Сессия истекла. Войдите снова.");
  });
});

describe("CognitoClient.revoke", () => {
  it("calls RevokeToken and never throws", async () => {
    const { server, cognito } = client(() => cognitoError("UnsupportedOperationException", "nope"));
    await expect(cognito.revoke("ref-1")).resolves.toBeUndefined();
    expect(server.calls[0]?.headers["x-amz-target"]).toBe("AWSCognitoIdentityProviderService.RevokeToken");
    expect(server.calls[0]?.body).toEqual({ Token: "ref-1", ClientId: "client-1" });
  });
});

describe("CognitoClient self sign-up, confirmation, reset and global sign-out", () => {
  const target = (call: { headers: Record<string, string> }) => call.headers["x-amz-target"]?.split(".")[1];

  it("sends each of Cognito's own calls with the client id and maps its errors to Russian", async () => {
    const { server, cognito } = client((request) => {
      const action = target(request);
      if (action === "SignUp") return json(200, { UserConfirmed: false, UserSub: "s", CodeDeliveryDetails: { Destination: "a***@b.ru" } });
      if (action === "ConfirmSignUp") return cognitoError("CodeMismatchException", "Invalid verification code provided");
      if (action === "ResendConfirmationCode") return json(200, { CodeDeliveryDetails: { Destination: "a***@b.ru" } });
      if (action === "ForgotPassword") return json(200, { CodeDeliveryDetails: { Destination: "a***@b.ru" } });
      if (action === "ConfirmForgotPassword") return cognitoError("InvalidPasswordException", "Password does not conform");
      if (action === "GlobalSignOut") return json(200, {});
      return json(400, {});
    });
    expect(await cognito.signUp("a@b.ru", "Abcdefghijk1")).toEqual({ confirmed: false, destination: "a***@b.ru" });
    expect(server.calls[0]?.body).toEqual({
      ClientId: "client-1",
      Username: "a@b.ru",
      Password: "Abcdefghijk1",
      UserAttributes: [{ Name: "email", Value: "a@b.ru" }],
    });
    expect((await authErrorOf(cognito.confirmSignUp("a@b.ru", "000000"))).message).toMatch(/Неверный код/);
    expect(server.calls[1]?.body).toEqual({ ClientId: "client-1", Username: "a@b.ru", ConfirmationCode: "000000" });
    expect(await cognito.resendConfirmationCode("a@b.ru")).toEqual({ destination: "a***@b.ru" });
    expect(await cognito.forgotPassword("a@b.ru")).toEqual({ destination: "a***@b.ru" });
    expect((await authErrorOf(cognito.confirmForgotPassword("a@b.ru", "123456", "weak"))).message).toMatch(/не подходит под требования/);
    await cognito.globalSignOut("access-1");
    expect(server.calls.at(-1)?.body).toEqual({ AccessToken: "access-1" });
  });

  it("explains an address that is taken, a code that expired and one already used", async () => {
    const taken = client(() => cognitoError("UsernameExistsException", "User already exists"));
    expect((await authErrorOf(taken.cognito.signUp("a@b.ru", "x"))).message).toMatch(/уже есть/);
    const expired = client(() => cognitoError("ExpiredCodeException", "Invalid code provided, please request a code again."));
    expect((await authErrorOf(expired.cognito.confirmSignUp("a@b.ru", "1"))).message).toMatch(/Запросите новый код/);
    const used = client(() => cognitoError("NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED"));
    expect((await authErrorOf(used.cognito.confirmSignUp("a@b.ru", "1"))).message).toMatch(/уже подтверждён/);
  });
});
