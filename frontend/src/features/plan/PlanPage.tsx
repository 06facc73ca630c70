import { Link } from "react-router";
import type { Dashboard, RepaymentPlan } from "../../api/models";
import { useBankNames, useDashboard } from "../../api/queries";
import { PATHS } from "../../lib/links";
import { Badge } from "../../ui/Badge";
import { COLORS, ChartFrame, LinesChart } from "../../ui/charts";
import { ErrorView } from "../../ui/ErrorView";
import { StaleBanners } from "../../ui/StaleBanners";
import { Empty, Skeleton } from "../../ui/States";
import { useFormat, type Format } from "../../ui/useFormat";
import { RefinanceOffers } from "./RefinanceOffers";

const STRATEGY: Readonly<Record<string, { title: string; how: string }>> = {
  avalanche: { title: "Сначала дорогие («лавина»)", how: "Лишние деньги — в долг с самой высокой ставкой: меньше переплата." },
  snowball: { title: "Сначала маленькие («снежный ком»)", how: "Лишние деньги — в самый маленький долг: быстрее закрываются кредиты." },
};

/** The repayment plan — avalanche vs snowball side by side, the debt over time — and refinance offers. */
export function PlanPage() {
  const answer = useDashboard();
  const names = useBankNames();
  const format = useFormat();
  if (answer.isPending) return <Skeleton lines={8} label="Считаем план…" />;
  if (answer.isError) return <ErrorView error={answer.error} onRetry={() => void answer.refetch()} />;
  const { dashboard } = answer.data;
  const repayment = dashboard.recommendations.repayment;
  const nameOf = (ref: string) => loanName(dashboard, ref);
  return (
    <div className="page" data-testid="plan-page">
      <h1 className="page__title">План погашения</h1>
      <StaleBanners freshness={answer.data.freshness} />
      {!repayment ? (
        <Empty testId="plan-empty">
          Долгов с известным платежом нет — план погашения не нужен. {dashboard.debt.loans.length > 0 && <Link to={PATHS.loans}>Кредиты</Link>}
        </Empty>
      ) : (
        <>
          <section className="card reco" aria-labelledby="plan-advice-title">
            <h2 id="plan-advice-title">Что FinPulse советует</h2>
            <p className="reco__lead" data-testid="plan-reason">
              {repayment.reason}.
            </p>
            <p className="muted small">
              Только обязательные платежи: долги закроются {repayment.baseline_payoff_month ? `в ${format.month(repayment.baseline_payoff_month).toLowerCase()}` : "не раньше чем через 50 лет"}, переплата{" "}
              {format.money(repayment.baseline_interest)}. <Link to={PATHS.profile}>Стратегия и скорость</Link> — в профиле.
            </p>
          </section>
          <div className="cols-2">
            {[repayment.avalanche, repayment.snowball].map((plan) => (
              <StrategyCard key={plan.strategy} plan={plan} chosen={repayment.chosen === plan.strategy} nameOf={nameOf} format={format} />
            ))}
          </div>
          <section className="card" aria-label="Долг со временем">
            <ChartFrame
              title="Сколько останется должны"
              summary={`Сейчас ${format.money(repayment.balance_path[0]?.baseline ?? "0")}. Только обязательные платежи — долг закроется ${repayment.baseline_payoff_month ? format.month(repayment.baseline_payoff_month).toLowerCase() : "не скоро"}; «лавина» — ${repayment.avalanche.payoff_month ? format.month(repayment.avalanche.payoff_month).toLowerCase() : "не скоро"}; «снежный ком» — ${repayment.snowball.payoff_month ? format.month(repayment.snowball.payoff_month).toLowerCase() : "не скоро"}.`}
              rows={repayment.balance_path}
              rowKey={(p) => p.month}
              columns={[
                { label: "Месяц", value: (p) => format.month(p.month) },
                { label: "Только обязательные", value: (p) => format.money(p.baseline), numeric: true },
                { label: "Лавина", value: (p) => format.money(p.avalanche), numeric: true },
                { label: "Снежный ком", value: (p) => format.money(p.snowball), numeric: true },
              ]}
              height={280}
              testId="debt-path-chart"
              headingLevel={2}
            >
              <LinesChart
                data={repayment.balance_path}
                x="month"
                xFormat={(m) => format.month(m, "short")}
                series={[
                  { key: "baseline", label: "Только обязательные", color: COLORS.neutral },
                  { key: "avalanche", label: "Лавина", color: COLORS.accent },
                  { key: "snowball", label: "Снежный ком", color: COLORS.blue },
                ]}
              />
            </ChartFrame>
          </section>
          {repayment.excluded.length > 0 && (
            <p className="muted">
              Не вошли в план (неизвестен ежемесячный платёж — укажите его в профиле): {repayment.excluded.map(nameOf).join(", ")}.
            </p>
          )}
        </>
      )}
      <RefinanceOffers dashboard={dashboard} names={names} nameOf={nameOf} format={format} />
    </div>
  );
}

function loanName(dashboard: Dashboard, ref: string): string {
  const all = [...dashboard.debt.loans, ...dashboard.debt.cards];
  return all.find((d) => `${d.bank_id}/${d.agreement_id}` === ref)?.name ?? ref;
}

function StrategyCard({ plan, chosen, nameOf, format }: { plan: RepaymentPlan; chosen: boolean; nameOf: (ref: string) => string; format: Format }) {
  const info = STRATEGY[plan.strategy] ?? { title: plan.strategy, how: "" };
  return (
    <section className={`card${chosen ? " card--chosen" : ""}`} aria-labelledby={`strategy-${plan.strategy}`} data-testid={`strategy-${plan.strategy}`}>
      <header className="card__header">
        <h2 id={`strategy-${plan.strategy}`}>{info.title}</h2>
        {chosen && <Badge tone="ok">ваш выбор</Badge>}
      </header>
      <p className="muted small">{info.how}</p>
      <dl className="facts-grid">
        <div>
          <dt>Долги закроются</dt>
          <dd data-testid="strategy-payoff">{plan.payoff_month ? format.month(plan.payoff_month) : "не за 50 лет"}</dd>
        </div>
        <div>
          <dt>Месяцев</dt>
          <dd>{plan.months ?? "—"}</dd>
        </div>
        <div>
          <dt>Переплата</dt>
          <dd>{format.money(plan.total_interest)}</dd>
        </div>
        <div>
          <dt>Экономия на процентах</dt>
          <dd data-testid="strategy-saved">{format.money(plan.interest_saved)}</dd>
        </div>
        <div>
          <dt>Сверх обязательных</dt>
          <dd>{format.money(plan.extra_monthly)} в месяц</dd>
        </div>
      </dl>
      <div>
        <p className="small muted">Порядок погашения (платёж закрытого долга идёт в следующий):</p>
        <ol className="small">
          {plan.order.map((ref) => (
            <li key={ref}>{nameOf(ref)}</li>
          ))}
        </ol>
      </div>
    </section>
  );
}
