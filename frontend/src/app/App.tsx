import { lazy, Suspense, type ReactNode } from "react";
import { HashRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { useOnboarding } from "../api/queries";
import { useSession } from "../context";
import { ErrorView } from "../ui/ErrorView";
import { Loading } from "../ui/States";
import { Layout } from "./Layout";
import { NotFoundPage } from "./NotFoundPage";

// Route-level code splitting: each screen is its own chunk, fetched when first opened.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each screen's own props
const named = <K extends string, P = any>(load: () => Promise<Record<K, React.ComponentType<P>>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const SignedOutRoutes = named(() => import("../features/auth/SignedOutRoutes"), "SignedOutRoutes");
const HomePage = named(() => import("../features/home/HomePage"), "HomePage");
const OnboardingPage = named(() => import("../features/onboarding/OnboardingPage"), "OnboardingPage");
const ConnectionsPage = named(() => import("../features/connections/ConnectionsPage"), "ConnectionsPage");
const SyncPage = named(() => import("../features/sync/SyncPage"), "SyncPage");
const AccountsPage = named(() => import("../features/accounts/AccountsPage"), "AccountsPage");
const LoansPage = named(() => import("../features/loans/LoansPage"), "LoansPage");
const SavingsPage = named(() => import("../features/savings/SavingsPage"), "SavingsPage");
const CardsPage = named(() => import("../features/cards/CardsPage"), "CardsPage");
const TimelinePage = named(() => import("../features/timeline/TimelinePage"), "TimelinePage");
const SpendingPage = named(() => import("../features/spending/SpendingPage"), "SpendingPage");
const PlanPage = named(() => import("../features/plan/PlanPage"), "PlanPage");
const ProfilePage = named(() => import("../features/profile/ProfilePage"), "ProfilePage");
const PaymentsPage = named(() => import("../features/payments/PaymentsPage"), "PaymentsPage");
const PaymentNewPage = named(() => import("../features/payments/PaymentNewPage"), "PaymentNewPage");
const PaymentStatusPage = named(() => import("../features/payments/PaymentStatusPage"), "PaymentStatusPage");
const ProductsPage = named(() => import("../features/products/ProductsPage"), "ProductsPage");
const DepositOpenPage = named(() => import("../features/products/DepositOpenPage"), "DepositOpenPage");
const DepositClosePage = named(() => import("../features/products/DepositClosePage"), "DepositClosePage");
const AgreementActionPage = named(() => import("../features/products/AgreementActionPage"), "AgreementActionPage");
const RefinanceNewPage = named(() => import("../features/refinance/RefinanceNewPage"), "RefinanceNewPage");
const RefinanceStatusPage = named(() => import("../features/refinance/RefinanceStatusPage"), "RefinanceStatusPage");

/** Screens of an onboarded user: path → screen. */
const MONEY_SCREENS: ReadonlyArray<readonly [string, React.ComponentType]> = [
  ["accounts", AccountsPage],
  ["loans", LoansPage],
  ["savings", SavingsPage],
  ["cards", CardsPage],
  ["timeline", TimelinePage],
  ["spending", SpendingPage],
  ["plan", PlanPage],
  ["profile", ProfilePage],
  ["payments", PaymentsPage],
  ["payments/new", PaymentNewPage],
  ["payments/:paymentId", PaymentStatusPage],
  ["products", ProductsPage],
  ["deposits/new", DepositOpenPage],
  ["deposits/close", DepositClosePage],
  ["deposits/actions/:actionId", AgreementActionPage],
  ["refinance/new", RefinanceNewPage],
  ["refinance/:refinanceId", RefinanceStatusPage],
];

const screenLoading = <Loading label="Открываем…" testId="screen-loading" />;

/**
 * Signed out: sign-in, sign-up, confirmation and password reset. Signed in: the app, and a new
 * user lands in onboarding until they finish it. Hash routing keeps deep links working on hosts
 * that serve only files (S3/CloudFront, the local stack) without an index.html fallback.
 */
export function App() {
  const { session, signOutReason } = useSession();
  return (
    <HashRouter>
      {session ? (
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<Onboarded>{<HomePage />}</Onboarded>} />
            <Route path="onboarding" element={<OnboardingPage />} />
            <Route path="connections" element={<Onboarded>{<ConnectionsPage />}</Onboarded>} />
            {MONEY_SCREENS.map(([path, Screen]) => (
              <Route key={path} path={path} element={<Onboarded>{<Screen />}</Onboarded>} />
            ))}
            <Route path="sync/:syncId" element={<SyncPage />} />
            {["signup", "confirm", "forgot"].map((path) => (
              <Route key={path} path={path} element={<Navigate to="/" replace />} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      ) : (
        <Suspense fallback={screenLoading}>
          <SignedOutRoutes signOutReason={signOutReason} />
        </Suspense>
      )}
    </HashRouter>
  );
}

/** Sends a user who has not finished onboarding (progress stored on the server) to it. */
function Onboarded({ children }: { children: ReactNode }) {
  const onboarding = useOnboarding();
  const location = useLocation();
  if (onboarding.isPending) return screenLoading;
  if (onboarding.isError) {
    return <ErrorView error={onboarding.error} onRetry={() => void onboarding.refetch()} />;
  }
  if (!onboarding.data.completed_at) return <Navigate to="/onboarding" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}
