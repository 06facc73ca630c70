import type { ReactNode } from "react";

export function Loading({ label = "Загружаем…", testId }: { label?: string; testId?: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite" data-testid={testId}>
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Grey placeholder lines while the first answer is on its way. */
export function Skeleton({ lines = 3, label = "Загружаем…" }: { lines?: number; label?: string }) {
  return (
    <div className="skeleton" role="status" aria-label={label}>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton__line" />
      ))}
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
