import type { RevokeResponse } from "../../api/models";
import { plural } from "../../lib/format";
import { KIND_LABEL, bankErrorText } from "../../ui/wording";

/** The server's account of a revocation: what was deleted, what was not, and whether the bank knows. */
export function RevokeOutcome({ result }: { result: RevokeResponse }) {
  const n = result.deleted_items;
  return (
    <div className="notice" role="status" data-testid="revoke-outcome">
      <p>
        Согласие «{KIND_LABEL[result.consent.kind]}» отозвано.{" "}
        {n > 0 ? `Удалено ${n.toLocaleString("ru-RU")} ${plural(n, ["запись", "записи", "записей"])} из этого банка.` : "Удалять было нечего."}
      </p>
      {!result.revoked_at_bank && (
        <p data-testid="revoke-bank-pending">
          Банк пока не подтвердил отзыв{result.bank_error ? ` — ${bankErrorText(result.bank_error)}` : "."} FinPulse уже
          не пользуется этим согласием и повторит отзыв в банке сам при следующем обновлении. На всякий случай
          проверьте в приложении банка, что доступ FinPulse отозван.
        </p>
      )}
      {result.not_deleted.length > 0 && (
        <div data-testid="revoke-not-deleted">
          <p>Не удалось удалить — попробуем снова:</p>
          <ul>
            {result.not_deleted.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
