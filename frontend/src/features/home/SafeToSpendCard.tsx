import { useId, useState } from "react";
import type { SafeToSpend, Term } from "../../api/models";
import { DAYS, plural } from "../../lib/format";
import type { Format } from "../../ui/useFormat";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The headline: what can be spent today, what is left of it, tomorrow's figure, and why. */
export function SafeToSpendCard({ sts, format }: { sts: SafeToSpend; format: Format }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const short = Number(sts.shortfall) > 0;
  return (
    <section className="card hero" aria-labelledby="sts-title" data-testid="safe-to-spend">
      <h2 id="sts-title" className="hero__label">
        Можно тратить сегодня
      </h2>
      <p className="hero__amount" data-testid="sts-daily">
        {format.money(sts.daily)}
      </p>
      <dl className="hero__facts">
        <div>
          <dt>Осталось сегодня</dt>
          <dd data-testid="sts-left-today">{format.money(sts.left_today)}</dd>
        </div>
        <div>
          <dt>Завтра</dt>
          <dd data-testid="sts-tomorrow">{sts.tomorrow_daily === null || sts.tomorrow_daily === undefined ? "новый период" : format.money(sts.tomorrow_daily)}</dd>
        </div>
        <div>
          <dt>{sts.horizon === "next_income" ? "До следующего дохода" : "Доход не найден, считаем на"}</dt>
          <dd>
            {sts.days} {plural(sts.days, DAYS)}
            {sts.horizon === "next_income" && <span className="muted"> · {format.day(sts.period_end)}</span>}
          </dd>
        </div>
      </dl>
      {short && (
        <p className="hero__warn" role="note" data-testid="sts-shortfall">
          {sts.horizon === "next_income" ? "До следующего дохода" : `В ближайшие ${sts.days} ${plural(sts.days, DAYS)}`} не хватает {format.money(sts.shortfall)}: обязательные платежи и запас больше денег на счетах. Тратить сверх необходимого не стоит.
        </p>
      )}
      <div>
        <button type="button" className="button button--secondary" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)} data-testid="sts-why">
          Почему столько?
        </button>
      </div>
      <ol id={listId} className="terms" hidden={!open} data-testid="sts-explanation">
        {sts.explanation.map((term, i) => (
          <TermRow key={`${term.code}-${i}`} term={term} format={format} />
        ))}
      </ol>
    </section>
  );
}

function TermRow({ term, format }: { term: Term; format: Format }) {
  const result = term.code === "per_day";
  const detail = term.detail ? (ISO_DAY.test(term.detail) ? format.day(term.detail) : term.detail) : null;
  return (
    <li className={`term${result ? " term--result" : ""}`} data-testid="sts-term" data-code={term.code}>
      <span className="term__label">
        {term.label}
        {detail && <span className="muted term__detail"> · {detail}</span>}
      </span>
      <span className="term__amount" data-testid="sts-term-amount">
        {result ? `= ${format.money(term.amount)} в день` : format.signed(term.amount)}
      </span>
    </li>
  );
}
