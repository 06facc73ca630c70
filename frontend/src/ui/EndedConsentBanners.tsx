import { Link } from "react-router";
import type { BankConsents, ConsentView } from "../api/models";
import { useConsents } from "../api/queries";
import { PATHS } from "../lib/links";
import { DataRemoved } from "./DataRemoved";
import { useFormat } from "./useFormat";

/** A data consent the bank (or its end date) ended, whose data FinPulse therefore deleted. */
function endedElsewhere(bank: BankConsents): ConsentView | undefined {
  return [bank.accounts.current, bank.products.current].find(
    (c): c is ConsentView =>
      Boolean(c?.data_removal) &&
      (c?.status === "revoked" || c?.status === "expired") &&
      !["user", "renewal"].includes(c.history.at(-1)?.source ?? "bank"),
  );
}

/**
 * One banner per bank whose consent ended outside FinPulse (revoked in the bank's app, or expired):
 * why its figures are gone from the screen, how much was deleted, and where to reconnect.
 */
export function EndedConsentBanners() {
  const consents = useConsents();
  const format = useFormat();
  const ended = (consents.data?.banks ?? []).flatMap((bank) => {
    const consent = endedElsewhere(bank);
    return consent?.data_removal ? [{ bank, consent, removal: consent.data_removal }] : [];
  });
  if (ended.length === 0) return null;
  return (
    <div className="banners">
      {ended.map(({ bank, consent, removal }) => (
        <div key={bank.bank_id} className="banner banner--warn" role="status" data-testid={`ended-${bank.bank_id}`}>
          <div>
            <strong>{bank.name}: данных этого банка больше нет.</strong>
            <DataRemoved consent={consent} removal={removal} bankName={bank.name} format={format} />
          </div>
          <Link to={PATHS.connections}>Подключить снова</Link>
        </div>
      ))}
    </div>
  );
}
