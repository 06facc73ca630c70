import { useState } from "react";
import type { SpendingGroup } from "../../api/models";
import { useDashboard, useSpending } from "../../api/queries";
import { ErrorView } from "../../ui/ErrorView";
import { AmountsChart, MonthsChart } from "../../ui/SpendingCharts";
import { StaleBanners } from "../../ui/StaleBanners";
import { Skeleton } from "../../ui/States";
import { useFormat } from "../../ui/useFormat";

const GROUPS: ReadonlyArray<readonly [SpendingGroup, string]> = [
  ["category", "По категориям"],
  ["merchant", "По продавцам"],
  ["month", "По месяцам"],
];

function minusDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Spending for any date range (up to two years), grouped by category, merchant or month. */
export function SpendingPage() {
  const dashboard = useDashboard();
  const today = dashboard.data?.today;
  if (dashboard.isPending) return <Skeleton lines={6} label="Загружаем расходы…" />;
  if (dashboard.isError) return <ErrorView error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  return <SpendingReport today={today ?? ""} freshness={dashboard.data.freshness} />;
}

function SpendingReport({ today, freshness }: { today: string; freshness: Parameters<typeof StaleBanners>[0]["freshness"] }) {
  const format = useFormat();
  const [group, setGroup] = useState<SpendingGroup>("category");
  const [from, setFrom] = useState(minusDays(today, 29));
  const [to, setTo] = useState(today);
  const invalid = !from || !to || to < from ? "Дата «по» должна быть не раньше даты «с»." : null;
  const report = useSpending({ group_by: group, from, to }, !invalid);
  const data = report.data?.report;
  return (
    <div className="page" data-testid="spending-page">
      <h1 className="page__title">Расходы</h1>
      <StaleBanners freshness={freshness} />
      <section className="card" aria-label="Период и группировка">
        <div className="filters">
          <div className="field">
            <label htmlFor="spend-group">Группировать</label>
            <select id="spend-group" value={group} onChange={(e) => setGroup(e.target.value as SpendingGroup)} data-testid="spending-group">
              {GROUPS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="spend-from">С</label>
            <input id="spend-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} data-testid="spending-from" />
          </div>
          <div className="field">
            <label htmlFor="spend-to">По</label>
            <input id="spend-to" type="date" value={to} min={from} max={today} onChange={(e) => setTo(e.target.value)} data-testid="spending-to" aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? "spend-error" : undefined} />
          </div>
        </div>
        {invalid && (
          <p id="spend-error" className="field__error" role="alert">
            {invalid}
          </p>
        )}
      </section>
      {report.isError && <ErrorView error={report.error} onRetry={() => void report.refetch()} />}
      {!data && !report.isError && !invalid && <Skeleton lines={6} label="Считаем расходы…" />}
      {data && (
        <section className="card" aria-label="Отчёт" data-testid="spending-report" aria-busy={report.isFetching}>
          <p>
            С {format.day(data.start)} по {format.day(data.end)} потрачено <strong data-testid="spending-total">{format.money(data.total)}</strong>.
          </p>
          {group === "month" ? (
            <MonthsChart months={data.months} format={format} testId="spending-chart" />
          ) : (
            <AmountsChart
              title={group === "category" ? "Расходы по категориям" : "Расходы по продавцам"}
              rows={data.rows}
              total={data.total}
              format={format}
              testId="spending-chart"
            />
          )}
          <p className="muted small">Переводы между своими счетами не считаются ни доходом, ни расходом.</p>
        </section>
      )}
    </div>
  );
}
