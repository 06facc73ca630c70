import type { PaymentPartyView, RefinanceStep } from "../../api/models";
import { Badge } from "../../ui/Badge";
import { STEP_STATUS, stepText } from "./wording";

/** The saga's four steps in order, each naming its bank, with its state once it runs. */
export function StepsList({ steps, oldBank, newBank, amount, payout, live }: { steps: readonly RefinanceStep[]; oldBank: string; newBank: string; amount: string; payout: Pick<PaymentPartyView, "masked_number"> | null | undefined; live: boolean }) {
  return (
    <ol className="saga-steps" data-testid="refinance-steps">
      {steps.map((s) => (
        <li key={s.name} className={`saga-step saga-step--${s.status}`} data-testid="refinance-step" data-name={s.name} data-status={s.status}>
          <span>{stepText(s.name, { oldBank, newBank, amount, payout })}</span>
          {live && <Badge tone={STEP_STATUS[s.status].tone}>{STEP_STATUS[s.status].label}</Badge>}
        </li>
      ))}
    </ol>
  );
}
