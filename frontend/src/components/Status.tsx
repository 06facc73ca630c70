import type { ReactNode } from "react";
import { requestIdOf, userMessage } from "../lib/messages";

export function Loading({ label, testId }: { label: string; testId?: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite" data-testid={testId}>
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorNotice({
  error,
  title,
  onRetry,
  testId,
  retryTestId,
}: {
  error: unknown;
  title: string;
  onRetry?: () => void;
  testId?: string;
  retryTestId?: string;
}) {
  const requestId = requestIdOf(error);
  return (
    <div className="state state--error" role="alert" data-testid={testId}>
      <div>
        <p className="state__title">{title}</p>
        <p>{userMessage(error)}</p>
        {requestId && <p className="state__meta">Код запроса: {requestId}</p>}
      </div>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry} data-testid={retryTestId}>
          Повторить
        </button>
      )}
    </div>
  );
}

export function Empty({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="state state--empty" data-testid={testId}>
      {children}
    </div>
  );
}
