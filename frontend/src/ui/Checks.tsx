/** The quote's checks, one line each with a mark that is also said in words (payments, deposits, refinance). */
export interface CheckLike {
  readonly name: string;
  readonly ok: boolean;
}

export function ChecksList<C extends CheckLike>({ checks, text, testId }: { checks: readonly C[]; text: (check: C) => string; testId: string }) {
  return (
    <>
      <h3 className="chart__title">Проверки</h3>
      <ul className="checks" data-testid={`${testId}s`}>
        {checks.map((check, i) => (
          <li key={`${check.name}-${i}`} className="check-row" data-testid={testId} data-ok={check.ok} data-name={check.name}>
            <span className={`check-row__mark check-row__mark--${check.ok ? "ok" : "fail"}`} aria-hidden="true">
              {check.ok ? "✓" : "✕"}
            </span>
            <span>
              <span className="visually-hidden">{check.ok ? "Пройдена: " : "Не пройдена: "}</span>
              {text(check)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
