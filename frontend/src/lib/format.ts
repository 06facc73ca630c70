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

/** A calendar date the API sends as `YYYY-MM-DD` (already the user's local date): "5 декабря". */
export function formatDay(value: string, now: Date = new Date(), timeZone = "UTC"): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return "—";
  const sameYear = date.getUTCFullYear() === Number(yearIn(now, timeZone));
  return new Intl.DateTimeFormat(LOCALE, {
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
    timeZone: "UTC",
  }).format(date);
}

/** "5 дек." — for chart axes. */
export function formatDayShort(value: string): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", timeZone: "UTC" }).format(date);
}

/** `YYYY-MM` → "ноябрь 2026" (long) or "нояб. 26" (short, for axes). */
export function formatMonth(value: string, style: "long" | "short" = "long"): string {
  const date = new Date(`${value.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return "—";
  const options: Intl.DateTimeFormatOptions =
    style === "long" ? { month: "long", year: "numeric" } : { month: "short", year: "2-digit" };
  const text = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: "UTC" }).format(date).replace(/\s*г\.$/, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A signed amount with an explicit sign: "+120 000,00 ₽", "−31 500,00 ₽" (a real minus). */
export function formatSigned(amount: string | number, currency = "RUB"): string {
  const value = typeof amount === "number" ? amount : Number(amount);
  if (!Number.isFinite(value)) return "—";
  const text = formatMoney(Math.abs(value), currency);
  if (value > 0) return `+${text}`;
  if (value < 0) return `\u2212${text}`;
  return text;
}

/** "62,5 %", from the API's decimal string. */
export function formatPercent(value: string | number, digits = 1): string {
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(number)) return "—";
  return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(number)}\u00a0%`;
}

/** "1 234 567 ₽" without kopecks, for chart axes only (the figures themselves keep kopecks). */
export function formatMoneyShort(amount: number): string {
  return new Intl.NumberFormat(LOCALE, {
    style: "currency",
    currency: "RUB",
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(amount);
}

/** The user's local date today, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(now);
}

export const DAYS = ["день", "дня", "дней"] as const;
export const MONTHS = ["месяц", "месяца", "месяцев"] as const;

/** "4,9" — a plain number with at most `digits` decimals. */
export function formatNumber(value: string | number, digits = 1): string {
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(number)) return "—";
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(number);
}
