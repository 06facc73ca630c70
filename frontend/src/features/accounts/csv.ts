/**
 * The CSV export of the filtered transactions, as Russian spreadsheets open it: UTF-8 with a BOM,
 * `;` between fields, a decimal comma, dates and times in the user's zone, every field quoted
 * when it needs it. The amounts are the API's, only re-punctuated.
 */
import type { TransactionView } from "../../api/models";

export const CSV_HEADER = [
  "Дата",
  "Время",
  "Банк",
  "Счёт",
  "Описание",
  "Продавец",
  "Получатель или отправитель",
  "Категория",
  "MCC",
  "Сумма",
  "Валюта",
  "Статус",
  "ID операции",
] as const;

export interface CsvContext {
  readonly timeZone: string;
  readonly bankName: (bankId: string) => string;
  readonly accountName: (bankId: string, accountId: string) => string;
}

function field(value: string): string {
  return /[";\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function localParts(iso: string, timeZone: string): [string, string] {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone }).format(date);
  const time = new Intl.DateTimeFormat("ru-RU", { hour: "2-digit", minute: "2-digit", timeZone }).format(date);
  return [day, time];
}

export function csvRow(tx: TransactionView, ctx: CsvContext): string[] {
  const [day, time] = localParts(tx.booked_at, ctx.timeZone);
  return [
    day,
    time,
    ctx.bankName(tx.bank_id),
    ctx.accountName(tx.bank_id, tx.account_id),
    tx.description,
    tx.merchant_name ?? "",
    tx.counterparty_name ?? "",
    tx.category_label,
    tx.mcc ?? "",
    tx.amount.replace(".", ","),
    tx.currency,
    tx.status === "pending" ? "в обработке" : "проведена",
    tx.transaction_id,
  ];
}

export function toCsv(rows: readonly TransactionView[], ctx: CsvContext): string {
  const lines = [CSV_HEADER.join(";"), ...rows.map((tx) => csvRow(tx, ctx).map(field).join(";"))];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

export function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
