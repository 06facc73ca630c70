import type { BankState } from "../../api/models";
import type { components } from "../../api/schema";
import { PaymentLimitsFields } from "./PaymentLimitsFields";
import type { LimitsDraft, LimitsErrors } from "./paymentLimits";

type BankPlan = components["schemas"]["BankPlan"];

/** Per bank, which consents to ask for: accounts always, products and payments if wanted. */
export function ConsentChoices({
  plans,
  banks,
  limits,
  limitErrors,
  onPlan,
  onLimits,
}: {
  plans: readonly BankPlan[];
  banks: readonly BankState[];
  limits: Readonly<Record<string, LimitsDraft>>;
  limitErrors: Readonly<Record<string, LimitsErrors>>;
  onPlan: (plan: BankPlan) => void;
  onLimits: (bankId: string, draft: LimitsDraft) => void;
}) {
  const name = (id: string) => banks.find((b) => b.bank_id === id)?.name ?? id;
  return (
    <div className="choices">
      {plans.map((plan) => (
        <fieldset key={plan.bank_id} className="choice" data-testid={`choice-${plan.bank_id}`}>
          <legend>{name(plan.bank_id)}</legend>
          <label className="check">
            <input type="checkbox" checked disabled />
            <span>
              <strong>Счета, остатки и операции</strong>
              <span className="check__hint">Всегда: без них FinPulse не увидит ваши деньги.</span>
            </span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={plan.products ?? false}
              onChange={(e) => onPlan({ ...plan, products: e.target.checked })}
              data-testid={`choice-${plan.bank_id}-products`}
            />
            <span>
              <strong>Кредиты, вклады и карты</strong>
              <span className="check__hint">Ставки, платежи и сроки — для советов, как платить по долгам выгоднее.</span>
            </span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={plan.payments ?? false}
              onChange={(e) => onPlan({ ...plan, payments: e.target.checked })}
              data-testid={`choice-${plan.bank_id}-payments`}
            />
            <span>
              <strong>Платежи</strong>
              <span className="check__hint">Чтобы вносить платежи по кредитам и пополнять вклады из FinPulse, в пределах лимитов.</span>
            </span>
          </label>
          {plan.payments && limits[plan.bank_id] && (
            <PaymentLimitsFields
              bankName={name(plan.bank_id)}
              draft={limits[plan.bank_id] as LimitsDraft}
              errors={limitErrors[plan.bank_id] ?? {}}
              onChange={(draft) => onLimits(plan.bank_id, draft)}
            />
          )}
        </fieldset>
      ))}
    </div>
  );
}
