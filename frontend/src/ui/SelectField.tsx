import type { ChangeEvent } from "react";

/** A labelled filter select whose first option, "", means any (`anyLabel`). */
export function SelectField({
  id,
  label,
  value,
  anyLabel,
  options,
  onChange,
  testId,
  disabled,
}: {
  id: string;
  label: string;
  value: string | null | undefined;
  anyLabel: string;
  options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  onChange: (e: ChangeEvent<HTMLSelectElement>) => void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ""} onChange={onChange} disabled={disabled} data-testid={testId}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
