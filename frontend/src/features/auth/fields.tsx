import type { ChangeEvent } from "react";
import { Field } from "../../ui/Field";

type Change = (value: string) => void;
const on = (change: Change) => (e: ChangeEvent<HTMLInputElement>) => change(e.target.value);

/** The e-mail address every signed-out form asks for. */
export function EmailField({
  value,
  onChange,
  testId,
  autoComplete = "email",
  error,
}: {
  value: string;
  onChange: Change;
  testId: string;
  autoComplete?: "email" | "username";
  error?: string | undefined;
}) {
  return (
    <Field
      label="Электронная почта"
      type="email"
      inputMode="email"
      autoComplete={autoComplete}
      autoCapitalize="none"
      spellCheck={false}
      value={value}
      onChange={on(onChange)}
      error={error}
      data-testid={testId}
    />
  );
}

/** A 6-digit code from Cognito's e-mail. */
export function CodeField({ value, onChange, testId, hint }: { value: string; onChange: Change; testId: string; hint?: string }) {
  return (
    <Field
      label="Код из письма"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={8}
      hint={hint}
      value={value}
      onChange={on(onChange)}
      data-testid={testId}
    />
  );
}

/** The form's main button, saying what is happening while it is. */
export function SubmitButton({ pending, label, busyLabel, testId }: { pending: boolean; label: string; busyLabel: string; testId: string }) {
  return (
    <button type="submit" className="button button--primary" disabled={pending} data-testid={testId}>
      {pending ? busyLabel : label}
    </button>
  );
}
