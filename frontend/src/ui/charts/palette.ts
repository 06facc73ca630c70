/** Chart colours that read on the light and the dark theme, and tell apart for common colour blindness. */
export const COLORS = {
  accent: "#0f9488",
  income: "#16a34a",
  spending: "#ea580c",
  neutral: "#64748b",
  blue: "#2563eb",
  danger: "#dc2626",
} as const;
