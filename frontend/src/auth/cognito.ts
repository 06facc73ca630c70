/**
 * Minimal client for the Cognito Identity Provider JSON API (`InitiateAuth`, `SignUp`,
 * `ConfirmSignUp`, `ResendConfirmationCode`, `ForgotPassword`, `ConfirmForgotPassword`,
 * `GlobalSignOut`, `RevokeToken`), with plain `fetch`: the same requests work against AWS and
 * against the local emulation.
 * The app client must have no client secret and allow USER_PASSWORD_AUTH + REFRESH_TOKEN_AUTH.
 */
import { AuthError, challengeError, cognitoError, networkError, type CognitoStage } from "./errors";

export interface CognitoTokens {
  readonly idToken: string;
  readonly accessToken: string;
  /** Absent on refresh unless the pool rotates refresh tokens. */
  readonly refreshToken: string | undefined;
  /** Lifetime of the ID and access tokens, in seconds. */
  readonly expiresIn: number;
}

/** Where Cognito sent a code ("d***@example.com"). */
export interface CodeDelivery {
  readonly destination: string | undefined;
}

export interface CognitoClientOptions {
  readonly endpoint: string;
  readonly clientId: string;
  readonly fetch?: typeof fetch;
}

const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

export class CognitoClient {
  private readonly endpoint: string;
  private readonly clientId: string;
  private readonly fetchFn: typeof fetch;

  constructor(options: CognitoClientOptions) {
    this.endpoint = options.endpoint;
    this.clientId = options.clientId;
    // Bind so a global fetch is not called with a foreign `this`.
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Signs in with USER_PASSWORD_AUTH. Throws AuthError. */
  async signIn(username: string, password: string): Promise<CognitoTokens & { refreshToken: string }> {
    const body = await this.call(
      "InitiateAuth",
      {
        AuthFlow: "USER_PASSWORD_AUTH",
        ClientId: this.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      },
      "signIn",
    );
    const tokens = readAuthenticationResult(body);
    if (!tokens.refreshToken) {
      throw new AuthError("service", "MissingRefreshToken", "Сервис входа вернул неполный ответ. Попробуйте позже.");
    }
    return { ...tokens, refreshToken: tokens.refreshToken };
  }

  /** Exchanges a refresh token for fresh ID and access tokens (REFRESH_TOKEN_AUTH). */
  async refresh(refreshToken: string): Promise<CognitoTokens> {
    const body = await this.call(
      "InitiateAuth",
      {
        AuthFlow: "REFRESH_TOKEN_AUTH",
        ClientId: this.clientId,
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      },
      "refresh",
    );
    return readAuthenticationResult(body);
  }

  /** Self sign-up with e-mail and password; Cognito e-mails a confirmation code. */
  async signUp(email: string, password: string): Promise<CodeDelivery & { confirmed: boolean }> {
    const body = await this.call(
      "SignUp",
      { ClientId: this.clientId, Username: email, Password: password, UserAttributes: [{ Name: "email", Value: email }] },
      "signUp",
    );
    return { confirmed: body.UserConfirmed === true, ...delivery(body) };
  }

  async confirmSignUp(email: string, code: string): Promise<void> {
    await this.call("ConfirmSignUp", { ClientId: this.clientId, Username: email, ConfirmationCode: code }, "confirm");
  }

  async resendConfirmationCode(email: string): Promise<CodeDelivery> {
    return delivery(await this.call("ResendConfirmationCode", { ClientId: this.clientId, Username: email }, "confirm"));
  }

  async forgotPassword(email: string): Promise<CodeDelivery> {
    return delivery(await this.call("ForgotPassword", { ClientId: this.clientId, Username: email }, "reset"));
  }

  async confirmForgotPassword(email: string, code: string, password: string): Promise<void> {
    await this.call(
      "ConfirmForgotPassword",
      { ClientId: this.clientId, Username: email, ConfirmationCode: code, Password: password },
      "reset",
    );
  }

  /** Ends every session of the user: all refresh tokens stop working, on every device. */
  async globalSignOut(accessToken: string): Promise<void> {
    await this.call("GlobalSignOut", { AccessToken: accessToken }, "signOut");
  }

  /** Revokes a refresh token (and the tokens issued from it). Best effort: never throws. */
  async revoke(refreshToken: string): Promise<void> {
    try {
      await this.call("RevokeToken", { Token: refreshToken, ClientId: this.clientId }, "refresh");
    } catch {
      // Signing out locally must not depend on the network.
    }
  }

  private async call(action: string, payload: object, during: CognitoStage): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await this.fetchFn(this.endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-amz-json-1.1",
          "X-Amz-Target": TARGET_PREFIX + action,
        },
        body: JSON.stringify(payload),
        cache: "no-store",
        credentials: "omit",
      });
    } catch {
      throw networkError();
    }

    let body: unknown = undefined;
    try {
      body = await response.json();
    } catch {
      // Not JSON (proxy error page, empty body): handled below.
    }
    const record = isRecord(body) ? body : {};

    if (!response.ok) {
      const type = errorType(response, record);
      const message = typeof record.message === "string" ? record.message : typeof record.Message === "string" ? record.Message : "";
      if (!type && response.status >= 500) throw cognitoError("", message, during);
      throw cognitoError(type, message, during);
    }
    return record;
  }
}

function delivery(body: Record<string, unknown>): CodeDelivery {
  const details = isRecord(body.CodeDeliveryDetails) ? body.CodeDeliveryDetails : {};
  return { destination: typeof details.Destination === "string" ? details.Destination : undefined };
}

function readAuthenticationResult(body: Record<string, unknown>): CognitoTokens {
  const result = body.AuthenticationResult;
  if (isRecord(result)) {
    const { IdToken, AccessToken, RefreshToken, ExpiresIn } = result;
    if (typeof IdToken === "string" && typeof AccessToken === "string") {
      return {
        idToken: IdToken,
        accessToken: AccessToken,
        refreshToken: typeof RefreshToken === "string" && RefreshToken ? RefreshToken : undefined,
        expiresIn: typeof ExpiresIn === "number" && ExpiresIn > 0 ? ExpiresIn : 3600,
      };
    }
  }
  if (typeof body.ChallengeName === "string") {
    throw challengeError(body.ChallengeName);
  }
  throw new AuthError("service", "MalformedResponse", "Сервис входа вернул неожиданный ответ. Попробуйте позже.");
}

/** "com.amazonaws…#NotAuthorizedException" or "NotAuthorizedException:http://…" → "NotAuthorizedException". */
function errorType(response: Response, body: Record<string, unknown>): string {
  const raw =
    (typeof body.__type === "string" && body.__type) ||
    response.headers.get("x-amzn-errortype") ||
    (typeof body.code === "string" && body.code) ||
    "";
  const afterHash = raw.includes("#") ? raw.slice(raw.lastIndexOf("#") + 1) : raw;
  return afterHash.split(":")[0]?.trim() ?? "";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
