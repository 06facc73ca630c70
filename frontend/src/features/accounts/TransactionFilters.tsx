import { useEffect, useState } from "react";
import { withFilter, type AccountView, type CategoryOption, type TransactionFilterKey, type TransactionFilters } from "../../api/models";
import { SelectField } from "../../ui/SelectField";
import { accountLabel } from "./AccountsList";

/** Bank, account, dates, direction, category and text: each change narrows the list at once. */
export function TransactionFiltersForm({
  filters,
  onChange,
  banks,
  accounts,
  categories,
}: {
  filters: TransactionFilters;
  onChange: (update: (current: TransactionFilters) => TransactionFilters) => void;
  banks: ReadonlyArray<{ bank_id: string; name: string }>;
  accounts: readonly AccountView[];
  categories: readonly CategoryOption[];
}) {
  const [text, setText] = useState(filters.q ?? "");
  useEffect(() => {
    // Typing waits for a pause before asking the server.
    const timer = setTimeout(() => {
      if ((filters.q ?? "") !== text.trim()) onChange((f) => withFilter(f, "q", text.trim()));
    }, 350);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);
  const set = (key: TransactionFilterKey) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => {
    const value = e.target.value;
    onChange((f) => {
      const next = withFilter(f, key, value);
      return key === "bank_id" ? withFilter(next, "account_id", undefined) : next;
    });
  };
  const bankAccounts = accounts.filter((a) => !filters.bank_id || a.bank_id === filters.bank_id);
  const badRange = Boolean(filters.from && filters.to && filters.to < filters.from);
  return (
    <form className="filters" role="search" aria-label="Фильтры операций" onSubmit={(e) => e.preventDefault()} data-testid="tx-filters">
      <div className="field">
        <label htmlFor="tx-q">Поиск</label>
        <input id="tx-q" type="search" value={text} placeholder="Магазин, описание…" onChange={(e) => setText(e.target.value)} data-testid="filter-q" />
      </div>
      <SelectField id="tx-bank" label="Банк" anyLabel="Все банки" value={filters.bank_id} onChange={set("bank_id")} testId="filter-bank" options={banks.map((b) => ({ value: b.bank_id, label: b.name }))} />
      <div className="field">
        <label htmlFor="tx-account">Счёт</label>
        <select id="tx-account" value={filters.account_id ?? ""} onChange={set("account_id")} disabled={!filters.bank_id} data-testid="filter-account">
          <option value="">{filters.bank_id ? "Все счета банка" : "Сначала выберите банк"}</option>
          {bankAccounts.map((a) => (
            <option key={a.account_id} value={a.account_id}>
              {accountLabel(a)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="tx-from">С даты</label>
        <input id="tx-from" type="date" value={filters.from ?? ""} onChange={set("from")} data-testid="filter-from" />
      </div>
      <div className="field">
        <label htmlFor="tx-to">По дату</label>
        <input id="tx-to" type="date" value={filters.to ?? ""} onChange={set("to")} data-testid="filter-to" aria-invalid={badRange || undefined} aria-describedby={badRange ? "tx-range-error" : undefined} />
      </div>
      <div className="field">
        <label htmlFor="tx-direction">Направление</label>
        <select id="tx-direction" value={filters.direction ?? ""} onChange={set("direction")} data-testid="filter-direction">
          <option value="">Все</option>
          <option value="in">Поступления</option>
          <option value="out">Списания</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="tx-category">Категория</label>
        <select id="tx-category" value={filters.category ?? ""} onChange={set("category")} data-testid="filter-category">
          <option value="">Все категории</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {badRange && (
        <p id="tx-range-error" className="field__error" role="alert">
          Дата «по» раньше даты «с».
        </p>
      )}
    </form>
  );
}
