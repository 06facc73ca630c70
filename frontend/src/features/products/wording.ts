/** Russian words for the products catalog, the deposit quotes' checks and the agreement actions. */
import { codeMessage } from "../../api/errors";
import type { AgreementAction, CloseQuote, OpenQuote, PaymentCheck, ProductView } from "../../api/models";
import { formatMoney } from "../../lib/format";
import { quoted } from "../../lib/text";
import type { Tone } from "../../ui/Badge";

export const KIND_LABEL: Readonly<Record<string, string>> = {
  deposit: "Вклад",
  loan: "Кредит",
  credit_card: "Кредитная карта",
  debit_card: "Дебетовая карта",
  account: "Счёт",
  other: "Другое",
};

/** What the product consent lacks, in Russian (the API's own words when the code is new). */
export const missingText = (m: ProductView["missing"][number]): string => codeMessage(m.code) ?? m.message;

const money = (v: string | null | undefined, currency = "RUB") => (v ? formatMoney(v, currency) : "—");

/** One line per check of a deposit's opening quote, with the quote's own figures. */
export function openCheckText(check: PaymentCheck, q: OpenQuote, bankName: (id: string) => string): string {
  if (!check.ok) return codeMessage(check.code) ?? check.message;
  const c = q.consent;
  switch (check.name) {
    case "product":
      return `${quoted(q.product_name ?? q.product_id)} есть в каталоге ${bankName(q.bank_id)}`;
    case "product_limits":
      return `Сумма ${money(q.amount, q.currency ?? "RUB")} в пределах минимума и максимума вклада`;
    case "term":
      return `Срок ${q.term_months ?? "—"} мес. — вклад такой срок предлагает`;
    case "debtor_account":
      return q.source ? `Деньги спишутся со счёта ${q.source.masked_number} в ${bankName(q.source.bank_id)}` : "Счёт списания ваш";
    case "amount":
      return `Сумма вклада ${money(q.amount, q.currency ?? "RUB")}`;
    case "currency":
      return "Валюта счёта и вклада совпадает";
    case "identity":
      return `${bankName(q.bank_id)} подтвердил, что это вы`;
    case "product_consent":
      return c?.room
        ? `Согласие на продукты разрешает открыть вклад: можно открыть ещё на ${money(c.room)}`
        : "Согласие на продукты разрешает открыть вклад";
    case "balance":
    case "available_balance":
      return `На счёте сейчас ${money(q.source?.available)} — хватает`;
    default:
      return check.message;
  }
}

/** One line per check of a deposit's close quote. */
export function closeCheckText(check: PaymentCheck, q: CloseQuote, bankName: (id: string) => string): string {
  if (!check.ok) return codeMessage(check.code) ?? check.message;
  switch (check.name) {
    case "agreement":
      return `${quoted(q.agreement?.product_name ?? "Вклад")}: открыт и принадлежит вам`;
    case "to_bank":
    case "debtor_account":
      return q.to ? `Деньги придут на счёт ${q.to.masked_number} в ${bankName(q.to.bank_id)}` : "Счёт зачисления ваш";
    case "identity":
      return q.agreement ? `${bankName(q.agreement.bank_id)} подтвердил, что это вы` : "Банк подтвердил, что это вы";
    case "product_consent":
      return "Согласие на продукты разрешает закрыть вклад";
    case "balance":
      return `Банк сообщил остаток вклада: ${money(q.returned)}`;
    default:
      return check.message;
  }
}

export const ACTION_STATUS: Readonly<Record<AgreementAction["status"], { label: string; tone: Tone }>> = {
  created: { label: "Создано", tone: "info" },
  submitting: { label: "Отправляем в банк", tone: "info" },
  completed: { label: "Готово", tone: "ok" },
  rejected: { label: "Банк отказал", tone: "danger" },
  failed: { label: "Не выполнено", tone: "danger" },
  unknown: { label: "Уточняем у банка", tone: "warn" },
};

/** What happened to an action that did not complete, in plain Russian. */
export function actionExplained(a: AgreementAction): string {
  const open = a.kind === "open";
  if (a.status === "unknown")
    return `Банк не ответил вовремя, поэтому итог пока неизвестен. FinPulse не отправит запрос ещё раз: он сверит список ваших продуктов в банке и покажет здесь, ${open ? "открыт ли вклад" : "закрыт ли вклад"}.`;
  if (a.status === "rejected" || a.status === "failed") {
    const why = a.failure ? (codeMessage(a.failure.code) ?? `Ответ банка: ${a.failure.message}`) : "";
    return `${open ? "Вклад не открыт, деньги остались на вашем счёте." : "Вклад не закрыт, деньги остались на нём."} ${why}`.trim();
  }
  return open ? "FinPulse открывает вклад в банке." : "FinPulse закрывает вклад в банке.";
}
