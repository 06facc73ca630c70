/** Detected incomes and bills carry normalised (lower-case) labels: show them as a name. */
export function asName(label: string): string {
  return label ? label.charAt(0).toLocaleUpperCase("ru-RU") + label.slice(1) : label;
}

/** A product's name in «ёлочки», unless the bank's name already carries quotes (`Вклад "Надежный"`). */
export function quoted(name: string): string {
  return /["«»“”]/.test(name) ? name : `«${name}»`;
}
