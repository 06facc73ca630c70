import { describe, expect, it } from "vitest";
import { daysLeft, formatDate, formatDateTime, formatMoney, formatRelative, plural } from "./format";

// Intl's ru-RU output uses no-break spaces (U+00A0) and narrow no-break spaces (U+202F).
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("money", () => {
  it("is ru-RU with kopecks and the ruble sign: 1 234,56 ₽", () => {
    expect(plain(formatMoney("1234.56"))).toBe("1 234,56 ₽");
    expect(plain(formatMoney("-50000"))).toBe("-50 000,00 ₽");
    expect(plain(formatMoney(0.5))).toBe("0,50 ₽");
    expect(plain(formatMoney("12.5", "USD"))).toBe("12,50 $");
    expect(formatMoney("not a number")).toBe("—");
  });
});

describe("dates in the user's time zone", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  it("are day and month: 5 декабря; the year only when it is not this one", () => {
    expect(formatDate("2026-12-05T10:00:00Z", "Europe/Moscow", now)).toBe("5 декабря");
    expect(plain(formatDate("2027-03-02T10:00:00Z", "Europe/Moscow", now))).toBe("2 марта 2027 г.");
  });

  it("follow the zone across midnight", () => {
    const lateUtc = "2026-12-04T22:30:00Z"; // already the 5th in Moscow, still the 4th in London
    expect(formatDate(lateUtc, "Europe/Moscow", now)).toBe("5 декабря");
    expect(formatDate(lateUtc, "Europe/London", now)).toBe("4 декабря");
    expect(formatDateTime(lateUtc, "Europe/Moscow", now)).toBe("5 декабря, 01:30");
  });

  it("relative: только что, minutes, hours and days ago, in Russian", () => {
    expect(formatRelative("2026-12-01T11:59:50Z", now)).toBe("только что");
    expect(formatRelative("2026-12-01T11:55:00Z", now)).toBe("5 минут назад");
    expect(formatRelative("2026-12-01T09:00:00Z", now)).toBe("3 часа назад");
    expect(formatRelative("2026-11-30T12:00:00Z", now)).toBe("вчера");
    expect(formatRelative("2026-12-04T12:00:00Z", now)).toBe("через 3 дня");
  });
});

describe("plural and days left", () => {
  it("pick the Russian form", () => {
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => plural(n, ["день", "дня", "дней"]))).toEqual([
      "день",
      "дня",
      "дней",
      "дней",
      "день",
      "дня",
      "дней",
    ]);
    expect(daysLeft(1)).toBe("остался 1 день");
    expect(daysLeft(4)).toBe("осталось 4 дня");
    expect(daysLeft(89)).toBe("осталось 89 дней");
    expect(daysLeft(0)).toBe("истекает сегодня");
  });
});

describe("quoted", () => {
  it("adds ёлочки only when the name has no quotes of its own", async () => {
    const { quoted } = await import("./text");
    expect(quoted("Рефинансирование")).toBe("«Рефинансирование»");
    expect(quoted('Вклад "Надежный"')).toBe('Вклад "Надежный"');
  });
});
