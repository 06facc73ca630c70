import { useMemo } from "react";
import { useInputs } from "../api/queries";
import { browserTimeZone, formatDate, formatDateTime, formatMoney, formatRelative } from "../lib/format";

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
      date: (value: string | Date) => formatDate(value, timeZone),
      dateTime: (value: string | Date) => formatDateTime(value, timeZone),
      relative: (value: string | Date) => formatRelative(value),
    }),
    [timeZone],
  );
}
