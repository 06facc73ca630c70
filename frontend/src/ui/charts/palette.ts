/** Chart colours that read on the light and the dark theme, and tell apart for common colour blindness. */
export const COLORS = {
  accent: "#0f9488",
  income: "#16a34a",
  spending: "#ea580c",
  neutral: "#64748b",
  blue: "#2563eb",
  danger: "#dc2626",
} as const;

/** A tooltip's words in the text colour: a series colour on white is too faint to read (WCAG AA). */
export const TOOLTIP_TEXT = { color: "#1f2937" } as const;
