import { useMemo, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/errors";
import type { AccountView, Dashboard, PaymentCheck, PaymentKindName, PaymentRequest, PaymentQuote } from "../../api/models";
import { useAccounts, useBankNames, useDashboard, usePay, useQuote, type PayAttempt } from "../../api/queries";
import { PATHS } from "../../lib/links";
import { parseAmount } from "../../lib/amount";
import { defaultDebtor } from "../../lib/debtor";
import { AccountPicker, accountKey, accountRef } from "../../ui/AccountPicker";
import { ChecksList } from "../../ui/Checks";
import { ConfirmOnce } from "../../ui/ConfirmOnce";
import { ErrorView } from "../../ui/ErrorView";
import { Field } from "../../ui/Field";
import { Skeleton } from "../../ui/States";
import { useFormat, type Format } from "../../ui/useFormat";
import { useSendOnce } from "../../ui/useSendOnce";
import { attemptFits, clearAttempt, loadAttempt, newAttempt, payBody, saveAttempt, type StoredAttempt } from "./attempt";
import { KIND, checkText } from "./wording";

const KINDS: readonly PaymentKindName[] = ["mdp", "adp", "sdp"];

/** The payment form (pre-filled from the link) → the quote with every check → confirm, exactly once. */
export function PaymentNewPage() {
  const [params] = useSearchParams();
  const kind = (KINDS as readonly string[]).includes(params.get("kind") ?? "") ? (params.get("kind") as PaymentKindName) : "mdp";
  const bank = params.get("bank");
  const target = useMemo<PaymentRequest["target"]>(
    () =>
      bank
        ? {
            bank_id: bank,
            ...(params.get("agreement") ? { agreement_id: params.get("agreement") } : {}),
            ...(params.get("account") ? { account_id: params.get("account") } : {}),
          }
        : null,
    [bank, params],
  );
  const accounts = useAccounts();
  const dashboard = useDashboard();
  const [stored, setStored] = useState<StoredAttempt | null>(() => {
    const found = loadAttempt(sessionStorage);
    return found && attemptFits(found, kind, target) ? found : null;
  });

  if (accounts.isPending || dashboard.isPending) return <Skeleton lines={6} label="Готовим платёж…" />;
  if (accounts.isError) return <ErrorView error={accounts.error} onRetry={() => void accounts.refetch()} />;
  if (dashboard.isError) return <ErrorView error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const targetName = nameOfTarget(dashboard.data.dashboard, target);
  return (
    <div className="page" data-testid="payment-new">
      <h1 className="page__title">{KIND[kind].title}</h1>
      <p className="muted">{KIND[kind].what}.</p>
      {stored ? (
        <QuoteStep stored={stored} targetName={targetName} onChange={() => { clearAttempt(sessionStorage); setStored(null); }} />
      ) : (
        <FormStep
          kind={kind}
          target={target}
          targetName={targetName}
          initialAmount={(params.get("amount") ?? "").replace(".", ",")}
          accounts={accounts.data.accounts}
          onQuoted={(attempt, quote) => setStored(saveAttempt(sessionStorage, attempt, quote, false))}
        />
      )}
    </div>
  );
}

function nameOfTarget(d: Dashboard, target: PaymentRequest["target"]): string | null {
  if (!target) return null;
  const ref = `${target.bank_id}/${target.agreement_id ?? target.account_id ?? ""}`;
  const loan = [...d.debt.loans, ...d.debt.cards].find((l) => `${l.bank_id}/${l.agreement_id}` === ref);
  if (loan) return loan.name;
  const saving = d.savings.items.find((s) => `${s.bank_id}/${s.ref}` === ref);
  return saving?.name ?? null;
}

function FormStep({
  kind,
  target,
  targetName,
  initialAmount,
  accounts,
  onQuoted,
}: {
  kind: PaymentKindName;
  target: PaymentRequest["target"];
  targetName: string | null;
  initialAmount: string;
  accounts: readonly AccountView[];
  onQuoted: (attempt: PayAttempt, quote: PaymentQuote) => void;
}) {
  const names = useBankNames();
  const format = useFormat();
  const quote = useQuote();
  const [debtor, setDebtor] = useState(() => {
    const found = defaultDebtor(accounts, target?.bank_id, Number(initialAmount.replace(",", ".")) || 0);
    return found ? accountKey(found) : "";
  });
  const [amount, setAmount] = useState(initialAmount);
  const [comment, setComment] = useState("");
  const { clean, error: amountError } = parseAmount(amount);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (amountError || !debtor) return;
    const request: PaymentRequest = {
      debtor: accountRef(debtor),
      ...(target ? { target } : {}),
      ...(clean ? { amount: clean } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    const answer = await quote.mutateAsync({ kind, ...request }).catch(() => null);
    if (answer) onQuoted(newAttempt(kind, payBody(request, answer)), answer);
  }

  const serverField = quote.error instanceof ApiError ? quote.error : null;
  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="payment-form" aria-labelledby="payment-form-title">
      <h2 id="payment-form-title">Куда и откуда</h2>
      <dl className="facts-grid">
        <div>
          <dt>Получатель</dt>
          <dd data-testid="payment-target">{targetName ?? (target ? `${names[target.bank_id] ?? target.bank_id}` : kind === "adp" ? "по плану FinPulse" : "не выбран")}</dd>
        </div>
        {target && (
          <div>
            <dt>Банк</dt>
            <dd>{names[target.bank_id] ?? target.bank_id}</dd>
          </div>
        )}
      </dl>
      {!target && kind !== "adp" && (
        <p className="hero__warn">
          Выберите, что оплатить: <Link to={kind === "sdp" ? PATHS.savings : PATHS.loans}>{kind === "sdp" ? "вклад или счёт" : "кредит или карту"}</Link>.
        </p>
      )}
      <AccountPicker accounts={accounts} value={debtor} onChange={setDebtor} legend="Списать со счёта" empty="Нет текущих или накопительных счетов, с которых можно платить." names={names} format={format} />
      <div className="form-grid">
        <Field
          label="Сумма, ₽"
          hint={kind === "mdp" ? "Оставьте пустым — заплатим ближайший платёж по графику." : kind === "adp" ? "Оставьте пустым — сумма по плану FinPulse." : "Оставьте пустым — сумма по плану накоплений."}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={amountError ?? serverField?.fieldMessage("body.amount")}
          data-testid="payment-amount"
        />
        <Field label="Комментарий" hint="Необязательно; банк покажет его в выписке." value={comment} maxLength={140} onChange={(e) => setComment(e.target.value)} data-testid="payment-comment" />
      </div>
      {quote.isError && <ErrorView error={quote.error} title="Не удалось проверить платёж" />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={quote.isPending || Boolean(amountError) || !debtor || (!target && kind !== "adp")} data-testid="payment-quote">
          {quote.isPending ? "Проверяем…" : "Проверить платёж"}
        </button>
        <Link className="button button--ghost" to={PATHS.payments}>
          История платежей
        </Link>
      </div>
    </form>
  );
}

function QuoteStep({ stored, targetName, onChange }: { stored: StoredAttempt; targetName: string | null; onChange: () => void }) {
  const names = useBankNames();
  const format = useFormat();
  const navigate = useNavigate();
  const pay = usePay();
  const { quote, attempt } = stored;
  const state = useSendOnce(stored, ATTEMPTS, pay.mutateAsync, (payment) => void navigate(`${PATHS.payments}/${payment.payment_id}`, { replace: true }));
  const text = (check: PaymentCheck) => checkText(check, quote, (id) => names[id] ?? id);
  return (
    <section className="card" aria-labelledby="quote-title" data-testid="payment-quote-step" data-ok={quote.ok}>
      <h2 id="quote-title">Проверьте платёж</h2>
      <QuoteSummary quote={quote} targetName={targetName} names={names} format={format} />
      <ChecksList checks={quote.checks} text={text} testId="payment-check" />
      {quote.consent?.approval === "manual" && (
        <p className="next-action">Этот банк попросит подтвердить платёж в своём приложении — после нажатия «Оплатить» появится ссылка.</p>
      )}
      {!quote.ok && (
        <p className="hero__warn" role="alert" data-testid="payment-refused">
          Платёж не пройдёт, деньги не спишутся: {quote.checks.filter((c) => !c.ok).map(text).join(" ")}
        </p>
      )}
      <ConfirmOnce
        state={state}
        action="платёж"
        canConfirm={quote.ok}
        label={`Оплатить ${quote.amount ? format.money(quote.amount, quote.currency ?? "RUB") : ""}`}
        sendingLabel="Отправляем…"
        lostTitle="Ответ не дошёл — платёж мог пройти"
        refusedTitle="Платёж не принят"
        retryHint="«Повторить» спросит о том же самом платеже: если он уже прошёл, FinPulse покажет его, а второй раз деньги не спишутся."
        keyNote="Повторное нажатие, обновление страницы или повтор после сбоя сети не спишут деньги второй раз: FinPulse отправляет этот платёж под одним номером"
        attemptKey={attempt.key}
        onChange={onChange}
        testId="payment"
      />
    </section>
  );
}

const ATTEMPTS = { save: saveAttempt, clear: clearAttempt };

function QuoteSummary({ quote, targetName, names, format }: { quote: PaymentQuote; targetName: string | null; names: Readonly<Record<string, string>>; format: Format }) {
  return (
    <dl className="facts-grid" data-testid="payment-summary">
      <div>
        <dt>Сумма</dt>
        <dd className="figure" data-testid="quote-amount">
          {quote.amount ? format.money(quote.amount, quote.currency ?? "RUB") : "—"}
        </dd>
      </div>
      {quote.debtor && (
        <div>
          <dt>Откуда</dt>
          <dd>
            {names[quote.debtor.bank_id] ?? quote.debtor.bank_id} {quote.debtor.masked_number}
            <span className="muted"> · доступно {quote.debtor.available ? format.money(quote.debtor.available) : "—"}</span>
          </dd>
        </div>
      )}
      {quote.creditor && (
        <div>
          <dt>Куда</dt>
          <dd>
            {targetName ?? quote.creditor.name} · {names[quote.creditor.bank_id] ?? quote.creditor.bank_id} {quote.creditor.masked_number}
            {quote.creditor.outstanding && <span className="muted"> · долг {format.money(quote.creditor.outstanding)}</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}
