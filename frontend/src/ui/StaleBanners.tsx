import { Link } from "react-router";
import type { BankFreshness } from "../api/models";
import { useBankNames } from "../api/queries";
import { PATHS } from "../lib/links";
import { bankErrorText } from "./wording";
import { useFormat } from "./useFormat";

/** One banner per bank whose last sync failed: its figures are the last good data, of that time. */
export function StaleBanners({ freshness }: { freshness: readonly BankFreshness[] }) {
  const names = useBankNames();
  const format = useFormat();
  const stale = freshness.filter((f) => f.stale);
  if (stale.length === 0) return null;
  return (
    <div className="banners">
      {stale.map((f) => (
        <div key={f.bank_id} className="banner banner--warn" role="status" data-testid={`stale-${f.bank_id}`}>
          <p>
            <strong>{names[f.bank_id] ?? f.bank_id}: показаны данные на {f.last_success_at ? format.dateTime(f.last_success_at) : "—"}.</strong>{" "}
            {f.error ? bankErrorText(f.error) : "Последнее обновление не удалось."}
          </p>
          <Link to={PATHS.connections}>Проверить подключение</Link>
        </div>
      ))}
    </div>
  );
}
