import type { OnboardingStep } from "../../api/models";

export const STEPS: ReadonlyArray<{ step: Exclude<OnboardingStep, "done">; label: string }> = [
  { step: "banks", label: "Банки" },
  { step: "consents", label: "Согласия" },
  { step: "goals", label: "Цели" },
  { step: "sync", label: "Загрузка данных" },
];

export function Stepper({ current }: { current: OnboardingStep }) {
  const index = STEPS.findIndex((s) => s.step === current);
  return (
    <ol className="stepper" aria-label="Шаги настройки">
      {STEPS.map((s, i) => (
        <li
          key={s.step}
          className={i < index ? "stepper__step stepper__step--done" : i === index ? "stepper__step stepper__step--current" : "stepper__step"}
          aria-current={i === index ? "step" : undefined}
        >
          <span className="stepper__number" aria-hidden="true">
            {i < index ? "✓" : i + 1}
          </span>
          <span className="stepper__label">
            {s.label}
            {i < index && <span className="visually-hidden"> — готово</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
