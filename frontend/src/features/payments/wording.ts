/** Russian words for the payment API's checks, statuses and refusal codes. */
import type { PaymentCheck, PaymentKindName, PaymentQuote, PaymentStatus } from "../../api/models";
import { codeMessage } from "../../api/errors";
import { formatMoney } from "../../lib/format";
import type { Tone } from "../../ui/Badge";

export const KIND: Readonly<Record<PaymentKindName, { title: string; what: string }>> = {
  mdp: { title: "Обязательный платёж", what: "Платёж по кредиту или карте по графику" },
  adp: { title: "Досрочное погашение", what: "Платёж сверх обязательного: долг и переплата уменьшаются" },
  sdp: { title: "Пополнение накоплений", what: "Перевод на вклад или накопительный счёт" },
};

export const STATUS: Readonly<Record<PaymentStatus, { label: string; tone: Tone; explain: string }>> = {
  created: { label: "Создан", tone: "info", explain: "Платёж создан, FinPulse передаёт его в банк." },
  awaiting_approval: {
    label: "Ждёт подтверждения",
    tone: "warn",
    explain: "Банк просит подтвердить платёж в своём приложении. Как только вы подтвердите, банк его проведёт — здесь это будет видно.",
  },
  submitting: { label: "Отправляется", tone: "info", explain: "FinPulse отправляет платёж в банк." },
  pending: { label: "Банк проводит", tone: "info", explain: "Банк принял платёж и проводит его. Обычно это занимает секунды." },
  completed: { label: "Выполнен", tone: "ok", explain: "Деньги списаны и зачислены. Остатки и долг уже пересчитываются." },
  rejected: { label: "Отклонён банком", tone: "danger", explain: "Банк отказался проводить платёж. Деньги не списаны." },
  failed: { label: "Не выполнен", tone: "danger", explain: "Платёж не удалось провести. Деньги не списаны." },
  unknown: {
    label: "Уточняем у банка",
    tone: "warn",
    explain:
      "Банк не ответил вовремя, поэтому итог пока неизвестен. FinPulse не отправит платёж ещё раз: он сверит его с банком (по согласию, статусу платежа и выписке) и покажет здесь, прошёл ли он. Дважды деньги не спишутся.",
  },
};

const AMOUNT_SOURCE: Readonly<Record<string, string>> = {
  request: "вы указали",
  next_instalment: "ближайший платёж по графику",
  dashboard_adp: "досрочный платёж по плану FinPulse",
  dashboard_sdp: "пополнение по плану накоплений",
};

/**
 * Why a payment ended without paying, by its failure code (the payment record's, not an error
 * envelope's: those are worded in api/errors). A bank's own code falls back to its message.
 */
const FAILURE: Readonly<Record<string, string>> = {
  BANK_REJECTED: "Банк отклонил платёж уже после того, как принял его. Деньги не списаны.",
  NOT_EXECUTED: "Банк так и не провёл платёж и уже не проведёт. Деньги не списаны — можно оплатить заново.",
  ABANDONED: "Платёж так и не был отправлен в банк. Деньги не списаны.",
  CONSENT_REFUSED: "Банк не выдал согласие на этот платёж. Деньги не списаны.",
  CONSENT_REJECTED: "Согласие на платёж отклонено в банке. Деньги не списаны.",
  CONSENT_EXPIRED: "Согласие на платёж не подтвердили вовремя, и его срок истёк. Деньги не списаны.",
  CONSENT_TERMS_MISMATCH: "Банк сохранил согласие не с теми условиями, что мы просили, поэтому FinPulse не стал платить. Деньги не списаны.",
};

/** A payment's failure, or a failed check, in Russian. */
export function refusal(code: string | null | undefined, message: string): string {
  return (code && FAILURE[code]) || codeMessage(code) || `Ответ банка: ${message}`;
}

/** One line per check, in Russian, with the figures the quote itself carries. */
export function checkText(check: PaymentCheck, quote: PaymentQuote, bankName: (id: string) => string): string {
  if (!check.ok) return codeMessage(check.code) ?? check.message;
  const money = (v: string | null | undefined) => (v ? formatMoney(v, quote.currency ?? "RUB") : "—");
  const d = quote.debtor;
  const c = quote.creditor;
  switch (check.name) {
    case "debtor_account":
      return d ? `Списать со счёта ${d.masked_number} в ${bankName(d.bank_id)}` : "Счёт списания ваш";
    case "target":
      return c ? `Получатель: ${c.name || "ваш продукт"} в ${bankName(c.bank_id)}` : "Получатель найден";
    case "creditor_account":
      return c ? `Деньги придут на счёт ${c.masked_number}` : "Счёт получателя известен";
    case "amount":
      return `Сумма ${money(quote.amount)}${quote.amount_source ? ` — ${AMOUNT_SOURCE[quote.amount_source] ?? ""}` : ""}`;
    case "currency":
      return "Валюта счетов совпадает";
    case "available_balance":
      return `На счёте сейчас ${money(d?.available)} — хватает`;
    case "outstanding":
      return c?.outstanding ? `Осталось выплатить ${money(c.outstanding)} — платёж не больше долга` : "Банк не сообщил остаток долга и проверит сумму сам";
    case "consent":
      return quote.consent?.mode === "existing" ? "Платёж пройдёт по вашему согласию на платежи" : "Банк получит разовое согласие ровно на этот платёж";
    case "consent_limits":
      return "В пределах лимитов согласия";
    case "identity":
      return "Банк подтвердил, что счета ваши";
    default:
      return check.message;
  }
}
