import { memo } from "react";
import type { Timeline, TimelineEvent } from "../api/models";
import { asName } from "../lib/text";
import { COLORS, ChartFrame, LinesChart, type Marker } from "./charts";
import type { Format } from "./useFormat";

export const EVENT_KIND: Readonly<Record<TimelineEvent["kind"], string>> = {
  income: "Доход",
  instalment: "Платёж по кредиту",
  card_payment: "Платёж по карте",
  bill: "Регулярный платёж",
  overdue: "Просрочка",
  deposit_maturity: "Вклад закрывается",
  consent_expiry: "Истекает согласие банка",
};

/** The projected balance over the 30 days: a step each event day, the lowest point marked. */
export const TimelineChart = memo(function TimelineChart({ timeline, format, title = "Баланс на 30 дней вперёд" }: { timeline: Timeline; format: Format; title?: string }) {
  // One point per day that has events (the balance after the day's last event), starting today.
  const byDay = new Map<string, number>([[timeline.start, Number(timeline.opening_balance)]]);
  for (const event of timeline.events) byDay.set(event.date, Number(event.projected_balance));
  if (!byDay.has(timeline.end)) byDay.set(timeline.end, Number(timeline.closing_balance));
  const data = [...byDay].map(([date, balance]) => ({ date, balance }));
  const lowest = Number(timeline.lowest_balance);
  const lowestDay = data.find((d) => d.balance === lowest)?.date ?? timeline.start;
  const markers: Marker[] = [{ x: lowestDay, y: lowest, label: "минимум", color: lowest < 0 ? COLORS.danger : COLORS.spending }];
  const summary =
    `Сейчас ${format.money(timeline.opening_balance)}; самый низкий остаток — ${format.money(timeline.lowest_balance)} ` +
    `${format.day(lowestDay)}; ${format.day(timeline.end)} — ${format.money(timeline.closing_balance)}. ` +
    `Событий: ${timeline.events.length}.`;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      rows={timeline.events}
      rowKey={(e, i) => `${e.date}-${i}`}
      columns={[
        { label: "Дата", value: (e) => format.day(e.date) },
        { label: "Событие", value: (e) => `${EVENT_KIND[e.kind]}: ${asName(e.label)}` },
        { label: "Сумма", value: (e) => (e.amount === null || e.amount === undefined ? "—" : format.signed(e.amount)), numeric: true },
        { label: "Остаток после", value: (e) => format.money(e.projected_balance), numeric: true },
      ]}
      testId="timeline-chart"
    >
      <LinesChart data={data} x="date" series={[{ key: "balance", label: "Остаток", color: COLORS.accent }]} xFormat={format.dayShort} step markers={markers} dots />
    </ChartFrame>
  );
});

/** The events themselves, in order, with the balance after each. */
export const TimelineList = memo(function TimelineList({ events, format, lowest }: { events: readonly TimelineEvent[]; format: Format; lowest?: string }) {
  return (
    <ol className="events" data-testid="timeline-list">
      {events.map((event, i) => {
        const isLowest = lowest !== undefined && event.projected_balance === lowest;
        return (
          <li key={`${event.date}-${i}`} className={`event event--${event.kind}${isLowest ? " event--lowest" : ""}`} data-testid="timeline-event" data-kind={event.kind}>
            <span className="event__date" data-testid="event-date">
              {format.day(event.date)}
            </span>
            <span className="event__what">
              <span className="event__kind">{EVENT_KIND[event.kind]}</span>
              <span className="event__label" data-testid="event-label">
                {asName(event.label)}
                {event.estimated && <span className="muted"> · примерно</span>}
              </span>
            </span>
            <span className="event__money">
              {event.amount !== null && event.amount !== undefined && (
                <span className={`amount ${Number(event.amount) >= 0 ? "amount--in" : "amount--out"}`} data-testid="event-amount">
                  {format.signed(event.amount)}
                </span>
              )}
              <span className="muted event__after">
                остаток {format.money(event.projected_balance)}
                {isLowest && <strong className="event__low"> · минимум</strong>}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
});
