import type { ChangeEvent } from "react";
import type { GoalsDraft, GoalsErrors } from "../lib/inputsForm";
import { Field } from "./Field";

let zones: readonly string[] | undefined;

/** Every IANA zone the browser knows, listed once and only when a form with them opens. */
function timeZones(): readonly string[] {
  if (!zones) {
    try {
      zones = Intl.supportedValuesOf("timeZone");
    } catch {
      zones = ["Europe/Moscow"];
    }
  }
  return zones;
}

type Setter = (key: Exclude<keyof GoalsDraft, "overrides">) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;

/** The financial inputs, each explained in one line (onboarding's goals step and the profile). */
export function InputsFields({ draft, errors, set }: { draft: GoalsDraft; errors: GoalsErrors; set: Setter }) {
  return (
    <>
      <div className="form-grid">
        <Field label="Зарплата в месяц, ₽" hint="Если доход по операциям определится неверно." inputMode="decimal" value={draft.salary} onChange={set("salary")} error={errors.salary} data-testid="goal-salary" />
        <Field label="Дни зарплаты" hint="Числа месяца через запятую, например 5, 20." inputMode="numeric" value={draft.paydays} onChange={set("paydays")} error={errors.paydays} data-testid="goal-paydays" />
        <Field label="Цель накоплений, ₽" hint="Сколько хотите отложить." inputMode="decimal" value={draft.goalAmount} onChange={set("goalAmount")} error={errors.goalAmount} data-testid="goal-amount" />
        <Field label="Накопить к дате" hint="FinPulse посчитает, сколько откладывать в месяц." type="date" value={draft.goalDate} onChange={set("goalDate")} error={errors.goalDate} data-testid="goal-date" />
        <Field label="Неприкосновенный запас, ₽" hint="Эта сумма никогда не считается доступной для трат." inputMode="decimal" value={draft.buffer} onChange={set("buffer")} error={errors.buffer} data-testid="goal-buffer" />
        <div className="field">
          <label htmlFor="goal-timezone">Часовой пояс</label>
          <select id="goal-timezone" value={draft.timezone} onChange={set("timezone")} aria-describedby="goal-timezone-hint" data-testid="goal-timezone">
            {timeZones().map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <p id="goal-timezone-hint" className="field__hint">По нему FinPulse считает «сегодня».</p>
        </div>
      </div>
      <fieldset className="radios">
        <legend>Как гасить долги</legend>
        <label className="check">
          <input type="radio" name="strategy" value="avalanche" checked={draft.strategy === "avalanche"} onChange={set("strategy")} />
          <span><strong>Сначала дорогие</strong><span className="check__hint">Лишние деньги — в кредит с самой высокой ставкой: меньше переплата.</span></span>
        </label>
        <label className="check">
          <input type="radio" name="strategy" value="snowball" checked={draft.strategy === "snowball"} onChange={set("strategy")} />
          <span><strong>Сначала маленькие</strong><span className="check__hint">Лишние деньги — в самый маленький долг: быстрее закрываются кредиты.</span></span>
        </label>
      </fieldset>
      <fieldset className="radios">
        <legend>Насколько быстро</legend>
        {(
          [
            ["conservative", "Спокойно", "Четверть свободных денег — на досрочное погашение."],
            ["balanced", "Сбалансированно", "Половина свободных денег — на досрочное погашение."],
            ["fast", "Быстро", "Три четверти свободных денег — на досрочное погашение."],
          ] as const
        ).map(([value, label, hint]) => (
          <label key={value} className="check">
            <input type="radio" name="speed" value={value} checked={draft.speed === value} onChange={set("speed")} />
            <span><strong>{label}</strong><span className="check__hint">{hint}</span></span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
