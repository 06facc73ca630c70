/** A labelled bar for a share of a whole (goal progress, card utilisation). */
export function Progress({ percent, label, tone = "ok", testId }: { percent: number; label: string; tone?: "ok" | "warn" | "danger"; testId?: string }) {
  const value = Math.max(0, Math.min(100, Number.isFinite(percent) ? percent : 0));
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value)} data-testid={testId}>
      <div className={`progress__bar${tone === "ok" ? "" : ` progress__bar--${tone}`}`} style={{ width: `${value}%` }} />
    </div>
  );
}
