import { useId, useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * A modal question (the native <dialog>: focus moves in and is trapped, Esc cancels, focus
 * returns to the button that opened it).
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "Отмена",
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
  testId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
    // Closed before it leaves the page, so focus returns to the button that opened it.
    return () => {
      if (dialog.open) dialog.close();
    };
  }, [open]);
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid={testId}
    >
      {open && (
        <div className="dialog__body">
          <h2 id={titleId}>{title}</h2>
          <div className="dialog__text">{children}</div>
          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
              {cancelLabel}
            </button>
            <button
              type="button"
              className={`button ${danger ? "button--danger" : "button--primary"}`}
              onClick={onConfirm}
              disabled={busy}
              data-testid={testId ? `${testId}-confirm` : undefined}
            >
              {confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
