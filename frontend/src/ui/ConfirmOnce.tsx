import { onceMessage } from "../lib/messages";
import { ErrorView } from "./ErrorView";
import type { SendOnce } from "./useSendOnce";

/**
 * The confirmation's buttons and promises (payments, deposits, refinance): Confirm (or «Повторить»
 * with the same key after a lost answer), «Изменить» only while nothing may have happened, and
 * the one-key promise in plain words.
 */
export function ConfirmOnce({
  state,
  action,
  canConfirm,
  label,
  sendingLabel,
  lostTitle,
  refusedTitle,
  retryHint,
  keyNote,
  attemptKey,
  onChange,
  testId,
}: {
  state: SendOnce;
  /** What is done once, as it follows «Заявка на»: «платёж», «открытие вклада», … */
  action: string;
  canConfirm: boolean;
  label: string;
  sendingLabel: string;
  lostTitle: string;
  refusedTitle: string;
  retryHint: string;
  keyNote: string;
  attemptKey: string;
  onChange: () => void;
  testId: string;
}) {
  const { error, retryable } = state;
  return (
    <>
      {error && <ErrorView error={error} title={retryable ? lostTitle : refusedTitle} message={onceMessage(error, action)} />}
      {error && retryable && (
        <p className="muted small" data-testid={`${testId}-retry-hint`}>
          {retryHint}
        </p>
      )}
      <div className="actions">
        {canConfirm && (
          <button type="button" className="button button--primary" onClick={state.confirm} disabled={state.pending || (state.sent && !error)} data-testid={`${testId}-confirm`}>
            {state.pending ? sendingLabel : error && retryable ? "Повторить" : label}
          </button>
        )}
        {!state.outcomeUnknown && (
          <button type="button" className="button button--secondary" onClick={onChange} data-testid={`${testId}-change`}>
            Изменить
          </button>
        )}
      </div>
      <p className="muted small">
        {keyNote}{" "}
        <span className="mono" title="Idempotency-Key">
          {attemptKey.slice(0, 8)}
        </span>
        .
      </p>
    </>
  );
}
