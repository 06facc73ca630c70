import { Link } from "react-router";
import type { Dashboard } from "../../api/models";
import { PATHS, paymentPath, targetOf } from "../../lib/links";
import type { Format } from "../../ui/useFormat";

/**
 * The daily plan (MDP, ADP, SDP: the daily shares of mandatory payments, extra repayment and
 * saving) with the payment each one leads to, pre-filled: the next instalment, an extra payment
 * to the strategy's target, a top-up toward the goal.
 */
export function PlanActions({ dashboard, format }: { dashboard: Dashboard; format: Format }) {
  const plan = dashboard.daily_plan;
  const next = [...dashboard.debt.loans]
    .filter((l) => l.next_payment_date && Number(l.outstanding) > 0)
    .sort((a, b) => (a.next_payment_date ?? "").localeCompare(b.next_payment_date ?? ""))[0];
  const target = dashboard.debt.loans.find((l) => `${l.bank_id}/${l.agreement_id}` === plan.adp_target);
  const targetCard = dashboard.debt.cards.find((c) => `${c.bank_id}/${c.agreement_id}` === plan.adp_target);
  const hasDebt = dashboard.debt.loans.length > 0 || dashboard.debt.cards.length > 0;
  const goal = dashboard.savings.goal;
  return (
    <section className="card" aria-labelledby="plan-title" data-testid="daily-plan">
      <header className="card__header">
        <h2 id="plan-title">План на день</h2>
        <Link to={PATHS.payments}>История платежей</Link>
      </header>
      <ul className="plan-rows">
        <li data-testid="plan-mdp">
          <div>
            <p className="plan-rows__name">Обязательные платежи</p>
            <p className="muted small">
              {next
                ? `Ближайший: «${next.name}», ${next.next_payment_amount ? format.money(next.next_payment_amount) : "сумма неизвестна"} — ${format.day(next.next_payment_date ?? "")}`
                : hasDebt
                  ? "Дата ближайшего платежа неизвестна."
                  : "Кредитов нет."}
            </p>
          </div>
          <p className="plan-rows__amount">{format.money(plan.mdp_daily)} в день</p>
          {next && (
            <Link className="button button--primary" to={paymentPath("mdp", next, next.next_payment_amount)} data-testid="pay-next-mdp">
              Оплатить
            </Link>
          )}
        </li>
        {hasDebt && (
          <li data-testid="plan-adp">
            <div>
              <p className="plan-rows__name">Досрочное погашение</p>
              <p className="muted small">{target || targetCard ? `В «${(target ?? targetCard)?.name}» — ${plan.strategy === "avalanche" ? "самый дорогой долг" : "самый маленький долг"}.` : "Нет долга для досрочного погашения."}</p>
            </div>
            <p className="plan-rows__amount">{format.money(plan.adp_daily)} в день</p>
            {plan.adp_target && Number(plan.adp_daily) > 0 && (
              <Link className="button button--secondary" to={paymentPath("adp", targetOf(plan.adp_target))} data-testid="pay-adp">
                Внести
              </Link>
            )}
          </li>
        )}
        <li data-testid="plan-sdp">
          <div>
            <p className="plan-rows__name">Накопления</p>
            <p className="muted small">
              {goal ? `Цель ${format.money(goal.target)}: накоплено ${format.percent(goal.progress_percent)}.` : "Цель не задана."}{" "}
              {!goal && <Link to={PATHS.profile}>Задать цель</Link>}
            </p>
          </div>
          <p className="plan-rows__amount" data-testid="plan-sdp-amount">
            {format.money(plan.sdp_daily)} в день
          </p>
          {goal && Number(plan.sdp_daily) > 0 && (
            <Link className="button button--secondary" to={`${PATHS.savings}#top-up`} data-testid="pay-sdp">
              Пополнить
            </Link>
          )}
        </li>
      </ul>
    </section>
  );
}
