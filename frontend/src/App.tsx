import { HashRouter, Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { useSession } from "./context";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SignInPage } from "./pages/SignInPage";

/**
 * Routes of the signed-in app. Signed out, every route shows the sign-in form and, after
 * signing in, the route that was asked for. Hash routing keeps deep links working on hosts
 * that serve only files (S3/CloudFront, the local stack) without an index.html fallback.
 */
export function App() {
  const { session, signOutReason } = useSession();
  return (
    <HashRouter>
      {session ? (
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      ) : (
        <SignInPage signOutReason={signOutReason} />
      )}
    </HashRouter>
  );
}
