import { Route, Routes, useLocation } from "react-router";
import type { SignOutReason } from "../../auth/session";
import { ConfirmPage } from "./ConfirmPage";
import { ForgotPasswordPage } from "./ForgotPasswordPage";
import { SignInPage } from "./SignInPage";
import { SignUpPage } from "./SignUpPage";

/** Every route shows sign-in when signed out, except the sign-up, confirmation and reset screens. */
export function SignedOutRoutes({ signOutReason }: { signOutReason: SignOutReason | null }) {
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <Routes>
      <Route path="signup" element={<SignUpPage />} />
      <Route path="confirm" element={<ConfirmPage />} />
      <Route path="forgot" element={<ForgotPasswordPage />} />
      <Route path="*" element={<SignInPage signOutReason={signOutReason} {...(notice ? { notice } : {})} />} />
    </Routes>
  );
}
