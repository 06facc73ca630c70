import type { Bank } from "../api/types";

/** Bank rows with their connection state. Stable test ids: bank-row-<bank_id>. */
export function BankList({ banks }: { banks: readonly Bank[] }) {
  return (
    <ul className="bank-list" data-testid="bank-list">
      {banks.map((bank) => (
        <li
          key={bank.bankId}
          className="bank-row"
          data-testid={`bank-row-${bank.bankId}`}
          data-connected={bank.connected ? "true" : "false"}
        >
          <span className="bank-row__avatar" aria-hidden="true">
            {bank.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="bank-row__name" data-testid="bank-name">
            {bank.name}
          </span>
          <span
            className={`badge ${bank.connected ? "badge--ok" : "badge--muted"}`}
            data-testid="bank-state"
          >
            {bank.connected ? "Подключён" : "Не подключён"}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function connectedSummary(banks: readonly Bank[]): string {
  const connected = banks.filter((b) => b.connected).length;
  return `Подключено ${connected} из ${banks.length}`;
}
