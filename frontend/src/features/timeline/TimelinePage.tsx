import { useDashboard } from "../../api/queries";
import { ErrorView } from "../../ui/ErrorView";
import { StaleBanners } from "../../ui/StaleBanners";
import { Empty, Skeleton } from "../../ui/States";
import { TimelineChart, TimelineList } from "../../ui/TimelineView";
import { useFormat } from "../../ui/useFormat";

/** The next 30 days in full: every expected income and payment, and the balance after each. */
export function TimelinePage() {
  const answer = useDashboard();
  const format = useFormat();
  if (answer.isPending) return <Skeleton lines={8} label="Загружаем события…" />;
  if (answer.isError) return <ErrorView error={answer.error} onRetry={() => void answer.refetch()} />;
  const { timeline } = answer.data.dashboard;
  return (
    <div className="page" data-testid="timeline-page">
      <h1 className="page__title">30 дней вперёд</h1>
      <StaleBanners freshness={answer.data.freshness} />
      <section className="card" aria-label="Сводка">
        <dl className="facts-grid">
          <div>
            <dt>Сейчас на счетах</dt>
            <dd>{format.money(timeline.opening_balance)}</dd>
          </div>
          <div>
            <dt>Самый низкий остаток</dt>
            <dd data-testid="timeline-lowest" className={Number(timeline.lowest_balance) < 0 ? "danger" : undefined}>
              {format.money(timeline.lowest_balance)}
            </dd>
          </div>
          <div>
            <dt>{format.day(timeline.end)}</dt>
            <dd>{format.money(timeline.closing_balance)}</dd>
          </div>
        </dl>
        {Number(timeline.lowest_balance) < 0 && (
          <p className="hero__warn" role="note">
            Денег не хватит на все платежи: в самый трудный день остаток будет {format.money(timeline.lowest_balance)}. Пополните счёт заранее или перенесите трату.
          </p>
        )}
      </section>
      <section className="card" aria-label="График">
        <TimelineChart timeline={timeline} format={format} />
      </section>
      <section className="card" aria-labelledby="events-title">
        <h2 id="events-title">События по дням</h2>
        {timeline.events.length ? (
          <TimelineList events={timeline.events} format={format} lowest={timeline.lowest_balance} />
        ) : (
          <Empty testId="timeline-empty">В ближайшие 30 дней FinPulse не ждёт ни доходов, ни платежей.</Empty>
        )}
        <p className="muted small">«Примерно» — дата или сумма выведены из прошлых операций, а не сообщены банком.</p>
      </section>
    </div>
  );
}
