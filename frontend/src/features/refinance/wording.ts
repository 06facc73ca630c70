/** Russian words for the refinance saga: each step, its state, and every safe stop. */
import { codeMessage } from "../../api/errors";
import type { PaymentPartyView, RefinanceQuote, RefinanceStep, RefinanceStepName } from "../../api/models";
import { formatMoney } from "../../lib/format";
import { consentShort, type Need } from "../../lib/productRights";
import { quoted } from "../../lib/text";
import type { Tone } from "../../ui/Badge";

interface Sides {
  readonly oldBank: string;
  readonly newBank: string;
  /** The new loan's amount: the old loan's outstanding plus any commission. */
  readonly amount: string;
  readonly payout: Pick<PaymentPartyView, "masked_number"> | null | undefined;
}

/** What each step does, naming both banks and the amounts. */
export function stepText(name: RefinanceStepName, s: Sides): string {
  const to = s.payout ? `ваш текущий счёт ${s.payout.masked_number}` : "ваш текущий счёт";
  switch (name) {
    case "open_loan":
      return `${s.newBank} выдаёт новый кредит на ${formatMoney(s.amount)} — деньги приходят на ${to} в ${s.newBank}`;
    case "move_money":
      return `С этого счёта FinPulse гасит старый кредит в ${s.oldBank} целиком (межбанковский платёж)`;
    case "close_old":
      return `${s.oldBank} закрывает старый кредитный договор, когда долг по нему равен нулю`;
    case "resync":
      return `FinPulse заново читает данные ${s.newBank} и ${s.oldBank}: долг, платежи и план обновятся`;
  }
}

export const STEP_STATUS: Readonly<Record<RefinanceStep["status"], { label: string; tone: Tone }>> = {
  pending: { label: "Ждёт", tone: "muted" },
  running: { label: "Выполняется", tone: "info" },
  done: { label: "Готово", tone: "ok" },
  stopped: { label: "Остановлено", tone: "danger" },
};

export const SAGA_STATUS: Readonly<Record<"running" | "stopped" | "completed", { label: string; tone: Tone }>> = {
  running: { label: "Идёт", tone: "info" },
  stopped: { label: "Остановлено безопасно", tone: "warn" },
  completed: { label: "Готово", tone: "ok" },
};

/** Where the money is after a stop at each step, and what the resume does — in plain words. */
export function safeStop(step: RefinanceStepName, s: Pick<Sides, "oldBank" | "newBank">): { safe: string; todo: string } {
  switch (step) {
    case "open_loan":
      return {
        safe: `Ничего не изменилось: новый кредит в ${s.newBank} не открыт, деньги никуда не переводились, старый кредит в ${s.oldBank} — как был.`,
        todo: "Нажмите «Продолжить», чтобы попробовать снова, или просто оставьте всё как есть.",
      };
    case "move_money":
      return {
        safe: `Новый кредит в ${s.newBank} открыт, и его деньги лежат на вашем текущем счёте в ${s.newBank}. Старый кредит в ${s.oldBank} пока не погашен. Ничего не потеряно, но до перевода вы должны обоим банкам.`,
        todo: `Нажмите «Продолжить», чтобы перевести деньги (тот же платёж будет уточнён, а не отправлен второй раз), или досрочно погасите новый кредит с этого счёта в ${s.newBank}.`,
      };
    case "close_old":
      return {
        safe: `Старый кредит в ${s.oldBank} полностью погашен, новый в ${s.newBank} открыт. Остался открытым только старый договор.`,
        todo: "Нажмите «Продолжить», чтобы закрыть старый договор. Больше ничего платить не придётся.",
      };
    case "resync":
      return {
        safe: "В банках всё сделано. FinPulse ещё не перечитал данные обоих банков, поэтому цифры на экранах могут быть старыми.",
        todo: "Нажмите «Продолжить», чтобы обновить данные сейчас, или дождитесь следующего обновления.",
      };
  }
}

const STOP_REASON: Readonly<Record<string, string>> = {
  INTERRUPTED: "Шаг прервался из-за технического сбоя, прежде чем что-то было отправлено в банк.",
  BANK_OUTCOME_UNKNOWN: "Банк не ответил вовремя, поэтому итог шага неизвестен. FinPulse не повторяет его вслепую.",
  PAYMENT_AWAITING_APPROVAL: "Банк ждёт, что вы подтвердите платёж в его приложении.",
  PAYMENT_IN_PROGRESS: "Банк ещё проводит платёж.",
  PAYMENT_REJECTED: "Банк отклонил платёж. Деньги не списаны.",
  OLD_LOAN_NOT_REPAID: "Банк ещё не видит старый кредит погашенным.",
  CLOSE_REFUSED: "Старый банк отказался закрыть договор.",
  RESYNC_FAILED: "Не удалось перечитать данные банков.",
  SYNC_LOCK_HELD: "Как раз шла другая синхронизация.",
  REFUSED: "Банк отказал.",
};

/** Why the saga stopped, in Russian (the bank's own words when the code is new). */
export function stopReason(code: string, message: string): string {
  return STOP_REASON[code] ?? codeMessage(code) ?? `Ответ банка: ${message}`;
}

/** One line per check of the refinance quote. */
export function refinanceCheckText(
  check: { name: string; ok: boolean; code?: string | null; message: string; field?: string | null },
  q: { old?: { bank_id: string; product_name: string; amount: string } | null; new?: { bank_id: string; product_name: string } | null; payout?: { masked_number: string } | null },
  bankName: (id: string) => string,
): string {
  if (!check.ok) {
    const said = codeMessage(check.code) ?? check.message;
    // A consent check names its bank by field: say which bank's consent is short.
    const at = check.field === "body.offer.bank_id" ? q.new?.bank_id : check.field === "body.loan.bank_id" ? q.old?.bank_id : undefined;
    return at && check.name === "product_consent" && codeMessage(check.code) ? `${bankName(at)}: ${said}` : said;
  }
  const oldBank = q.old ? bankName(q.old.bank_id) : "";
  const newBank = q.new ? bankName(q.new.bank_id) : "";
  switch (check.name) {
    case "offer":
      return `Предложение ${quoted(q.new?.product_name ?? "")} в ${newBank} действует`;
    case "identity":
      return `${newBank} и ${oldBank} подтвердили, что это вы`;
    case "old_loan":
      return q.old ? `Кредит ${quoted(q.old.product_name)} в ${oldBank}: осталось выплатить ${formatMoney(q.old.amount)}` : "Старый кредит найден";
    case "payout_account":
      return `Новый кредит придёт на ваш текущий счёт ${q.payout?.masked_number ?? ""} в ${newBank}`;
    case "product_consent": {
      const bank = check.message.split(":")[0] ?? "";
      return q.old && bank === q.old.bank_id
        ? `Согласие на продукты в ${oldBank} разрешает закрыть старый кредит`
        : `Согласие на продукты в ${newBank} разрешает открыть новый кредит`;
    }
    default:
      return check.message;
  }
}

/**
 * The product rights a refused quote lacks, per bank: opening the new loan at the offering bank,
 * closing the old one at its bank (both at one bank when they are the same).
 */
export function rightsNeeded(q: RefinanceQuote): { bankId: string; need: Need }[] {
  const out: { bankId: string; need: Need }[] = [];
  const opening = q.new && consentShort(q.checks, "body.offer.bank_id") ? q.new.bank_id : null;
  const closing = q.old && consentShort(q.checks, "body.loan.bank_id") ? q.old.bank_id : null;
  if (opening) out.push({ bankId: opening, need: { open: true, close: opening === q.old?.bank_id, type: "loan", amount: q.new?.amount } });
  if (closing && closing !== opening) out.push({ bankId: closing, need: { close: true, type: "loan" } });
  return out;
}
