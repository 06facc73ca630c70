/** Names for the generated schema's models the screens use (docs/openapi.json → schema.d.ts). */
import type { components } from "./schema";

type Schemas = components["schemas"];

export type BankState = Schemas["BankState"];
export type BankHealth = Schemas["BankHealth"];
export type BankConsents = Schemas["BankConsents"];
export type ConsentView = Schemas["ConsentView"];
export type ConsentKind = ConsentView["kind"];
export type ConsentsStatus = Schemas["ConsentsStatus"];
export type InitRequest = Schemas["InitRequest"];
export type InitResult = Schemas["InitResult"];
export type BankChoice = Schemas["BankChoice"];
export type PaymentLimits = Schemas["PaymentLimits"];
export type RevokeResponse = Schemas["RevokeResponse"];
export type SyncRecord = Schemas["SyncRecord"];
export type BankProgress = Schemas["BankProgress"];
export type BankFreshness = Schemas["BankFreshness"];
export type BankIdentity = Schemas["BankIdentity"];
export type AccountView = Schemas["AccountView"];
export type FinancialInputs = Schemas["FinancialInputsResponse"];
export type FinancialInputsBody = Schemas["FinancialInputsBody"];
export type OnboardingProgress = Schemas["OnboardingProgress"];
export type OnboardingBody = Schemas["OnboardingBody"];
export type OnboardingStep = OnboardingBody["step"];
export type ErrorInfo = Schemas["ErrorInfo"];
export type Caller = Schemas["Caller"];

/** 202 of POST /api/sync/full-refresh (documented as a string until the API models it). */
export interface RefreshAccepted {
  readonly sync_id: string;
  readonly status_url: string;
}
