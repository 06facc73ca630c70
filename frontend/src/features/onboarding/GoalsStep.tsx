import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/errors";
import { useInputs, useSaveInputs } from "../../api/queries";
import { browserTimeZone } from "../../lib/format";
import { ErrorView } from "../../ui/ErrorView";
import { Field } from "../../ui/Field";
import { Skeleton } from "../../ui/States";
import { SERVER_FIELDS, draftFrom, toInputsBody, type GoalsDraft, type GoalsErrors } from "./goalsForm";
import type { SaveProgress } from "./OnboardingPage";

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date()); // YYYY-MM-DD
}

let zones: readonly string[] | undefined;

/** Every IANA zone the browser knows, listed once and only when the goals step opens. */
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

/** Step 3: what FinPulse cannot detect, or should not guess. All optional. */
export function GoalsStep({ save }: { save: SaveProgress }) {
  const inputs = useInputs();
  if (inputs.isPending) return <Skeleton lines={6} label="Загружаем цели…" />;
  if (inputs.isError) return <ErrorView error={inputs.error} onRetry={() => void inputs.refetch()} />;
  return <GoalsForm initial={draftFrom(inputs.data, browserTimeZone())} save={save} />;
}

function GoalsForm({ initial, save }: { initial: GoalsDraft; save: SaveProgress }) {
  const saveInputs = useSaveInputs();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<GoalsErrors>({});
  const set = (key: keyof GoalsDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setDraft({ ...draft, [key]: e.target.value });
    setErrors((all) => ({ ...all, [key]: undefined })); // a corrected field stops showing its error
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors: found, body } = toInputsBody(draft, todayIn(draft.timezone));
    setErrors(found);
    if (!body) return;
    try {
      await saveInputs.mutateAsync(body);
    } catch (error) {
      if (error instanceof ApiError) {
        const mapped: GoalsErrors = {};
        for (const d of error.details) {
          const field = SERVER_FIELDS[d.field];
          if (field) mapped[field] = "Сервер не принял это значение: проверьте его.";
        }
        setErrors(mapped);
      }
      return;
    }
    await save({ step: "sync" }).catch(() => undefined);
  }

  return (
    <form className="card step" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="step-goals">
      <h2>Цели и доходы</h2>
      <p className="muted">Всё необязательно: FinPulse сам найдёт доход и платежи в операциях. Укажите то, что хотите задать сами.</p>
      <div className="form-grid">
        <Field label="Зарплата в месяц, ₽" hint="Если доход по операциям определится неверно." inputMode="decimal" value={draft.salary} onChange={set("salary")} error={errors.salary} data-testid="goal-salary" />
        <Field label="Дни зарплаты" hint="Числа месяца через запятую, например 5, 20." inputMode="numeric" value={draft.paydays} onChange={set("paydays")} error={errors.paydays} data-testid="goal-paydays" />
        <Field label="Цель накоплений, ₽" hint="Сколько хотите отложить." inputMode="decimal" value={draft.goalAmount} onChange={set("goalAmount")} error={errors.goalAmount} data-testid="goal-amount" />
        <Field label="Накопить к дате" hint="FinPulse посчитает, сколько откладывать в месяц." type="date" value={draft.goalDate} onChange={set("goalDate")} error={errors.goalDate} data-testid="goal-date" />
        <Field label="Неприкосновенный запас, ₽" hint="Эта сумма никогда не считается доступной для трат." inputMode="decimal" value={draft.buffer} onChange={set("buffer")} error={errors.buffer} data-testid="goal-buffer" />
        <div className="field">
          <label htmlFor="goal-timezone">Часовой пояс</label>
          <select id="goal-timezone" value={draft.timezone} onChange={set("timezone")} aria-describedby="goal-timezone-hint">
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
            ["conservative", "Спокойно", "Только обязательные платежи и небольшой запас сверху."],
            ["balanced", "Сбалансированно", "Часть свободных денег — на досрочное погашение."],
            ["fast", "Быстро", "Почти все свободные деньги — на досрочное погашение."],
          ] as const
        ).map(([value, label, hint]) => (
          <label key={value} className="check">
            <input type="radio" name="speed" value={value} checked={draft.speed === value} onChange={set("speed")} />
            <span><strong>{label}</strong><span className="check__hint">{hint}</span></span>
          </label>
        ))}
      </fieldset>
      {saveInputs.isError && !Object.keys(errors).length && <ErrorView error={saveInputs.error} title="Не удалось сохранить" />}
      <div className="step__actions">
        <button type="button" className="button button--secondary" onClick={() => void save({ step: "sync" }).catch(() => undefined)} data-testid="goals-skip">
          Пропустить
        </button>
        <button type="submit" className="button button--primary" disabled={saveInputs.isPending} data-testid="goals-next">
          {saveInputs.isPending ? "Сохраняем…" : "Сохранить и продолжить"}
        </button>
      </div>
    </form>
  );
}
