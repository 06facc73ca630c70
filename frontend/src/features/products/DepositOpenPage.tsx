import { useState, type FormEvent } from "react";
import { quoted } from "../../lib/text";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/errors";
import type { AccountView, OpenQuote, OpenRequest, PaymentCheck, ProductView } from "../../api/models";
import { useAccounts, useBankNames, useDashboard, useOpenDeposit, useOpenQuote, useProducts, type OpenAttempt } from "../../api/queries";
import { parseAmount } from "../../lib/amount";
import { consentShort } from "../../lib/productRights";
import { attemptStore, newKey, type StoredOf } from "../../lib/attempt";
import { defaultDebtor } from "../../lib/debtor";
import { PATHS, agreementActionPath } from "../../lib/links";
import { AccountPicker, accountKey, accountRef } from "../../ui/AccountPicker";
import { ChecksList } from "../../ui/Checks";
import { ConfirmOnce } from "../../ui/ConfirmOnce";
import { ErrorView } from "../../ui/ErrorView";
import { Field } from "../../ui/Field";
import { ProductRightsRequest } from "../../ui/ProductRightsRequest";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat } from "../../ui/useFormat";
import { useSendOnce } from "../../ui/useSendOnce";
import { openCheckText } from "./wording";

type Stored = StoredOf<OpenAttempt, OpenQuote>;
export const OPEN_ATTEMPTS = attemptStore<OpenAttempt, OpenQuote>("finpulse.deposit-open.attempt.v1");

/** Open a deposit: amount, term and source account → the quote with every check → confirm once. */
export function DepositOpenPage() {
  const [params] = useSearchParams();
  const bank = params.get("bank") ?? "";
  const productId = params.get("product") ?? "";
  const fromGoal = params.get("from") === "goal";
  const products = useProducts({ bank_id: bank, type: "deposit" });
  const accounts = useAccounts();
  const dashboard = useDashboard();
  const format = useFormat();
  const [stored, setStored] = useState<Stored | null>(() => {
    const found = OPEN_ATTEMPTS.load(sessionStorage);
    return found && found.attempt.body.bank_id === bank && found.attempt.body.product_id === productId ? found : null;
  });
  if (products.isPending || accounts.isPending || dashboard.isPending) return <Skeleton lines={6} label="Готовим вклад…" />;
  if (products.isError) return <ErrorView error={products.error} onRetry={() => void products.refetch()} />;
  if (accounts.isError) return <ErrorView error={accounts.error} onRetry={() => void accounts.refetch()} />;
  const product = products.data.products.find((p) => p.product_id === productId);
  const goal = dashboard.data?.dashboard.savings.goal ?? null;
  return (
    <div className="page" data-testid="deposit-open">
      <h1 className="page__title">Открыть вклад</h1>
      {fromGoal && goal && (
        <p className="muted" data-testid="deposit-for-goal">
          Лучший вклад для вашей цели среди подключённых банков.{" "}
          {Number(goal.remaining) > 0 ? `На цель осталось накопить ${format.money(goal.remaining)}.` : "Цель уже накоплена: вклад сохранит и приумножит деньги."}
        </p>
      )}
      {!product ? (
        <Empty testId="deposit-no-product">
          Этого вклада нет в каталоге банка. <Link to={PATHS.products}>Все вклады ваших банков</Link>
        </Empty>
      ) : stored ? (
        <OpenQuoteStep
          stored={stored}
          onChange={() => { OPEN_ATTEMPTS.clear(sessionStorage); setStored(null); }}
          onRequoted={(quote) => setStored(OPEN_ATTEMPTS.save(sessionStorage, { key: newKey(), body: stored.attempt.body }, quote, false))}
        />
      ) : (
        <OpenForm product={product} accounts={accounts.data.accounts} onQuoted={(attempt, quote) => setStored(OPEN_ATTEMPTS.save(sessionStorage, attempt, quote, false))} />
      )}
    </div>
  );
}

function OpenForm({ product, accounts, onQuoted }: { product: ProductView; accounts: readonly AccountView[]; onQuoted: (a: OpenAttempt, q: OpenQuote) => void }) {
  const names = useBankNames();
  const format = useFormat();
  const quote = useOpenQuote();
  const atBank = accounts.filter((a) => a.bank_id === product.bank_id);
  const [amount, setAmount] = useState("");
  const [term, setTerm] = useState(String(product.term_months ?? ""));
  const { clean, error: amountError } = parseAmount(amount);
  const [source, setSource] = useState(() => {
    const found = defaultDebtor(atBank, product.bank_id, Number(clean) || 0);
    return found ? accountKey(found) : "";
  });
  const termNumber = Number(term);
  const termError = term && (!Number.isInteger(termNumber) || termNumber < 1) ? "Срок — целое число месяцев." : product.term_months && termNumber > product.term_months ? `Не больше ${product.term_months} мес.` : undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!clean || amountError || termError || !source) return;
    const body: OpenRequest = { bank_id: product.bank_id, product_id: product.product_id, amount: clean, source: accountRef(source), ...(term ? { term_months: termNumber } : {}) };
    const answer = await quote.mutateAsync(body).catch(() => null);
    if (answer) onQuoted({ key: newKey(), body }, answer);
  }
  const server = quote.error instanceof ApiError ? quote.error : null;
  const limits = [product.min_amount && `от ${format.money(product.min_amount, product.currency)}`, product.max_amount && `до ${format.money(product.max_amount, product.currency)}`].filter(Boolean).join(" ");
  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="deposit-form" aria-labelledby="deposit-form-title">
      <h2 id="deposit-form-title">
        {quoted(product.name)}, {names[product.bank_id] ?? product.bank_name}
      </h2>
      <dl className="facts-grid">
        <div>
          <dt>Ставка</dt>
          <dd className="figure" data-testid="deposit-rate">{product.rate ? `${format.percent(product.rate, 2)} годовых` : "—"}</dd>
        </div>
        {limits && (
          <div>
            <dt>Сумма вклада</dt>
            <dd>{limits}</dd>
          </div>
        )}
        {product.term_months && (
          <div>
            <dt>Срок</dt>
            <dd>до {product.term_months} мес.</dd>
          </div>
        )}
      </dl>
      <div className="form-grid">
        <Field label="Сумма, ₽" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={amountError ?? server?.fieldMessage("body.amount")} hint={limits ? `Этот вклад: ${limits}.` : undefined} data-testid="deposit-amount" />
        <Field label="Срок, мес." inputMode="numeric" value={term} onChange={(e) => setTerm(e.target.value)} error={termError ?? server?.fieldMessage("body.term_months")} hint="Проценты начислят за этот срок." data-testid="deposit-term" />
      </div>
      <AccountPicker accounts={atBank} value={source} onChange={setSource} legend={`Пополнить вклад со счёта в ${names[product.bank_id] ?? product.bank_name}`} empty="В этом банке нет вашего текущего или накопительного счёта, с которого можно открыть вклад." names={names} format={format} />
      {quote.isError && <ErrorView error={quote.error} title="Не удалось проверить вклад" />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={quote.isPending || !clean || Boolean(amountError) || Boolean(termError) || !source} data-testid="deposit-quote">
          {quote.isPending ? "Проверяем…" : "Рассчитать и проверить"}
        </button>
        <Link className="button button--ghost" to={PATHS.products}>
          Другие вклады
        </Link>
      </div>
    </form>
  );
}

function OpenQuoteStep({ stored, onChange, onRequoted }: { stored: Stored; onChange: () => void; onRequoted: (q: OpenQuote) => void }) {
  const names = useBankNames();
  const format = useFormat();
  const navigate = useNavigate();
  const open = useOpenDeposit();
  const requote = useOpenQuote();
  const { quote: q, attempt } = stored;
  const state = useSendOnce(stored, OPEN_ATTEMPTS, open.mutateAsync, (action) => void navigate(agreementActionPath(action.action_id), { replace: true }));
  const bankName = (id: string) => names[id] ?? id;
  const text = (c: PaymentCheck) => openCheckText(c, q, bankName);
  const cur = q.currency ?? "RUB";
  return (
    <section className="card" aria-labelledby="deposit-quote-title" data-testid="deposit-quote-step" data-ok={q.ok}>
      <h2 id="deposit-quote-title">Проверьте вклад</h2>
      <dl className="facts-grid" data-testid="deposit-summary">
        <div>
          <dt>Вклад</dt>
          <dd>
            {quoted(q.product_name ?? q.product_id)}, {bankName(q.bank_id)}
          </dd>
        </div>
        <div>
          <dt>Сумма</dt>
          <dd className="figure" data-testid="deposit-quote-amount">{q.amount ? format.money(q.amount, cur) : "—"}</dd>
        </div>
        <div>
          <dt>Ставка</dt>
          <dd data-testid="deposit-quote-rate">{q.rate ? `${format.percent(q.rate, 2)} годовых` : "—"}</dd>
        </div>
        <div>
          <dt>Срок</dt>
          <dd>
            {q.term_months ?? "—"} мес.{q.maturity_date && <>, до <span data-testid="deposit-maturity">{format.day(q.maturity_date)}</span></>}
          </dd>
        </div>
        <div>
          <dt>Проценты к концу срока</dt>
          <dd className="figure" data-testid="deposit-interest">{q.interest_at_maturity ? format.money(q.interest_at_maturity, cur) : "—"}</dd>
        </div>
        <div>
          <dt>Получите в конце срока</dt>
          <dd data-testid="deposit-total">{q.total_at_maturity ? format.money(q.total_at_maturity, cur) : "—"}</dd>
        </div>
        {q.source && (
          <div>
            <dt>Со счёта</dt>
            <dd>
              {bankName(q.source.bank_id)} {q.source.masked_number}
              <span className="muted"> · доступно {q.source.available ? format.money(q.source.available, cur) : "—"}</span>
            </dd>
          </div>
        )}
      </dl>
      <ChecksList checks={q.checks} text={text} testId="deposit-check" />
      {!q.ok && (
        <p className="hero__warn" role="alert" data-testid="deposit-refused">
          Вклад не откроется, деньги не спишутся: {q.checks.filter((c) => !c.ok).map(text).join(" ")}
        </p>
      )}
      {consentShort(q.checks) && (
        <ProductRightsRequest
          bankId={q.bank_id}
          bankName={bankName(q.bank_id)}
          need={{ open: true, type: "deposit", amount: q.amount }}
          onApproved={() => requote.mutate(attempt.body, { onSuccess: onRequoted })}
          testId="deposit-rights"
        />
      )}
      {requote.isPending && <p className="muted" role="status">Проверяем вклад снова…</p>}
      {requote.isError && <ErrorView error={requote.error} title="Не удалось проверить вклад снова" onRetry={() => requote.mutate(attempt.body, { onSuccess: onRequoted })} />}
      <ConfirmOnce
        state={state}
        action="открытие вклада"
        canConfirm={q.ok}
        label={`Открыть вклад на ${q.amount ? format.money(q.amount, cur) : ""}`}
        sendingLabel="Открываем…"
        lostTitle="Ответ банка не дошёл — вклад мог открыться"
        refusedTitle="Вклад не открыт"
        retryHint="«Повторить» спросит о том же самом вкладе: если он уже открыт, FinPulse покажет его, а второй вклад не откроется."
        keyNote="Повторное нажатие, обновление страницы или повтор после сбоя сети не откроют второй вклад: FinPulse отправляет эту заявку под одним номером"
        attemptKey={attempt.key}
        onChange={onChange}
        testId="deposit"
      />
    </section>
  );
}
