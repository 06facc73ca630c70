import { memo, useState } from "react";
import type { BankConsents, BankFreshness, BankHealth, ConsentKind, RevokeResponse } from "../../api/models";
import { useInitConsents, useRevokeConsent } from "../../api/queries";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ErrorView } from "../../ui/ErrorView";
import { useFormat } from "../../ui/useFormat";
import { KINDS, KIND_LABEL, bankErrorText } from "../../ui/wording";
import { CustomerIdForm } from "./CustomerIdForm";
import { freshnessLine, healthLine, initBodyFor, revokeWarning, type Action } from "./connection";
import { KindRow } from "./KindRow";
import { RevokeOutcome } from "./RevokeOutcome";

/**
 * One bank on the connections page: identity, health, freshness and each consent kind.
 * Memoised: the page's other queries (health, freshness, identities) arrive one by one, and a
 * bank whose own props did not change need not render again.
 */
export const BankConnection = memo(function BankConnection({
  bank,
  health,
  freshness,
  verified,
}: {
  bank: BankConsents;
  health: BankHealth | undefined;
  freshness: BankFreshness | undefined;
  /** The bank confirmed the customer id (the customer approved a consent there). */
  verified: boolean | undefined;
}) {
  const format = useFormat();
  const init = useInitConsents();
  const revoke = useRevokeConsent();
  const [confirming, setConfirming] = useState<ConsentKind | null>(null);
  const [outcome, setOutcome] = useState<RevokeResponse | null>(null);
  const fresh = bank.connected
    ? freshnessLine(freshness, format, bankErrorText)
    : { tone: "muted" as const, text: "Нет доступа к счетам: их данные удалены или устарели. Подключите банк снова." };
  const healthy = healthLine(health, format);

  function act(kind: ConsentKind, action: Action) {
    setOutcome(null);
    if (action === "revoke") {
      setConfirming(kind);
      return;
    }
    const current = bank[kind].current;
    init.mutate(initBodyFor(bank.bank_id, kind, current, action === "renew"));
  }

  async function confirmRevoke() {
    const consent = confirming ? bank[confirming].current : null;
    if (!consent) return;
    try {
      setOutcome(await revoke.mutateAsync(consent.id));
    } finally {
      setConfirming(null);
    }
  }

  return (
    <article className="card bank-connection" data-testid={`connection-${bank.bank_id}`} aria-labelledby={`bank-${bank.bank_id}-name`}>
      <header className="bank-connection__head">
        <div>
          <h2 id={`bank-${bank.bank_id}-name`}>{bank.name}</h2>
          {bank.customer_id && (
            <p className="muted" data-testid="bank-customer">
              Клиент {bank.customer_id}
              {verified === true && " · подтверждён банком"}
              {verified === false && " · банк ещё не подтвердил, что это вы"}
            </p>
          )}
        </div>
        <span className={`badge badge--${bank.connected ? "ok" : "muted"}`} data-testid="bank-connected">
          {bank.connected ? "Подключён" : "Не подключён"}
        </span>
      </header>
      {bank.customer_id ? (
        <>
          <p className={`line line--${fresh.tone}`} data-testid="bank-freshness" data-status={freshness?.status ?? "never_synced"}>
            {fresh.text}
          </p>
          {healthy && (
            <p className={`line line--${healthy.tone}`} data-testid="bank-health">
              {healthy.text}
            </p>
          )}
          {bank.error && <p className="line line--warn">Не удалось спросить банк о согласиях: {bankErrorText(bank.error)}</p>}
          <ul className="kind-rows">
            {KINDS.map((kind) => (
              <KindRow key={kind} bankId={bank.bank_id} bankName={bank.name} kind={kind} state={bank[kind]} busy={init.isPending || revoke.isPending} onAction={(a) => act(kind, a)} />
            ))}
          </ul>
        </>
      ) : (
        <CustomerIdForm bankId={bank.bank_id} bankName={bank.name} />
      )}
      {init.isError && <ErrorView error={init.error} title="Банк не принял запрос" />}
      {init.data?.results.some((r) => r.outcome === "failed") && (
        <p className="form__error" role="alert">
          {init.data.results
            .filter((r) => r.outcome === "failed")
            .map((r) => `${KIND_LABEL[r.kind]}: ${r.error ? bankErrorText(r.error) : "ошибка банка"}`)
            .join(" ")}
        </p>
      )}
      {revoke.isError && <ErrorView error={revoke.error} title="Не удалось отозвать согласие" />}
      {outcome && <RevokeOutcome result={outcome} />}
      {confirming && (
        <ConfirmDialog
          open
          title={`Отозвать согласие в ${bank.name}?`}
          confirmLabel="Отозвать и удалить"
          danger
          busy={revoke.isPending}
          onConfirm={() => void confirmRevoke().catch(() => undefined)}
          onCancel={() => setConfirming(null)}
          testId="revoke-dialog"
        >
          <p>
            «{KIND_LABEL[confirming]}»: {revokeWarning(confirming, bank.name)}
          </p>
          <p>Банк тоже получит отзыв. Подключить банк снова можно в любой момент.</p>
        </ConfirmDialog>
      )}
    </article>
  );
});
