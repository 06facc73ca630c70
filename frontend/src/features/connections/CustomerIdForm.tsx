import { useState, type FormEvent } from "react";
import { useInitConsents, useSetIdentity } from "../../api/queries";
import { ErrorView } from "../../ui/ErrorView";
import { Field } from "../../ui/Field";

const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A bank the user has not connected: their customer id there, then accounts and products consents. */
export function CustomerIdForm({ bankId, bankName }: { bankId: string; bankName: string }) {
  const setIdentity = useSetIdentity();
  const init = useInitConsents();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const customerId = value.trim();
    if (!CUSTOMER_ID.test(customerId)) {
      setError("Только латинские буквы, цифры, точка, дефис и подчёркивание; первым — буква или цифра.");
      return;
    }
    setError(undefined);
    await setIdentity.mutateAsync({ bankId, customerId });
    await init.mutateAsync({ banks: [{ bank_id: bankId, include_products: true }], include_accounts: true });
  }

  return (
    <form className="inline-form" onSubmit={(e) => void onSubmit(e).catch(() => undefined)} noValidate>
      <Field
        label={`${bankName}: идентификатор клиента`}
        hint="Его показывает приложение банка."
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
        data-testid={`connect-customer-${bankId}`}
      />
      <button type="submit" className="button button--primary" disabled={setIdentity.isPending || init.isPending}>
        Подключить
      </button>
      {(setIdentity.error ?? init.error) && <ErrorView error={setIdentity.error ?? init.error} title="Не удалось подключить банк" />}
    </form>
  );
}
