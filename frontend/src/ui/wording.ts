/** Russian words for the states the API reports, shared by every screen that shows them. */
import { userMessageFor } from "../api/errors";
import type { BankProgress, ConsentKind, SyncRecord } from "../api/models";
import { plural } from "../lib/format";
import type { Tone } from "./Badge";

export const KIND_LABEL: Readonly<Record<ConsentKind, string>> = {
  accounts: "Счета, остатки и операции",
  products: "Кредиты, вклады и карты",
  payments: "Платежи",
};

export const KINDS: readonly ConsentKind[] = ["accounts", "products", "payments"];

export function consentStatus(status: string): { label: string; tone: Tone } {
  switch (status) {
    case "approved":
      return { label: "Действует", tone: "ok" };
    case "pending":
      return { label: "Ждёт подтверждения в банке", tone: "warn" };
    case "rejected":
      return { label: "Отклонено в банке", tone: "danger" };
    case "revoked":
      return { label: "Отозвано", tone: "muted" };
    case "expired":
      return { label: "Срок истёк", tone: "muted" };
    default:
      return { label: status, tone: "muted" };
  }
}

/** A bank's error from the API ({code, message}) as one Russian sentence, with the bank's HTTP status. */
export function bankErrorText(error: { code: string; message: string; http_status?: number | null }): string {
  const status = error.http_status ?? Number(/\((\d{3})\)/.exec(error.message)?.[1] ?? NaN);
  const russian = userMessageFor(Number.isFinite(status) ? status : 503, error.code);
  return Number.isFinite(status) ? `${russian} Код ответа банка: ${status}.` : russian;
}

export const BANK_SYNC_STATE: Readonly<Record<BankProgress["state"], { label: string; tone: Tone }>> = {
  pending: { label: "В очереди", tone: "muted" },
  running: { label: "Загружаем…", tone: "info" },
  ok: { label: "Готово", tone: "ok" },
  partial: { label: "Загружено частично", tone: "warn" },
  failed: { label: "Не удалось", tone: "danger" },
  skipped: { label: "Данные свежие", tone: "ok" },
};

export const SYNC_STATE: Readonly<Record<SyncRecord["state"], { label: string; tone: Tone }>> = {
  running: { label: "Синхронизация идёт", tone: "info" },
  succeeded: { label: "Данные обновлены", tone: "ok" },
  partial: { label: "Обновлено не всё", tone: "warn" },
  failed: { label: "Не удалось обновить", tone: "danger" },
  superseded: { label: "Заменена новой синхронизацией", tone: "muted" },
};

/** "3 счёта · 4 страницы · 1 234 операции" from a bank's counts so far. */
export function countsText(counts: Readonly<Record<string, number>> | undefined): string {
  if (!counts) return "";
  const parts: string[] = [];
  const n = (value: number) => value.toLocaleString("ru-RU");
  if (counts.accounts !== undefined) {
    parts.push(`${n(counts.accounts)} ${plural(counts.accounts, ["счёт", "счёта", "счетов"])}`);
  }
  if (counts.pages !== undefined) {
    parts.push(`${n(counts.pages)} ${plural(counts.pages, ["страница", "страницы", "страниц"])} выписки`);
  }
  const tx = counts.transactions_fetched;
  if (tx !== undefined) parts.push(`${n(tx)} ${plural(tx, ["операция", "операции", "операций"])}`);
  return parts.join(" · ");
}
