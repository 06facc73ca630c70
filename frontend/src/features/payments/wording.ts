/** Russian words for the payment API's checks, statuses and refusal codes. */
import type { CheckView, PaymentKindName, PaymentStatus, QuoteView } from "../../api/models";
import { formatMoney } from "../../lib/format";
import type { Tone } from "../../ui/Badge";

export const KIND: Readonly<Record<PaymentKindName, { title: string; short: string; what: string }>> = {
  mdp: { title: "Обязательный платёж", short: "Обязательный", what: "Платёж по кредиту или карте по графику" },
  adp: { title: "Досрочное погашение", short: "Досрочный", what: "Платёж сверх обязательного: долг и переплата уменьшаются" },
  sdp: { title: "Пополнение накоплений", short: "Накопления", what: "Перевод на вклад или накопительный счёт" },
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

/** Why a payment would be refused, by the code the API gives each failed check or error. */
export const REFUSAL: Readonly<Record<string, string>> = {
  DEBTOR_NOT_OWNED: "Этот счёт списания не найден среди ваших подключённых счетов.",
  DEBTOR_NOT_PAYABLE: "Платить можно только с действующего текущего или накопительного счёта.",
  TARGET_REQUIRED: "Выберите, что оплатить: кредит, карту или вклад.",
  TARGET_UNKNOWN: "Такого кредита, карты или вклада среди ваших нет.",
  TARGET_KIND_MISMATCH: "Этот платёж нельзя направить на выбранный продукт.",
  CREDITOR_UNKNOWN: "Банк не сообщил номер счёта получателя — платить некуда.",
  SAME_ACCOUNT: "Счёт списания и счёт получателя совпадают.",
  AMOUNT_REQUIRED: "Укажите сумму.",
  AMOUNT_NOT_POSITIVE: "Сумма должна быть больше нуля.",
  AMOUNT_PRECISION: "В сумме не больше двух знаков после запятой.",
  AMOUNT_TOO_LARGE: "Слишком большая сумма для одного платежа.",
  CURRENCY_MISMATCH: "Валюты счетов не совпадают.",
  AMOUNT_EXCEEDS_DEBT: "Сумма больше, чем осталось выплатить.",
  INSUFFICIENT_FUNDS: "На счёте списания не хватает денег.",
  CONSENT_NOT_USABLE: "Согласие на платежи нельзя использовать.",
  CONSENT_USED_UP: "Лимит согласия на платежи исчерпан.",
  CONSENT_LIMIT_EXCEEDED: "Платёж превышает лимиты согласия.",
  BANK_IDENTITY_MISSING: "Укажите, кто вы в этом банке (страница «Банки»).",
  BANK_IDENTITY_UNVERIFIED: "Банк ещё не подтвердил, что это вы: подключите банк и подтвердите согласие.",
  IDEMPOTENCY_KEY_REUSED: "Этот платёж уже отправлялся с другими данными. Начните заново.",
  IDEMPOTENCY_IN_PROGRESS: "Платёж ещё обрабатывается. Подождите несколько секунд.",
};

/** One line per check, in Russian, with the figures the quote itself carries. */
export function checkText(check: CheckView, quote: QuoteView, bankName: (id: string) => string): string {
  if (!check.ok) return (check.code && REFUSAL[check.code]) || check.message;
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
