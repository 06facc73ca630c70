import { memo } from "react";
import type { MonthFlow } from "../api/models";
import { BarsChart, COLORS, ChartFrame } from "./charts";
import type { Format } from "./useFormat";

export interface NamedAmount {
  readonly key: string;
  readonly label: string;
  readonly amount: string;
  readonly count: number;
}

/** Spending per category or merchant as horizontal bars, largest first. */
export const AmountsChart = memo(function AmountsChart({ title, rows, format, total, testId }: { title: string; rows: readonly NamedAmount[]; format: Format; total: string; testId: string }) {
  const data = rows.map((r) => ({ name: r.label, amount: Number(r.amount) }));
  const top = rows.slice(0, 3).map((r) => `${r.label} — ${format.money(r.amount)}`).join(", ");
  const summary = rows.length ? `Всего ${format.money(total)}. Больше всего: ${top}.` : "Расходов за этот период нет.";
  if (!rows.length) {
    return (
      <div className="chart" data-testid={testId}>
        <h3 className="chart__title">{title}</h3>
        <p className="chart__summary">{summary}</p>
      </div>
    );
  }
  return (
    <ChartFrame
      title={title}
      summary={summary}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { label: "Статья", value: (r) => r.label },
        { label: "Операций", value: (r) => r.count, numeric: true },
        { label: "Сумма", value: (r) => format.money(r.amount), numeric: true },
      ]}
      height={Math.max(160, rows.length * 32 + 40)}
      testId={testId}
    >
      <BarsChart data={data} category="name" series={[{ key: "amount", label: "Расходы", color: COLORS.spending }]} horizontal />
    </ChartFrame>
  );
});

/** Income and spending per month, side by side. */
export const MonthsChart = memo(function MonthsChart({ months, format, title = "Доходы и расходы по месяцам", testId = "months-chart" }: { months: readonly MonthFlow[]; format: Format; title?: string; testId?: string }) {
  const data = months.map((m) => ({ month: format.month(m.month, "short"), income: Number(m.income), spending: Number(m.spending) }));
  const last = months.at(-1);
  const summary = last
    ? `${months.length} мес. В ${format.month(last.month).toLowerCase()}: доходы ${format.money(last.income)}, расходы ${format.money(last.spending)}.`
    : "Нет операций.";
  return (
    <ChartFrame
      title={title}
      summary={summary}
      rows={months}
      rowKey={(m) => m.month}
      columns={[
        { label: "Месяц", value: (m) => format.month(m.month) },
        { label: "Доходы", value: (m) => format.money(m.income), numeric: true },
        { label: "Расходы", value: (m) => format.money(m.spending), numeric: true },
        { label: "Итог", value: (m) => format.signed(m.net), numeric: true },
      ]}
      testId={testId}
    >
      <BarsChart
        data={data}
        category="month"
        series={[
          { key: "income", label: "Доходы", color: COLORS.income },
          { key: "spending", label: "Расходы", color: COLORS.spending },
        ]}
      />
    </ChartFrame>
  );
});
