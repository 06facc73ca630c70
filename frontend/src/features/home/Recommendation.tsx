import { Link } from "react-router";
import type { Dashboard } from "../../api/models";
import { PATHS, paymentPath, targetOf } from "../../lib/links";
import type { Format } from "../../ui/useFormat";

/**
 * The one thing to do about the money, from the plan: the best refinance offer when the plan
 * advises refinancing, the extra payment when there is a surplus, else the savings plan or the
 * health score's next action. Every sentence and figure is the API's.
 */
export function Recommendation({ dashboard, names, format }: { dashboard: Dashboard; names: Readonly<Record<string, string>>; format: Format }) {
  const { repayment, refinance, savings_plan: savings } = dashboard.recommendations;
  const best = [...refinance].sort((a, b) => Number(b.total_saving) - Number(a.total_saving))[0];
  const loanName = (ref: string) => dashboard.debt.loans.find((l) => `${l.bank_id}/${l.agreement_id}` === ref)?.name ?? ref;
  let body: React.ReactNode;
  if (best && (!repayment || repayment.advice !== "extra_payments")) {
    body = (
      <>
        <p className="reco__lead" data-testid="reco-text">
          Рефинансируйте «{loanName(best.loan)}»: {names[best.offer_bank_id] ?? best.offer_bank_id}, «{best.product_name}» под {format.percent(best.new_rate, 2)} вместо{" "}
          {format.percent(best.current_rate, 2)}. Платёж {format.money(best.new_payment)} вместо {format.money(best.current_payment)}, выгода {format.money(best.total_saving)} с учётом
          комиссии, окупится за {best.break_even_month} мес.
        </p>
        {repayment && <p className="muted">{repayment.reason}.</p>}
        <Link className="button button--secondary" to={PATHS.plan}>
          Все предложения и план
        </Link>
      </>
    );
  } else if (repayment) {
    body = (
      <>
        <p className="reco__lead" data-testid="reco-text">
          {repayment.reason}.
        </p>
        <div className="actions">
          {repayment.advice === "extra_payments" && dashboard.daily_plan.adp_target && (
            <Link className="button button--primary" to={paymentPath("adp", targetOf(dashboard.daily_plan.adp_target))}>
              Внести досрочно
            </Link>
          )}
          <Link className="button button--secondary" to={PATHS.plan}>
            План погашения
          </Link>
        </div>
      </>
    );
  } else if (savings) {
    body = (
      <>
        <p className="reco__lead" data-testid="reco-text">
          До цели {format.money(savings.goal_amount)} осталось {format.money(savings.remaining)}
          {savings.months_left ? `: откладывайте ${format.money(savings.monthly_needed)} в месяц` : ""}.
          {savings.feasible === false && " С нынешними доходами и расходами это не получится — пересмотрите цель или срок."}
        </p>
        <Link className="button button--secondary" to={PATHS.savings}>
          Накопления
        </Link>
      </>
    );
  } else {
    body = (
      <p className="reco__lead" data-testid="reco-text">
        {dashboard.health.next_action}
      </p>
    );
  }
  return (
    <section className="card reco" aria-labelledby="reco-title" data-testid="recommendation">
      <h2 id="reco-title">Совет</h2>
      {body}
    </section>
  );
}
