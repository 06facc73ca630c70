import { Link } from "react-router";
import { useBankNames, useDashboard, useSpending } from "../../api/queries";
import { PATHS } from "../../lib/links";
import { ErrorView } from "../../ui/ErrorView";
import { AmountsChart, MonthsChart } from "../../ui/SpendingCharts";
import { EndedConsentBanners } from "../../ui/EndedConsentBanners";
import { StaleBanners } from "../../ui/StaleBanners";
import { Empty, Skeleton } from "../../ui/States";
import { TimelineChart, TimelineList } from "../../ui/TimelineView";
import { useFormat } from "../../ui/useFormat";
import { HealthCard } from "./HealthCard";
import { PlanActions } from "./PlanActions";
import { Recommendation } from "./Recommendation";
import { SafeToSpendCard } from "./SafeToSpendCard";
import { CashCard, DebtCard } from "./SummaryCards";

/** Home: the money picture at a glance, every figure from GET /api/dashboard. */
export function HomePage() {
  const answer = useDashboard();
  const names = useBankNames();
  const format = useFormat();
  const today = answer.data?.today;
  const month = useSpending({ group_by: "category", from: `${today?.slice(0, 7)}-01`, to: today ?? "" }, Boolean(today));

  if (answer.isPending) return <Skeleton lines={8} label="Считаем ваши деньги…" />;
  if (answer.isError) return <ErrorView error={answer.error} onRetry={() => void answer.refetch()} />;
  const { dashboard, freshness } = answer.data;
  if (freshness.length === 0 && dashboard.cash.accounts.length === 0) {
    return (
      <div className="page" data-testid="home">
        <h1 className="page__title">Главная</h1>
        <EndedConsentBanners />
        <Empty testId="home-empty">
          Пока нет данных ни из одного банка. <Link to={PATHS.connections}>Подключите банк</Link> — и здесь появятся деньги, платежи и советы.
        </Empty>
      </div>
    );
  }
  const upcoming = dashboard.timeline.events.slice(0, 5);
  return (
    <div className="page" data-testid="home">
      <h1 className="visually-hidden">Главная</h1>
      <StaleBanners freshness={freshness} />
      <EndedConsentBanners />
      <div className="home-top">
        <SafeToSpendCard sts={dashboard.safe_to_spend} format={format} />
        <PlanActions dashboard={dashboard} format={format} />
      </div>
      <div className="cards-3">
        <CashCard dashboard={dashboard} freshness={freshness} names={names} format={format} />
        <DebtCard dashboard={dashboard} format={format} />
        <HealthCard health={dashboard.health} format={format} />
      </div>
      <section className="card" aria-labelledby="next-title" data-testid="home-timeline">
        <header className="card__header">
          <h2 id="next-title">Ближайшие 30 дней</h2>
          <Link to={PATHS.timeline}>Все события</Link>
        </header>
        <div className="split">
          <TimelineChart timeline={dashboard.timeline} format={format} title="Прогноз остатка" />
          {upcoming.length ? (
            <TimelineList events={upcoming} format={format} lowest={dashboard.timeline.lowest_balance} />
          ) : (
            <Empty testId="timeline-empty">В ближайшие 30 дней нет ожидаемых доходов и платежей.</Empty>
          )}
        </div>
      </section>
      <Recommendation dashboard={dashboard} names={names} format={format} />
      <section className="card" aria-labelledby="spend-title" data-testid="home-spending">
        <header className="card__header">
          <h2 id="spend-title">Расходы</h2>
          <Link to={PATHS.spending}>Подробнее</Link>
        </header>
        <div className="split">
          {month.data ? (
            <AmountsChart
              title={`В этом месяце: ${format.money(month.data.report.total)}`}
              rows={month.data.report.rows}
              total={month.data.report.total}
              format={format}
              testId="month-categories"
            />
          ) : month.isError ? (
            <ErrorView error={month.error} onRetry={() => void month.refetch()} />
          ) : (
            <Skeleton lines={4} label="Загружаем расходы…" />
          )}
          <MonthsChart months={dashboard.spending.by_month} format={format} title="Доходы и расходы за 12 месяцев" />
        </div>
      </section>
    </div>
  );
}
