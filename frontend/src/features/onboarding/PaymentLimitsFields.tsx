import { formatMoney } from "../../lib/format";
import { Field } from "../../ui/Field";
import type { LimitsDraft, LimitsErrors } from "./paymentLimits";

/** Limits for the payment consent, each explained in one line, with the whole rule in plain words. */
export function PaymentLimitsFields({
  bankName,
  draft,
  errors,
  onChange,
}: {
  bankName: string;
  draft: LimitsDraft;
  errors: LimitsErrors;
  onChange: (draft: LimitsDraft) => void;
}) {
  const set = (key: keyof LimitsDraft) => (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...draft, [key]: e.target.value });
  const per = Number(draft.perPayment.replace(/\s+/g, ""));
  const total = Number(draft.total.replace(/\s+/g, ""));
  return (
    <div className="limits">
      <Field
        label="Счёт списания"
        hint={`Номер счёта в ${bankName}, с которого FinPulse сможет платить (есть в приложении банка).`}
        inputMode="numeric"
        autoComplete="off"
        value={draft.debtorAccount}
        onChange={set("debtorAccount")}
        error={errors.debtorAccount}
      />
      <div className="limits__row">
        <Field label="Сколько платежей" hint="Всего за срок согласия." inputMode="numeric" value={draft.maxUses} onChange={set("maxUses")} error={errors.maxUses} />
        <Field label="Один платёж, не больше, ₽" inputMode="decimal" value={draft.perPayment} onChange={set("perPayment")} error={errors.perPayment} />
        <Field label="Все платежи вместе, не больше, ₽" inputMode="decimal" value={draft.total} onChange={set("total")} error={errors.total} />
      </div>
      {Object.keys(errors).length === 0 && per > 0 && total > 0 && (
        <p className="muted">
          FinPulse сможет провести до {draft.maxUses} платежей, каждый не больше {formatMoney(per)}, всего не больше{" "}
          {formatMoney(total)} — и только те, что вы сами запустите: взнос по кредиту или пополнение вклада.
        </p>
      )}
    </div>
  );
}
