import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { ConsentView, InitResult } from "../api/models";
import { useConsents, useInitConsents } from "../api/queries";
import { askLabel, draftOf, initBody, proposal, rightsOf, type Need, type Rights } from "../lib/productRights";
import { ConsentCardView } from "./ConsentCardView";
import { consentCard } from "./consentCard";
import { ErrorView } from "./ErrorView";
import { ProductRightsForm } from "./ProductRightsForm";
import { useRefreshOnReturn } from "./useRefreshOnReturn";

const NONE: Rights = { open: false, close: false, types: ["deposit", "loan", "card"], maxAmount: null };

/** The consent a request created, as the status now reports it (it may have become `current`). */
function tracked(state: { current?: ConsentView | null; renewal?: ConsentView | null } | undefined, id: string | undefined) {
  if (!state || !id) return undefined;
  return [state.current, state.renewal].find((v) => v?.id === id) ?? undefined;
}

/**
 * Ask one bank for a product consent with the rights an action needs (or, without `need`, any
 * rights the person picks), and follow it to approval like every consent in the app: an
 * auto-approving bank answers at once; at a manual one the person opens the bank's page and this
 * card polls with back-off (and asks at once on return to the tab). `onApproved` runs once, when
 * the new rights are in force.
 */
export function ProductRightsRequest({
  bankId,
  bankName,
  need,
  label,
  startOpen = false,
  onApproved,
  onClose,
  testId = "rights",
}: {
  bankId: string;
  bankName: string;
  need?: Need;
  label?: string;
  startOpen?: boolean;
  onApproved?: () => void;
  onClose?: () => void;
  testId?: string;
}) {
  const consents = useConsents();
  const init = useInitConsents();
  const client = useQueryClient();
  const [phase, setPhase] = useState<"closed" | "form" | "sent">(startOpen ? "form" : "closed");
  const [result, setResult] = useState<InitResult | undefined>();
  const announced = useRef<string | null>(null);
  const bank = consents.data?.banks.find((b) => b.bank_id === bankId);
  const current = rightsOf(bank?.products.current);
  const view = tracked(bank?.products, result?.consent?.id) ?? result?.consent ?? undefined;
  const card = consentCard({ requesting: init.isPending, result, view });
  useRefreshOnReturn(phase === "sent" && card.state === "pending", [bankId]);

  useEffect(() => {
    if (card.state !== "approved" || !view || announced.current === view.id) return;
    announced.current = view.id;
    void client.invalidateQueries({ queryKey: ["products"] });
    onApproved?.();
  }, [card.state, view, client, onApproved]);

  async function send(rights: Rights) {
    setResult(undefined);
    setPhase("sent");
    const answer = await init.mutateAsync(initBody(bankId, rights)).catch(() => null);
    setResult(answer?.results.find((r) => r.kind === "products"));
  }
  const close = () => {
    setPhase("closed");
    onClose?.();
  };

  const waiting = bank?.products.renewal?.status === "pending" ? bank.products.renewal : null;
  if (phase === "closed" && waiting) {
    // Asked already (in another row or tab): a second request would only withdraw that one.
    if (!need) return null; // the connections row says so itself
    return (
      <p className="small" data-testid={`${testId}-waiting`}>
        Запрос на новые права уже ждёт подтверждения в {bankName}.{" "}
        {waiting.approval_url && (
          <a href={waiting.approval_url} target="_blank" rel="noopener noreferrer">
            Открыть {bankName}
            <span className="visually-hidden"> (в новой вкладке)</span>
          </a>
        )}
      </p>
    );
  }
  if (phase === "closed") {
    return (
      <button type="button" className="button button--secondary button--small" onClick={() => setPhase("form")} data-testid={`${testId}-ask`}>
        {label ?? (need ? askLabel(need, bankName) : "Изменить права")}
      </button>
    );
  }
  if (phase === "form") {
    const initial = draftOf(need ? proposal(current, need) : (current ?? NONE));
    return (
      <div className="rights-request" data-testid={testId}>
        <ProductRightsForm bankName={bankName} manual={bank?.approval === "manual"} current={current} initial={initial} busy={init.isPending} onSend={(r) => void send(r)} onCancel={close} testId={testId} />
      </div>
    );
  }
  return (
    <div className="rights-request" data-testid={testId} data-state={card.state}>
      {init.isError && <ErrorView error={init.error} title="Банк не принял запрос" />}
      <ul className="consent-cards">
        <ConsentCardView bankId={bankId} bankName={bankName} kind="products" card={card} expiresAt={view?.expires_at} expiresInDays={view?.expires_in_days} />
      </ul>
      {card.state === "approved" && (
        <p className="line line--ok" role="status" data-testid={`${testId}-done`}>
          Готово: {bankName} подтвердил новое согласие на продукты.
        </p>
      )}
      {(card.canRetry || init.isError) && (
        <div className="actions">
          <button type="button" className="button button--secondary button--small" onClick={() => setPhase("form")} data-testid={`${testId}-retry`}>
            Изменить и повторить
          </button>
          <button type="button" className="button button--ghost button--small" onClick={close}>
            Закрыть
          </button>
        </div>
      )}
    </div>
  );
}
