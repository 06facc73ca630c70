import { lazy } from "react";

export { ChartFrame, type Column } from "./ChartFrame";
export { COLORS } from "./palette";
export type { Series } from "./BarsChart";
export type { Marker } from "./LinesChart";

// The charting library is fetched with the first chart, after the figures are on screen.
export const BarsChart = lazy(() => import("./BarsChart"));
export const LinesChart = lazy(() => import("./LinesChart"));
