import type { ReactNode } from "react";

/** The signed-out screens' frame: the brand, a title, a short line under it, the form. */
export function AuthLayout({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <main className="signin">
      <div className="signin__panel">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true" />
          FinPulse
        </div>
        <h1>{title}</h1>
        {lead && <p className="muted">{lead}</p>}
        {children}
      </div>
    </main>
  );
}

/** The result of a form submit the person must read: an error (alert) or a notice (status). */
export function FormMessage({ error, notice, testId }: { error?: string | null; notice?: string | null; testId: string }) {
  if (error) {
    return (
      <p className="form__error" role="alert" data-testid={`${testId}-error`}>
        {error}
      </p>
    );
  }
  if (notice) {
    return (
      <p className="notice" role="status" data-testid={`${testId}-notice`}>
        {notice}
      </p>
    );
  }
  return null;
}
