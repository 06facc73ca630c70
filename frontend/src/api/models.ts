/** Names for the generated schema's models the screens use (docs/openapi.json → schema.d.ts). */
import type { components, paths } from "./schema";

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

export type DashboardResponse = Schemas["DashboardResponse"];
export type Dashboard = Schemas["Dashboard"];
export type SafeToSpend = Schemas["SafeToSpend"];
export type Term = Schemas["Term"];
export type Loan = Schemas["Loan"];
export type Card = Schemas["Card"];
export type Health = Schemas["Health"];
export type Timeline = Schemas["Timeline"];
export type TimelineEvent = Schemas["TimelineEvent"];
export type SavingsItem = Schemas["SavingsItem"];
export type Goal = Schemas["Goal"];
export type DailyPlan = Schemas["DailyPlan"];
export type Repayment = Schemas["Repayment"];
export type RepaymentPlan = Schemas["RepaymentPlan"];
export type PlanPoint = Schemas["PlanPoint"];
export type RefinanceOffer = Schemas["RefinanceOffer"];
export type SavingsPlan = Schemas["SavingsPlan"];
export type MonthFlow = Schemas["MonthFlow"];
export type TransactionView = Schemas["TransactionView"];
export type CategoryOption = Schemas["CategoryOption"];
export type SpendingReport = Schemas["SpendingReport"];
export type SpendingRow = Schemas["SpendingRow"];
export type SpendingGroup = SpendingReport["group_by"];

type TransactionQuery = NonNullable<paths["/api/transactions"]["get"]["parameters"]["query"]>;
export type TransactionFilterKey = "bank_id" | "account_id" | "from" | "to" | "direction" | "category" | "q";

/** GET /api/transactions' filters (without the page's limit and cursor); absent means "any". */
export type TransactionFilters = { readonly [K in TransactionFilterKey]?: NonNullable<TransactionQuery[K]> };

/** The filters with `key` set to `value`, or without it when the value is empty. */
export function withFilter(filters: TransactionFilters, key: TransactionFilterKey, value: string | undefined): TransactionFilters {
  const next: Record<string, string> = { ...filters };
  if (value) next[key] = value;
  else delete next[key];
  return next as TransactionFilters;
}

export type PaymentView = Schemas["PaymentView"];
export type PaymentStatus = PaymentView["status"];
export type PaymentRequest = Schemas["PaymentRequest"];
export type PaymentQuoteRequest = Schemas["PaymentQuoteRequest"];
export type PaymentQuote = Schemas["PaymentQuote"];
export type PaymentCheck = Schemas["PaymentCheckView"];
export type PaymentKindName = PaymentView["kind"];
export type PaymentsFilters = Omit<NonNullable<paths["/api/payments"]["get"]["parameters"]["query"]>, "limit" | "cursor">;

export type ProductsPage = Schemas["ProductsPage"];
export type ProductView = Schemas["ProductView"];
export type ProductsFilters = NonNullable<paths["/api/products"]["get"]["parameters"]["query"]>;
export type OpenRequest = Schemas["OpenRequest"];
export type OpenQuote = Schemas["OpenQuote"];
export type CloseRequest = Schemas["CloseRequest"];
export type CloseQuote = Schemas["CloseQuote"];
export type AgreementAction = Schemas["AgreementActionView"];
export type AgreementView = Schemas["AgreementView"];
export type RefinanceRequest = Schemas["RefinanceRequest"];
export type RefinanceQuote = Schemas["RefinanceQuote"];
export type RefinanceView = Schemas["RefinanceView"];
export type RefinanceStep = Schemas["StepView"];
export type RefinanceStepName = RefinanceStep["name"];
export type RefinanceFigures = Schemas["Figures"];
export type PaymentPartyView = Schemas["PaymentPartyView"];
