import type { AccountView } from "../api/models";
import { PAYABLE } from "../lib/debtor";
import type { Format } from "./useFormat";

/** Radio buttons for one of the user's current or savings accounts, each with its available balance. */
export function AccountPicker({
  accounts,
  value,
  onChange,
  legend,
  empty,
  names,
  format,
}: {
  accounts: readonly AccountView[];
  value: string;
  onChange: (id: string) => void;
  legend: string;
  empty: string;
  names: Readonly<Record<string, string>>;
  format: Format;
}) {
  const payable = accounts.filter((a) => PAYABLE.has(a.kind) && a.enabled);
  return (
    <fieldset className="radios" data-testid="debtor-picker">
      <legend>{legend}</legend>
      {payable.length === 0 && <p className="muted">{empty}</p>}
      {payable.map((a) => {
        const id = accountKey(a);
        return (
          <label key={id} className="check">
            <input type="radio" name="debtor" value={id} checked={value === id} onChange={() => onChange(id)} data-testid={`debtor-${a.bank_id}-${a.account_id}`} />
            <span>
              <strong>
                {names[a.bank_id] ?? a.bank_id} · {a.kind === "savings" ? "накопительный" : "текущий"} {a.masked_number}
              </strong>
              <span className="check__hint">доступно {a.available ? format.money(a.available.amount, a.available.currency) : "—"}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** `bank/account`, the picker's value. */
export const accountKey = (a: { bank_id: string; account_id: string }): string => `${a.bank_id}/${a.account_id}`;

/** The picker's value back as the API's `{bank_id, account_id}`. */
export function accountRef(key: string): { bank_id: string; account_id: string } {
  const [bank_id, ...rest] = key.split("/");
  return { bank_id: bank_id ?? "", account_id: rest.join("/") };
}
