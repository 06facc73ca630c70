/**
 * A fake FinPulse backend for the app tests: Cognito (one user and its password, sign-up with a
 * code) and the API routes the screens call, answering from a small in-memory state.
 */
import type { RecordedRequest } from "./fakes";
import { authResult, cognitoError, fakeJwt, json } from "./fakes";
import { TEST_CONFIG } from "./render";

export const BANKS = [
  { bank_id: "vbank", name: "VBank", approval: "auto", connected: false, consents: [], health: {} },
  { bank_id: "abank", name: "ABank", approval: "auto", connected: false, consents: [], health: {} },
  { bank_id: "sbank", name: "SBank", approval: "manual", connected: false, consents: [], health: {} },
];

export interface FakeState {
  password: string;
  confirmed: boolean;
  code: string;
  onboarding: Record<string, unknown>;
  identities: Array<{ bank_id: string; customer_id: string; updated_at: string }>;
  /** GET /api/consents/status answers, one per call; the last repeats. */
  consentAnswers: unknown[];
  initAnswer: unknown;
  accounts: unknown;
  routes: Record<string, (request: RecordedRequest) => Response>;
}

export function fakeState(overrides: Partial<FakeState> = {}): FakeState {
  return {
    password: "FinPulse-demo-1",
    confirmed: true,
    code: "123456",
    onboarding: { step: "banks", banks: [], sync_id: null, stored: false, completed_at: null },
    identities: [],
    consentAnswers: [{ banks: [], near_expiry_days: 7, generated_at: "2026-12-01T10:00:00Z" }],
    initAnswer: { results: [] },
    accounts: { accounts: [], freshness: [] },
    routes: {},
    ...overrides,
  };
}

const target = (r: RecordedRequest) => r.headers["x-amz-target"]?.split(".")[1];

export function backend(state: FakeState) {
  const idToken = fakeJwt({ sub: "sub-1", email: "demo@finpulse.dev", v: 1 });
  return (request: RecordedRequest): Response => {
    if (request.url === TEST_CONFIG.cognitoEndpoint) {
      const body = request.body as Record<string, unknown> & { AuthParameters?: Record<string, string> };
      switch (target(request)) {
        case "InitiateAuth":
          if (body.AuthFlow === "REFRESH_TOKEN_AUTH") return cognitoError("NotAuthorizedException", "Refresh Token has been revoked");
          if (body.AuthParameters?.PASSWORD !== state.password) return cognitoError("NotAuthorizedException", "Incorrect username or password.");
          if (!state.confirmed) return cognitoError("UserNotConfirmedException", "User is not confirmed.");
          return json(200, authResult({ IdToken: idToken }));
        case "SignUp":
          state.password = String(body.Password);
          state.confirmed = false;
          return json(200, { UserConfirmed: false, UserSub: "sub-1", CodeDeliveryDetails: { Destination: "d***@finpulse.dev" } });
        case "ConfirmSignUp":
          if (body.ConfirmationCode !== state.code) return cognitoError("CodeMismatchException", "Invalid verification code provided");
          state.confirmed = true;
          return json(200, {});
        default:
          return json(200, {});
      }
    }
    if (request.headers.authorization !== `Bearer ${idToken}`) return json(401, { message: "Unauthorized" });
    const path = new URL(request.url).pathname;
    const custom = state.routes[`${request.method} ${path}`];
    if (custom) return custom(request);
    switch (`${request.method} ${path}`) {
      case "GET /api/onboarding":
        return json(200, state.onboarding);
      case "PUT /api/onboarding":
        state.onboarding = { ...state.onboarding, ...(request.body as object), stored: true };
        if ((request.body as { step: string }).step === "done") state.onboarding.completed_at = "2026-12-01T10:00:00Z";
        return json(200, state.onboarding);
      case "GET /api/banks":
        return json(200, { banks: BANKS });
      case "GET /api/me/banks":
        return json(200, { identities: state.identities });
      case "GET /api/consents/status":
        return json(200, state.consentAnswers.length > 1 ? state.consentAnswers.shift() : state.consentAnswers[0]);
      case "POST /api/consents/init":
        return json(200, state.initAnswer);
      case "GET /api/accounts":
        return json(200, state.accounts);
      case "GET /api/sync/status":
        return json(200, { sync: null });
      case "GET /api/me/financial-inputs":
        return json(200, { stored: false, data_version: 0, timezone: "Europe/Moscow" });
      default:
        return json(404, { error: { status: 404, code: "NOT_FOUND", message: "No such route", details: [] } });
    }
  };
}
