import { useId, useState } from "react";
import { useServices } from "../../context";
import { passwordRules } from "./passwordRules";

/** A new password with the pool's rules ticked off while typing, and a show/hide switch. */
export function PasswordField({
  value,
  onChange,
  label = "Пароль",
  error,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  error?: string | undefined;
  testId?: string;
}) {
  const { passwordPolicy } = useServices().config;
  const [shown, setShown] = useState(false);
  const id = useId();
  const rules = passwordRules(value, passwordPolicy);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field__row">
        <input
          id={id}
          type={shown ? "text" : "password"}
          autoComplete="new-password"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${id}-rules${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          data-testid={testId}
        />
        <button
          type="button"
          className="button button--ghost"
          onClick={() => setShown(!shown)}
          aria-pressed={shown}
          aria-controls={id}
        >
          {shown ? "Скрыть" : "Показать"}
        </button>
      </div>
      <ul id={`${id}-rules`} className="rules" aria-label="Требования к паролю" data-testid="password-rules">
        {rules.map((rule) => (
          <li key={rule.id} className={rule.met ? "rules__item rules__item--met" : "rules__item"} data-met={rule.met}>
            <span aria-hidden="true">{rule.met ? "✓" : "•"}</span> {rule.label}
            <span className="visually-hidden">{rule.met ? " — выполнено" : " — ещё нет"}</span>
          </li>
        ))}
      </ul>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
