/**
 * Money, dates and relative times for a Russian reader, through Intl with ru-RU, in the user's
 * time zone: `1 234,56 ₽`, `5 декабря`, `5 декабря 2025 г.`, `5 минут назад`. Amounts arrive
 * as decimal strings; they are only shown, never summed here.
 */
export const LOCALE = "ru-RU";

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: string | number, currency = "RUB"): string {
  const value = typeof amount === "number" ? amount : Number(amount);
  if (!Number.isFinite(value)) return "—";
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: "currency", currency, minimumFractionDigits: 2 });
    moneyFormats.set(currency, format);
  }
  return format.format(value);
}

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

// Building an Intl format is far slower than using one: keep one per options and zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions & { timeZone: string }): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, options);
    dateFormats.set(key, format);
  }
  return format;
}

function yearIn(date: Date, timeZone: string): string {
  return dateFormat({ year: "numeric", timeZone }).format(date);
}

/** "5 декабря", with the year when it is not this year (in that zone). */
export function formatDate(value: string | Date, timeZone: string, now: Date = new Date()): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "—";
  const sameYear = yearIn(date, timeZone) === yearIn(now, timeZone);
  return dateFormat({ day: "numeric", month: "long", ...(sameYear ? {} : { year: "numeric" }), timeZone }).format(date);
}

/** "5 декабря, 14:05". */
export function formatDateTime(value: string | Date, timeZone: string, now: Date = new Date()): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "—";
  const time = dateFormat({ hour: "2-digit", minute: "2-digit", timeZone }).format(date);
  return `${formatDate(date, timeZone, now)}, ${time}`;
}

const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });
const STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ["minute", 60],
  ["hour", 3_600],
  ["day", 86_400],
  ["month", 30 * 86_400],
  ["year", 365 * 86_400],
];

/** "только что", "5 минут назад", "вчера", "через 3 дня". */
export function formatRelative(value: string | Date, now: Date = new Date()): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "—";
  const seconds = (date.getTime() - now.getTime()) / 1000;
  if (Math.abs(seconds) < 45) return "только что";
  let unit: Intl.RelativeTimeFormatUnit = "minute";
  let size = 60;
  for (const [name, length] of STEPS) {
    if (Math.abs(seconds) >= length) [unit, size] = [name, length];
  }
  return relative.format(Math.round(seconds / size), unit);
}

const plurals = new Intl.PluralRules(LOCALE);

/** plural(3, ["день", "дня", "дней"]) → "дня". */
export function plural(count: number, [one, few, many]: readonly [string, string, string]): string {
  const rule = plurals.select(count);
  return rule === "one" ? one : rule === "few" ? few : many;
}

/** "остался 1 день", "осталось 3 дня", "истекает сегодня". */
export function daysLeft(days: number): string {
  if (days <= 0) return "истекает сегодня";
  const word = plural(days, ["день", "дня", "дней"]);
  return `${plural(days, ["остался", "осталось", "осталось"])} ${days} ${word}`;
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Moscow";
  } catch {
    return "Europe/Moscow";
  }
}
