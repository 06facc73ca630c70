import { useState, type FormEvent } from "react";
import { quoted } from "../../lib/text";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { AccountView, CloseQuote, PaymentCheck, SavingsItem } from "../../api/models";
import { useAccounts, useBankNames, useCloseDeposit, useCloseQuote, useDashboard, type CloseAttempt } from "../../api/queries";
import { attemptStore, newKey, type StoredOf } from "../../lib/attempt";
import { defaultDebtor } from "../../lib/debtor";
import { consentShort } from "../../lib/productRights";
import { PATHS, agreementActionPath } from "../../lib/links";
import { AccountPicker, accountKey, accountRef } from "../../ui/AccountPicker";
import { ChecksList } from "../../ui/Checks";
import { ConfirmOnce } from "../../ui/ConfirmOnce";
import { ErrorView } from "../../ui/ErrorView";
import { ProductRightsRequest } from "../../ui/ProductRightsRequest";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat } from "../../ui/useFormat";
import { useSendOnce } from "../../ui/useSendOnce";
import { closeCheckText } from "./wording";

type Stored = StoredOf<CloseAttempt, CloseQuote>;
const CLOSE_ATTEMPTS = attemptStore<CloseAttempt, CloseQuote>("finpulse.deposit-close.attempt.v1");

/** Close a deposit: the account the money goes to → the quote (what comes back, interest lost) → confirm once. */
export function DepositClosePage() {
  const [params] = useSearchParams();
  const bank = params.get("bank") ?? "";
  const agreementId = params.get("agreement") ?? "";
  const dashboard = useDashboard();
  const accounts = useAccounts();
  const [stored, setStored] = useState<Stored | null>(() => {
    const found = CLOSE_ATTEMPTS.load(sessionStorage);
    return found && found.attempt.agreementId === agreementId && found.attempt.body.bank_id === bank ? found : null;
  });
  if (dashboard.isPending || accounts.isPending) return <Skeleton lines={6} label="Готовим закрытие вклада…" />;
  if (dashboard.isError) return <ErrorView error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (accounts.isError) return <ErrorView error={accounts.error} onRetry={() => void accounts.refetch()} />;
  const deposit = dashboard.data.dashboard.savings.items.find((i) => i.bank_id === bank && i.ref === agreementId && i.kind === "deposit");
  return (
    <div className="page" data-testid="deposit-close">
      <h1 className="page__title">Закрыть вклад</h1>
      {stored ? (
        <CloseQuoteStep
          stored={stored}
          onChange={() => { CLOSE_ATTEMPTS.clear(sessionStorage); setStored(null); }}
          onRequoted={(quote) => setStored(CLOSE_ATTEMPTS.save(sessionStorage, { ...stored.attempt, key: newKey() }, quote, false))}
        />
      ) : !deposit ? (
        <Empty testId="deposit-not-found">
          Этого вклада нет среди ваших открытых вкладов. <Link to={PATHS.savings}>К накоплениям</Link>
        </Empty>
      ) : (
        <CloseForm deposit={deposit} accounts={accounts.data.accounts} onQuoted={(attempt, quote) => setStored(CLOSE_ATTEMPTS.save(sessionStorage, attempt, quote, false))} />
      )}
    </div>
  );
}

function CloseForm({ deposit, accounts, onQuoted }: { deposit: SavingsItem; accounts: readonly AccountView[]; onQuoted: (a: CloseAttempt, q: CloseQuote) => void }) {
  const names = useBankNames();
  const format = useFormat();
  const quote = useCloseQuote();
  const atBank = accounts.filter((a) => a.bank_id === deposit.bank_id);
  const [to, setTo] = useState(() => {
    const found = defaultDebtor(atBank, deposit.bank_id, 0);
    return found ? accountKey(found) : "";
  });
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!to) return;
    const attempt: CloseAttempt = { key: newKey(), agreementId: deposit.ref, body: { bank_id: deposit.bank_id, to: accountRef(to) } };
    const answer = await quote.mutateAsync({ agreementId: attempt.agreementId, body: attempt.body }).catch(() => null);
    if (answer) onQuoted(attempt, answer);
  }
  const bank = names[deposit.bank_id] ?? deposit.bank_id;
  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="close-form" aria-labelledby="close-form-title">
      <h2 id="close-form-title">
        {quoted(deposit.name)}, {bank}
      </h2>
      <dl className="facts-grid">
        <div>
          <dt>На вкладе</dt>
          <dd className="figure">{format.money(deposit.amount, deposit.currency)}</dd>
        </div>
        {deposit.rate && (
          <div>
            <dt>Ставка</dt>
            <dd>{format.percent(deposit.rate, 2)} годовых</dd>
          </div>
        )}
        {deposit.maturity_date && (
          <div>
            <dt>Срок вклада</dt>
            <dd>до {format.day(deposit.maturity_date)}</dd>
          </div>
        )}
      </dl>
      <AccountPicker accounts={atBank} value={to} onChange={setTo} legend={`Куда вернуть деньги (счёт в ${bank})`} empty="В этом банке нет вашего текущего или накопительного счёта: деньги некуда вернуть." names={names} format={format} />
      {quote.isError && <ErrorView error={quote.error} title="Не удалось рассчитать закрытие" />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={quote.isPending || !to} data-testid="close-quote">
          {quote.isPending ? "Считаем…" : "Рассчитать, что вернётся"}
        </button>
        <Link className="button button--ghost" to={PATHS.savings}>
          Не закрывать
        </Link>
      </div>
    </form>
  );
}

function CloseQuoteStep({ stored, onChange, onRequoted }: { stored: Stored; onChange: () => void; onRequoted: (q: CloseQuote) => void }) {
  const names = useBankNames();
  const format = useFormat();
  const navigate = useNavigate();
  const close = useCloseDeposit();
  const requote = useCloseQuote();
  const again = () => requote.mutate({ agreementId: stored.attempt.agreementId, body: stored.attempt.body }, { onSuccess: onRequoted });
  const bankId = stored.attempt.body.bank_id;
  const { quote: q, attempt } = stored;
  const state = useSendOnce(stored, CLOSE_ATTEMPTS, close.mutateAsync, (action) => void navigate(agreementActionPath(action.action_id), { replace: true }));
  const text = (c: PaymentCheck) => closeCheckText(c, q, (id) => names[id] ?? id);
  const cur = q.agreement?.currency ?? "RUB";
  const lost = Number(q.interest_lost ?? 0) > 0;
  return (
    <section className="card" aria-labelledby="close-quote-title" data-testid="close-quote-step" data-ok={q.ok}>
      <h2 id="close-quote-title">Проверьте закрытие{q.agreement && `: ${quoted(q.agreement.product_name)}`}</h2>
      <dl className="facts-grid" data-testid="close-summary">
        <div>
          <dt>Вернётся на счёт</dt>
          <dd className="figure" data-testid="close-returned">{q.returned ? format.money(q.returned, cur) : "—"}</dd>
        </div>
        {q.to && (
          <div>
            <dt>Куда</dt>
            <dd>
              {names[q.to.bank_id] ?? q.to.bank_id} {q.to.masked_number}
            </dd>
          </div>
        )}
        {q.principal && (
          <div>
            <dt>Вложено</dt>
            <dd>{format.money(q.principal, cur)}</dd>
          </div>
        )}
        {q.interest_credited && (
          <div>
            <dt>Уже начислено процентов</dt>
            <dd>{format.money(q.interest_credited, cur)}</dd>
          </div>
        )}
        <div>
          <dt>Потеряете процентов</dt>
          <dd data-testid="close-interest-lost">{q.interest_lost ? format.money(q.interest_lost, cur) : "—"}</dd>
        </div>
      </dl>
      {q.early && (
        <p className={lost ? "hero__warn" : "muted"} data-testid="close-early">
          {lost
            ? `Срок вклада ещё не закончился${q.agreement?.maturity_date ? ` (до ${format.day(q.agreement.maturity_date)})` : ""}: закрыв его сейчас, вы не получите ${format.money(q.interest_lost ?? "0", cur)} процентов${q.interest_at_maturity ? ` из ${format.money(q.interest_at_maturity, cur)}, положенных к концу срока` : ""}.`
            : "Срок вклада ещё не закончился, но проценты при закрытии не теряются."}
        </p>
      )}
      <ChecksList checks={q.checks} text={text} testId="close-check" />
      {!q.ok && (
        <p className="hero__warn" role="alert" data-testid="close-refused">
          Вклад не закроется: {q.checks.filter((c) => !c.ok).map(text).join(" ")}
        </p>
      )}
      {consentShort(q.checks) && (
        <ProductRightsRequest bankId={bankId} bankName={names[bankId] ?? bankId} need={{ close: true, type: "deposit" }} onApproved={again} testId="close-rights" />
      )}
      {requote.isPending && <p className="muted" role="status">Считаем закрытие снова…</p>}
      {requote.isError && <ErrorView error={requote.error} title="Не удалось рассчитать закрытие снова" onRetry={again} />}
      <ConfirmOnce
        state={state}
        action="закрытие вклада"
        canConfirm={q.ok}
        label="Закрыть вклад"
        sendingLabel="Закрываем…"
        lostTitle="Ответ банка не дошёл — вклад мог закрыться"
        refusedTitle="Вклад не закрыт"
        retryHint="«Повторить» спросит о том же самом закрытии: если вклад уже закрыт, FinPulse покажет это, и деньги вернутся один раз."
        keyNote="Повторное нажатие, обновление страницы или повтор после сбоя сети ничего не сделают дважды: FinPulse отправляет эту заявку под одним номером"
        attemptKey={attempt.key}
        onChange={onChange}
        testId="close"
      />
    </section>
  );
}
