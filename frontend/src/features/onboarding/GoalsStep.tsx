import { useState, type FormEvent } from "react";
import { useInputs, useSaveInputs } from "../../api/queries";
import { browserTimeZone, todayIn } from "../../lib/format";
import { ErrorView } from "../../ui/ErrorView";
import { Skeleton } from "../../ui/States";
import { draftFrom, serverErrors, toInputsBody, type GoalsDraft, type GoalsErrors } from "../../lib/inputsForm";
import { InputsFields } from "../../ui/InputsFields";
import type { SaveProgress } from "./OnboardingPage";

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
  const set = (key: Exclude<keyof GoalsDraft, "overrides">) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setDraft({ ...draft, [key]: e.target.value });
    setErrors((all) => {
      const next = { ...all };
      delete next[key]; // a corrected field stops showing its error
      return next;
    });
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors: found, body } = toInputsBody(draft, todayIn(draft.timezone));
    setErrors(found);
    if (!body) return;
    try {
      await saveInputs.mutateAsync(body);
    } catch (error) {
      setErrors(serverErrors(error));
      return;
    }
    await save({ step: "sync" }).catch(() => undefined);
  }

  return (
    <form className="card step" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="step-goals">
      <h2>Цели и доходы</h2>
      <p className="muted">Всё необязательно: FinPulse сам найдёт доход и платежи в операциях. Укажите то, что хотите задать сами.</p>
      <InputsFields draft={draft} errors={errors} set={set} />
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
