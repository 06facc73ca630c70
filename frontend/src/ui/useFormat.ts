import { useMemo } from "react";
import { useInputs } from "../api/queries";
import {
  browserTimeZone,
  formatDate,
  formatDateTime,
  formatDay,
  formatDayShort,
  formatMoney,
  formatNumber,
  formatMonth,
  formatPercent,
  formatRelative,
  formatSigned,
} from "../lib/format";

/**
 * Formatters bound to the user's time zone: the one saved with their financial inputs, else
 * the browser's (until they save one, that is also what onboarding proposes).
 */
export function useFormat() {
  const inputs = useInputs();
  const timeZone = (inputs.data?.stored && inputs.data.timezone) || browserTimeZone();
  return useMemo(
    () => ({
      timeZone,
      money: formatMoney,
      signed: formatSigned,
      percent: formatPercent,
      number: formatNumber,
      date: (value: string | Date) => formatDate(value, timeZone),
      dateTime: (value: string | Date) => formatDateTime(value, timeZone),
      relative: (value: string | Date) => formatRelative(value),
      /** A `YYYY-MM-DD` the API already gives in the user's zone. */
      day: (value: string) => formatDay(value, new Date(), timeZone),
      dayShort: formatDayShort,
      month: formatMonth,
    }),
    [timeZone],
  );
}

export type Format = ReturnType<typeof useFormat>;
