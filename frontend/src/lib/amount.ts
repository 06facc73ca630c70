/** A typed amount in roubles (`1 500,50`) as the API's decimal string, or why it is not one. */
export function parseAmount(text: string): { clean: string; error: string | undefined } {
  const clean = text.replace(/[\s\u00a0\u202f]+/g, "").replace(",", ".");
  const error =
    clean && !/^\d+(\.\d{1,2})?$/.test(clean)
      ? "Сумма в рублях, не больше двух знаков после запятой: например 1500 или 1500,50."
      : clean && Number(clean) <= 0
        ? "Сумма должна быть больше нуля."
        : undefined;
  return { clean, error };
}
