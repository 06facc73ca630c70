import { ApiError } from "../api/errors";
import type { FinancialInputs, FinancialInputsBody } from "../api/models";

/** The goals form as typed: every field optional, amounts and days as text. */
export interface GoalsDraft {
  readonly salary: string;
  readonly paydays: string;
  readonly goalAmount: string;
  readonly goalDate: string;
  readonly strategy: "avalanche" | "snowball";
  readonly speed: "conservative" | "balanced" | "fast";
  readonly buffer: string;
  readonly timezone: string;
  /** Loan payments the user entered (kept as they are: the PUT replaces the whole set). */
  readonly overrides: NonNullable<FinancialInputsBody["credit_payment_overrides"]>;
}

export type GoalsErrors = Partial<Record<Exclude<keyof GoalsDraft, "overrides">, string>>;

const amount = (text: string): number | null => {
  const clean = text.replace(/[\s\u00a0\u202f]+/g, "").replace(",", ".");
  return clean ? Number(clean) : null;
};

export function draftFrom(inputs: FinancialInputs | undefined, timezone: string): GoalsDraft {
  return {
    salary: inputs?.salary ?? "",
    paydays: (inputs?.paydays ?? []).join(", "),
    goalAmount: inputs?.savings_goal_amount ?? "",
    goalDate: inputs?.savings_goal_date ?? "",
    strategy: inputs?.strategy ?? "avalanche",
    speed: inputs?.repayment_speed ?? "balanced",
    buffer: inputs?.safety_buffer ?? "",
    timezone: inputs?.stored && inputs.timezone ? inputs.timezone : timezone,
    overrides: inputs?.credit_payment_overrides ?? [],
  };
}

export function parsePaydays(text: string): number[] | null {
  if (!text.trim()) return [];
  const days = text.split(/[\s,;]+/).filter(Boolean).map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 31) || new Set(days).size !== days.length || days.length > 4) {
    return null;
  }
  return days.sort((a, b) => a - b);
}

/** Errors per field, or the API body when there are none. `today` is YYYY-MM-DD in the user's zone. */
export function toInputsBody(draft: GoalsDraft, today: string): { errors: GoalsErrors; body?: FinancialInputsBody } {
  const errors: GoalsErrors = {};
  const salary = amount(draft.salary);
  if (salary !== null && !(salary >= 0 && salary <= 1e9)) errors.salary = "Сумма в рублях, например 120000.";
  const paydays = parsePaydays(draft.paydays);
  if (paydays === null) errors.paydays = "Числа месяца от 1 до 31 через запятую, не больше четырёх: например 5, 20.";
  const goal = amount(draft.goalAmount);
  if (goal !== null && !(goal > 0 && goal <= 1e9)) errors.goalAmount = "Сумма цели больше нуля, например 300000.";
  if (draft.goalDate && goal === null) errors.goalAmount = "Укажите сумму цели, к которой относится дата.";
  if (draft.goalDate && draft.goalDate <= today) errors.goalDate = "Дата цели должна быть позже сегодняшнего дня.";
  const buffer = amount(draft.buffer);
  if (buffer !== null && !(buffer >= 0 && buffer <= 1e9)) errors.buffer = "Сумма в рублях, например 10000.";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    body: {
      salary: salary === null ? null : salary.toFixed(2),
      paydays: paydays ?? [],
      savings_goal_amount: goal === null ? null : goal.toFixed(2),
      savings_goal_date: draft.goalDate || null,
      strategy: draft.strategy,
      repayment_speed: draft.speed,
      safety_buffer: buffer === null ? null : buffer.toFixed(2),
      timezone: draft.timezone,
      credit_payment_overrides: [...draft.overrides],
    },
  };
}

/** The server's field names (details[].field) → this form's fields. */
export const SERVER_FIELDS: Readonly<Record<string, keyof GoalsErrors>> = {
  "body.salary": "salary",
  "body.paydays": "paydays",
  "body.savings_goal_amount": "goalAmount",
  "body.savings_goal_date": "goalDate",
  "body.safety_buffer": "buffer",
  "body.timezone": "timezone",
};

/** The server's 422 details, on the fields of this form they name. */
export function serverErrors(error: unknown): GoalsErrors {
  const mapped: GoalsErrors = {};
  if (!(error instanceof ApiError)) return mapped;
  for (const d of error.details) {
    const field = SERVER_FIELDS[d.field];
    if (field) mapped[field] = "Сервер не принял это значение: проверьте его.";
  }
  return mapped;
}
