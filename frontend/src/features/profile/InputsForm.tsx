import { useState, type FormEvent } from "react";
import { useSaveInputs } from "../../api/queries";
import { todayIn } from "../../lib/format";
import { serverErrors, toInputsBody, type GoalsDraft, type GoalsErrors } from "../../lib/inputsForm";
import { ErrorView } from "../../ui/ErrorView";
import { InputsFields } from "../../ui/InputsFields";

type Key = Exclude<keyof GoalsDraft, "overrides">;

/**
 * The financial inputs with inline validation: a field is checked as soon as it is changed, and
 * the server's own verdict (422 details) lands on the field it names.
 */
export function InputsForm({ initial, stored }: { initial: GoalsDraft; stored: boolean }) {
  const save = useSaveInputs();
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<Key>>(new Set());
  const [fromServer, setFromServer] = useState<GoalsErrors>({});
  const [saved, setSaved] = useState(false);
  const live = toInputsBody(draft, todayIn(draft.timezone)).errors;
  const errors: GoalsErrors = { ...fromServer };
  for (const key of touched) {
    const message = live[key];
    if (message) errors[key] = message;
  }

  const set = (key: Key) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setDraft({ ...draft, [key]: e.target.value });
    setTouched(new Set([...touched, key]));
    setFromServer({});
    setSaved(false);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors: found, body } = toInputsBody(draft, todayIn(draft.timezone));
    setTouched(new Set(Object.keys(draft) as Key[]));
    if (!body || Object.keys(found).length) return;
    try {
      await save.mutateAsync(body);
      setSaved(true);
    } catch (error) {
      setFromServer(serverErrors(error));
    }
  }

  return (
    <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="inputs-title" data-testid="profile-inputs">
      <header className="card__header">
        <h2 id="inputs-title">Доходы, цели и погашение</h2>
        {!stored && <span className="card__meta">Сейчас FinPulse всё определяет сам</span>}
      </header>
      <p className="muted">Всё необязательно. То, что вы укажете, заменит найденное в операциях и сразу пересчитает «можно тратить», план и советы.</p>
      <InputsFields draft={draft} errors={errors} set={set} />
      {save.isError && !Object.keys(fromServer).length && <ErrorView error={save.error} title="Не удалось сохранить" />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.isPending || Object.keys(live).length > 0} data-testid="profile-save">
          {save.isPending ? "Сохраняем…" : "Сохранить"}
        </button>
        {saved && (
          <p className="notice" role="status" data-testid="profile-saved">
            Сохранено. Цифры на главной пересчитаны.
          </p>
        )}
      </div>
    </form>
  );
}
