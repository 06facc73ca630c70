import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/errors";
import type { OnboardingProgress } from "../../api/models";
import { useBanks, useIdentities, useSetIdentity } from "../../api/queries";
import { userMessage } from "../../lib/messages";
import { ErrorView } from "../../ui/ErrorView";
import { Field } from "../../ui/Field";
import { Skeleton } from "../../ui/States";
import type { SaveProgress } from "./OnboardingPage";

const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function customerIdError(value: string): string | undefined {
  if (!value) return undefined;
  if (value.length > 64) return "Не длиннее 64 символов.";
  if (!CUSTOMER_ID.test(value)) {
    return "Только латинские буквы, цифры, точка, дефис и подчёркивание; первым — буква или цифра.";
  }
  return undefined;
}

function identityError(error: unknown): string {
  if (error instanceof ApiError && error.code === "BANK_IDENTITY_TAKEN") {
    return "Этот клиент банка уже привязан к другой учётной записи FinPulse. Проверьте идентификатор.";
  }
  return userMessage(error);
}

/** Step 1: the customer id at each bank (PUT /api/me/banks/{bank_id}); empty = not a client there. */
export function BanksStep({ progress, save }: { progress: OnboardingProgress; save: SaveProgress }) {
  const banks = useBanks();
  const identities = useIdentities();
  const setIdentity = useSetIdentity();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  if (banks.isPending || identities.isPending) return <Skeleton lines={4} label="Загружаем банки…" />;
  if (banks.isError) return <ErrorView error={banks.error} onRetry={() => void banks.refetch()} />;
  if (identities.isError) return <ErrorView error={identities.error} onRetry={() => void identities.refetch()} />;

  const stored = Object.fromEntries(identities.data.identities.map((i) => [i.bank_id, i.customer_id]));
  const value = (bankId: string) => values[bankId] ?? stored[bankId] ?? "";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const list = banks.data?.banks ?? [];
    const shown = Object.fromEntries(list.map((b) => [b.bank_id, customerIdError(value(b.bank_id).trim())]));
    const chosen = list.filter((b) => value(b.bank_id).trim());
    setErrors(Object.fromEntries(Object.entries(shown).filter((e): e is [string, string] => Boolean(e[1]))));
    if (Object.values(shown).some(Boolean)) return;
    if (chosen.length === 0) {
      setFormError("Укажите идентификатор клиента хотя бы в одном банке.");
      return;
    }
    setFormError(null);
    setBusy(true);
    const outcomes = await Promise.all(
      chosen.map(async (bank) => {
        const customerId = value(bank.bank_id).trim();
        if (stored[bank.bank_id] === customerId) return [bank.bank_id, null] as const;
        try {
          await setIdentity.mutateAsync({ bankId: bank.bank_id, customerId });
          return [bank.bank_id, null] as const;
        } catch (error) {
          return [bank.bank_id, identityError(error)] as const;
        }
      }),
    );
    const failed = Object.fromEntries(outcomes.filter((o): o is readonly [string, string] => o[1] !== null));
    setErrors(failed);
    if (Object.keys(failed).length === 0) {
      const previous = new Map((progress.banks ?? []).map((b) => [b.bank_id, b]));
      await save({
        step: "consents",
        banks: chosen.map((b) => previous.get(b.bank_id) ?? { bank_id: b.bank_id, products: true, payments: false }),
      }).catch(() => undefined); // shown by the page
    }
    setBusy(false);
  }

  return (
    <form className="card step" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="step-banks">
      <h2>Кто вы в каждом банке</h2>
      <p className="muted">
        Укажите идентификатор клиента — его показывает приложение банка. Оставьте поле пустым, если вы не клиент этого
        банка.
      </p>
      <div className="bank-fields">
        {banks.data.banks.map((bank) => (
          <Field
            key={bank.bank_id}
            label={`${bank.name}: идентификатор клиента`}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={value(bank.bank_id)}
            onChange={(e) => setValues({ ...values, [bank.bank_id]: e.target.value })}
            onBlur={(e) => {
              const error = customerIdError(e.target.value.trim());
              setErrors((all) => {
                const next = { ...all };
                if (error) next[bank.bank_id] = error;
                else delete next[bank.bank_id];
                return next;
              });
            }}
            hint={
              stored[bank.bank_id] && value(bank.bank_id).trim() !== stored[bank.bank_id]
                ? "Смена идентификатора отзовёт согласия этого банка и удалит загруженные из него данные."
                : bank.approval === "manual"
                  ? "Этот банк попросит подтвердить доступ в его приложении."
                  : undefined
            }
            error={errors[bank.bank_id]}
            data-testid={`customer-id-${bank.bank_id}`}
          />
        ))}
      </div>
      {formError && (
        <p className="form__error" role="alert">
          {formError}
        </p>
      )}
      <div className="step__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="banks-next">
          {busy ? "Сохраняем…" : "Далее"}
        </button>
      </div>
    </form>
  );
}
