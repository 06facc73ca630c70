import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatMoney, formatMoneyShort } from "../../lib/format";
import type { Series } from "./BarsChart";
import { TOOLTIP_TEXT } from "./palette";

type Datum = Record<string, string | number | null>;

export interface Marker {
  readonly x: string;
  readonly y: number;
  readonly label: string;
  readonly color: string;
}

/**
 * Money over time: one line per series (`step` for balances that change on event days), with
 * markers (the lowest point) and a zero line when the values cross it.
 */
export default function LinesChart({
  data,
  x,
  series,
  xFormat,
  step = false,
  markers = [],
  dots = false,
}: {
  data: readonly Datum[];
  x: string;
  series: readonly Series[];
  xFormat: (value: string) => string;
  step?: boolean;
  markers?: readonly Marker[];
  dots?: boolean;
}) {
  const values = data.flatMap((d) => series.map((s) => Number(d[s.key] ?? 0)));
  const crossesZero = values.some((v) => v < 0);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={[...data]} margin={{ top: 16, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#94a3b833" />
        <XAxis dataKey={x} tickFormatter={xFormat} tick={{ fontSize: 12 }} minTickGap={16} />
        <YAxis tickFormatter={(v: number) => formatMoneyShort(v)} width={64} tick={{ fontSize: 12 }} />
        <Tooltip itemStyle={TOOLTIP_TEXT} formatter={(v: unknown) => formatMoney(Number(v))} labelFormatter={(v: unknown) => xFormat(String(v))} />
        {series.length > 1 && <Legend />}
        {crossesZero && <ReferenceLine y={0} stroke="#dc2626" strokeDasharray="4 4" />}
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            type={step ? "stepAfter" : "monotone"}
            dot={dots ? { r: 3, fill: s.color } : false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
        {markers.map((m) => (
          <ReferenceDot key={`${m.x}-${m.label}`} x={m.x} y={m.y} r={6} fill={m.color} stroke="#fff" label={{ value: m.label, position: "top", fontSize: 12 }} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
