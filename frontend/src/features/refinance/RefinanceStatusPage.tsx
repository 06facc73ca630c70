import { Link, useParams } from "react-router";
import { quoted } from "../../lib/text";
import type { RefinanceView } from "../../api/models";
import { useBankNames, useRefinance, useResumeRefinance } from "../../api/queries";
import { PATHS } from "../../lib/links";
import { Badge } from "../../ui/Badge";
import { ErrorView } from "../../ui/ErrorView";
import { Skeleton } from "../../ui/States";
import { useFormat } from "../../ui/useFormat";
import { Figures } from "./Figures";
import { StepsList } from "./StepsList";
import { SAGA_STATUS, safeStop, stopReason } from "./wording";

/** One refinance, live: every step as it runs, the result, or a safe stop with the resume action. */
export function RefinanceStatusPage() {
  const { refinanceId = "" } = useParams();
  const refinance = useRefinance(refinanceId);
  const names = useBankNames();
  const format = useFormat();
  if (refinance.isPending) return <Skeleton lines={6} label="Загружаем рефинансирование…" />;
  if (refinance.isError) return <ErrorView error={refinance.error} onRetry={() => void refinance.refetch()} />;
  const r = refinance.data;
  const oldBank = names[r.old.bank_id] ?? r.old.bank_id;
  const newBank = names[r.new.bank_id] ?? r.new.bank_id;
  return (
    <div className="page" data-testid="refinance-status" data-status={r.status}>
      <h1 className="page__title">
        Рефинансирование: {oldBank} → {newBank}
      </h1>
      <section className="card" aria-labelledby="saga-title">
        <header className="card__header">
          <h2 id="saga-title">Ход выполнения</h2>
          <Badge tone={SAGA_STATUS[r.status].tone} testId="refinance-badge">
            {SAGA_STATUS[r.status].label}
          </Badge>
        </header>
        <div aria-live="polite">
          <StepsList steps={r.steps} oldBank={oldBank} newBank={newBank} amount={r.new.amount} payout={r.payout} live />
        </div>
        {r.status === "running" && <p className="muted">Шаги выполняются один за другим; обычно это занимает меньше минуты. Страницу можно закрыть — рефинансирование продолжится.</p>}
        {r.status === "stopped" && r.stop && <Stopped r={r} oldBank={oldBank} newBank={newBank} />}
        {r.status === "completed" && (
          <p className="next-action" data-testid="refinance-done">
            Готово: старый кредит в {oldBank} погашен и закрыт, новый {quoted(r.new.product_name)} в {newBank} открыт на {format.money(r.new.amount)}. Теперь платёж — {format.money(r.figures.new_payment)} в месяц вместо {format.money(r.figures.current_payment)}. Долг, обязательные платежи и план уже пересчитаны.
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="saga-figures">
        <h2 id="saga-figures">Выгода</h2>
        <Figures f={r.figures} format={format} />
      </section>
      <div className="actions">
        <Link className="button button--secondary" to={PATHS.loans}>
          Кредиты
        </Link>
        <Link className="button button--ghost" to={PATHS.plan}>
          План
        </Link>
      </div>
    </div>
  );
}

function Stopped({ r, oldBank, newBank }: { r: RefinanceView; oldBank: string; newBank: string }) {
  const resume = useResumeRefinance(r.refinance_id);
  const stop = r.stop;
  if (!stop) return null;
  const { safe, todo } = safeStop(stop.step, { oldBank, newBank });
  return (
    <div className="saga-stop" data-testid="refinance-stop" data-step={stop.step} role="alert">
      <p>
        <strong>Что случилось.</strong> {stopReason(stop.code, stop.message)}
      </p>
      <p data-testid="refinance-safe-state">
        <strong>Где деньги.</strong> {safe}
      </p>
      <p>
        <strong>Что делать.</strong> {todo}
      </p>
      {resume.isError && <ErrorView error={resume.error} title="Не удалось продолжить" />}
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => resume.mutate()} disabled={resume.isPending} data-testid="refinance-resume">
          {resume.isPending ? "Продолжаем…" : "Продолжить"}
        </button>
      </div>
    </div>
  );
}
