import { useId, useState, type FormEvent } from "react";
import { PRODUCT_WORDS, WORD_PLURAL, checkDraft, rightsLines, type DraftErrors, type Rights, type RightsDraft } from "../lib/productRights";
import { Field } from "./Field";
import { useFormat } from "./useFormat";

const ACTIONS = [
  { right: "open", label: "Открывать", hint: "Только когда вы сами нажмёте «Открыть» и подтвердите." },
  { right: "close", label: "Закрывать", hint: "Деньги вернутся на счёт, который вы выберете." },
] as const;

/**
 * What the person allows at one bank — open, close, which products, up to how much — and, as they
 * change it, exactly what the bank will be asked for.
 */
export function ProductRightsForm({
  bankName,
  manual,
  current,
  initial,
  busy,
  onSend,
  onCancel,
  testId,
}: {
  bankName: string;
  /** The bank asks the customer to approve in its own app. */
  manual: boolean;
  current: Rights | null;
  initial: RightsDraft;
  busy: boolean;
  onSend: (rights: Rights) => void;
  onCancel: () => void;
  testId: string;
}) {
  const format = useFormat();
  const titleId = useId();
  const [draft, setDraft] = useState<RightsDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const checked = checkDraft(draft);
  const preview = checked.rights ?? { ...draft, maxAmount: null };
  const money = (v: string) => format.money(v);
  const toggle = (word: (typeof PRODUCT_WORDS)[number], on: boolean) =>
    setDraft({ ...draft, types: on ? [...draft.types, word] : draft.types.filter((t) => t !== word) });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors(checked.errors);
    if (checked.rights) onSend(checked.rights);
  }

  return (
    <form className="rights-form" onSubmit={submit} noValidate aria-labelledby={titleId} data-testid={`${testId}-form`}>
      <h3 id={titleId}>Что FinPulse сможет делать в {bankName}</h3>
      <fieldset className="choice">
        <legend>Действия</legend>
        <label className="check">
          <input type="checkbox" checked disabled />
          <span>
            <strong>Видеть договоры</strong>
            <span className="check__hint">Всегда: без этого FinPulse не покажет ваши вклады и кредиты.</span>
          </span>
        </label>
        {ACTIONS.map(({ right, label, hint }) => (
          <label key={right} className="check">
            <input type="checkbox" checked={draft[right]} onChange={(e) => setDraft({ ...draft, [right]: e.target.checked })} data-testid={`${testId}-${right}`} />
            <span>
              <strong>{label}</strong>
              <span className="check__hint">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice" aria-describedby={errors.types ? `${titleId}-types` : undefined}>
        <legend>Какие продукты</legend>
        <p className="check__hint">Банк применяет этот список ко всем действиям сразу: к просмотру, открытию и закрытию.</p>
        {PRODUCT_WORDS.map((word) => (
          <label key={word} className="check">
            <input type="checkbox" checked={draft.types.includes(word)} onChange={(e) => toggle(word, e.target.checked)} data-testid={`${testId}-type-${word}`} />
            <span>{WORD_PLURAL[word].charAt(0).toLocaleUpperCase("ru-RU") + WORD_PLURAL[word].slice(1)}</span>
          </label>
        ))}
        {errors.types && (
          <p id={`${titleId}-types`} className="field__error" role="alert">
            {errors.types}
          </p>
        )}
      </fieldset>
      {draft.open && (
        <Field
          label="Открывать всего не больше чем на, ₽"
          inputMode="decimal"
          value={draft.maxAmount}
          onChange={(e) => setDraft({ ...draft, maxAmount: e.target.value })}
          error={errors.maxAmount}
          hint="Сумма всех продуктов, открытых по этому согласию. Больше банк не откроет."
          data-testid={`${testId}-max`}
        />
      )}
      <div className="rights-form__summary" data-testid={`${testId}-summary`}>
        <p>
          <strong>{bankName} получит запрос на согласие:</strong>
        </p>
        <ul>
          {rightsLines(preview, money).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {current && <p className="muted small">Нынешнее согласие действует, пока банк не подтвердит новое, затем FinPulse отзовёт его.</p>}
        <p className="muted small">
          {manual ? `${bankName} попросит подтвердить запрос в своём приложении — мы дадим ссылку и сами увидим ответ.` : `${bankName} подтверждает такие запросы сразу.`}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid={`${testId}-send`}>
          {busy ? "Отправляем…" : `Запросить согласие в ${bankName}`}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          Отмена
        </button>
      </div>
    </form>
  );
}
