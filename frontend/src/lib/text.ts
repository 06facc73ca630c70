/** Detected incomes and bills carry normalised (lower-case) labels: show them as a name. */
export function asName(label: string): string {
  return label ? label.charAt(0).toLocaleUpperCase("ru-RU") + label.slice(1) : label;
}
