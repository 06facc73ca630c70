import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyShort } from "../../lib/format";
import { TOOLTIP_TEXT } from "./palette";

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

type Datum = Record<string, string | number>;

/**
 * Bars of money: vertical bars over months (several series side by side), or horizontal bars
 * for named rows (categories, merchants). Loaded with the chart, not with the page.
 */
export default function BarsChart({
  data,
  category,
  series,
  horizontal = false,
}: {
  data: readonly Datum[];
  category: string;
  series: readonly Series[];
  horizontal?: boolean;
}) {
  const money = (v: unknown) => formatMoney(Number(v));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={[...data]} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} stroke="#94a3b833" />
        {horizontal ? (
          <>
            <XAxis type="number" tickFormatter={(v: number) => formatMoneyShort(v)} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey={category} width={120} tick={{ fontSize: 12 }} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey={category} tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v: number) => formatMoneyShort(v)} width={64} tick={{ fontSize: 12 }} />
          </>
        )}
        <Tooltip formatter={money} itemStyle={TOOLTIP_TEXT} />
        {series.length > 1 && <Legend />}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} radius={3} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
