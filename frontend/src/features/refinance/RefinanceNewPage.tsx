import { useEffect, useMemo, useState } from "react";
import { quoted } from "../../lib/text";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { PaymentCheck, RefinanceQuote, RefinanceRequest } from "../../api/models";
import { useBankNames, useRefinanceQuote, useStartRefinance, type RefinanceAttempt } from "../../api/queries";
import { attemptStore, newKey, type StoredOf } from "../../lib/attempt";
import { PATHS, refinanceStatusPath, targetOf } from "../../lib/links";
import { ChecksList } from "../../ui/Checks";
import { ConfirmOnce } from "../../ui/ConfirmOnce";
import { ErrorView } from "../../ui/ErrorView";
import { ProductRightsRequest } from "../../ui/ProductRightsRequest";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat } from "../../ui/useFormat";
import { useSendOnce } from "../../ui/useSendOnce";
import { Figures } from "./Figures";
import { StepsList } from "./StepsList";
import { refinanceCheckText, rightsNeeded } from "./wording";

type Stored = StoredOf<RefinanceAttempt, RefinanceQuote>;
const REFI_ATTEMPTS = attemptStore<RefinanceAttempt, RefinanceQuote>("finpulse.refinance.attempt.v1");

const sameBody = (a: RefinanceRequest, b: RefinanceRequest) => JSON.stringify(a) === JSON.stringify(b);

/** A refinance offer: the quote (figures, both banks, every step, every check) → confirm once → the saga's page. */
export function RefinanceNewPage() {
  const [params] = useSearchParams();
  const loan = targetOf(params.get("loan"));
  const body = useMemo<RefinanceRequest | null>(
    () => (loan?.agreement_id && params.get("bank") && params.get("product") ? { loan: { bank_id: loan.bank_id, agreement_id: loan.agreement_id }, offer: { bank_id: params.get("bank") ?? "", product_id: params.get("product") ?? "" } } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the address is the input
    [params],
  );
  const quote = useRefinanceQuote();
  const [stored, setStored] = useState<Stored | null>(() => {
    const found = REFI_ATTEMPTS.load(sessionStorage);
    return found && body && sameBody(found.attempt.body, body) ? found : null;
  });
  const ask = () => {
    if (!body) return;
    quote.mutate(body, { onSuccess: (q) => setStored(REFI_ATTEMPTS.save(sessionStorage, { key: newKey(), body }, q, false)) });
  };
  useEffect(() => {
    if (!stored) ask();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per offer
  }, [body]);
  return (
    <div className="page" data-testid="refinance-new">
      <h1 className="page__title">Рефинансирование</h1>
      {!body ? (
        <Empty testId="refinance-no-offer">
          Предложение не выбрано. <Link to={PATHS.plan}>Предложения — на странице «План»</Link>
        </Empty>
      ) : stored ? (
        <QuoteStep
          stored={stored}
          onChange={() => { REFI_ATTEMPTS.clear(sessionStorage); setStored(null); ask(); }}
          onRequoted={(q) => setStored(REFI_ATTEMPTS.save(sessionStorage, { key: newKey(), body: stored.attempt.body }, q, false))}
        />
      ) : quote.isError ? (
        <ErrorView error={quote.error} title="Не удалось рассчитать рефинансирование" onRetry={ask} />
      ) : (
        <Skeleton lines={6} label="Считаем рефинансирование в обоих банках…" />
      )}
    </div>
  );
}

function QuoteStep({ stored, onChange, onRequoted }: { stored: Stored; onChange: () => void; onRequoted: (q: RefinanceQuote) => void }) {
  const names = useBankNames();
  const format = useFormat();
  const navigate = useNavigate();
  const start = useStartRefinance();
  // Re-checked in place once a bank grants a right: another bank's request in progress stays as it is.
  const requote = useRefinanceQuote();
  const again = () => requote.mutate(stored.attempt.body, { onSuccess: onRequoted });
  const { quote: q, attempt } = stored;
  const state = useSendOnce(stored, REFI_ATTEMPTS, start.mutateAsync, (r) => void navigate(refinanceStatusPath(r.refinance_id), { replace: true }));
  const bankName = (id: string) => names[id] ?? id;
  const oldBank = q.old ? bankName(q.old.bank_id) : "старый банк";
  const newBank = q.new ? bankName(q.new.bank_id) : "новый банк";
  const text = (c: PaymentCheck) => refinanceCheckText(c, q, bankName);
  return (
    <section className="card" aria-labelledby="refi-quote-title" data-testid="refinance-quote-step" data-ok={q.ok}>
      <h2 id="refi-quote-title">
        Перевести кредит из {oldBank} в {newBank}
      </h2>
      {q.old && q.new && (
        <dl className="facts-grid" data-testid="refinance-loans">
          <div>
            <dt>Старый кредит, {oldBank}</dt>
            <dd>
              {quoted(q.old.product_name)}{q.old.rate && `, ${format.percent(q.old.rate, 2)}`} · осталось {format.money(q.old.amount)}
            </dd>
          </div>
          <div>
            <dt>Новый кредит, {newBank}</dt>
            <dd>
              {quoted(q.new.product_name)}{q.new.rate && `, ${format.percent(q.new.rate, 2)}`} · {format.money(q.new.amount)}
              {q.new.term_months && ` на ${q.new.term_months} мес.`}
            </dd>
          </div>
        </dl>
      )}
      {q.figures && <Figures f={q.figures} format={format} />}
      <h3 className="chart__title">Что произойдёт — по шагам</h3>
      <StepsList steps={q.steps} oldBank={oldBank} newBank={newBank} amount={q.new?.amount ?? "0"} payout={q.payout} live={false} />
      <p className="muted small">Если какой-то шаг не получится, FinPulse остановится в безопасном состоянии, объяснит, где деньги, и ничего не будет повторять вслепую — продолжить можно будет одной кнопкой.</p>
      <ChecksList checks={q.checks} text={text} testId="refinance-check" />
      {!q.ok && (
        <p className="hero__warn" role="alert" data-testid="refinance-refused">
          Рефинансирование не начнётся, ничего не изменится: {q.checks.filter((c) => !c.ok).map(text).join(" ")}
        </p>
      )}
      {rightsNeeded(q).map(({ bankId, need }) => (
        <ProductRightsRequest key={bankId} bankId={bankId} bankName={bankName(bankId)} need={need} onApproved={again} testId={`refinance-rights-${bankId}`} />
      ))}
      {requote.isPending && <p className="muted" role="status">Проверяем рефинансирование снова…</p>}
      {requote.isError && <ErrorView error={requote.error} title="Не удалось проверить рефинансирование снова" onRetry={again} />}
      <ConfirmOnce
        state={state}
        action="рефинансирование"
        canConfirm={q.ok}
        label={`Рефинансировать в ${newBank}`}
        sendingLabel="Запускаем…"
        lostTitle="Ответ не дошёл — рефинансирование могло начаться"
        refusedTitle="Рефинансирование не начато"
        retryHint="«Повторить» спросит о том же самом рефинансировании: если оно уже идёт, FinPulse покажет его, а второе не начнётся."
        keyNote="Повторное нажатие, обновление страницы или повтор после сбоя сети не начнут второе рефинансирование: FinPulse отправляет эту заявку под одним номером"
        attemptKey={attempt.key}
        onChange={onChange}
        testId="refinance"
      />
    </section>
  );
}
