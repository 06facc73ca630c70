import { Suspense, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { TableWrap } from "../TableWrap";

/**
 * True once the chart's box is on screen or about to be (and at once where the browser cannot
 * tell). A chart is the costliest thing on a screen to draw; one below the fold is drawn when the
 * person scrolls to it, so the figures above it are on screen and the phone responsive sooner.
 */
function useNearScreen(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const box = ref.current;
    if (near || !box) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setNear(true);
        observer.disconnect();
      }
    }, { rootMargin: "200px 0px" });
    observer.observe(box);
    return () => observer.disconnect();
  }, [near, ref]);
  return near;
}

export interface Column<Row> {
  readonly label: string;
  readonly value: (row: Row) => ReactNode;
  /** Numbers are right-aligned. */
  readonly numeric?: boolean;
}

/**
 * Every chart comes with a title, a sentence that says what it shows (its text alternative, read
 * out instead of the drawing) and the same figures as a table, one click away.
 */
export function ChartFrame<Row>({
  title,
  summary,
  rows,
  columns,
  rowKey,
  children,
  height = 240,
  testId,
  headingLevel = 3,
}: {
  title: string;
  summary: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row, index: number) => string;
  children: ReactNode;
  height?: number;
  testId?: string;
  headingLevel?: 2 | 3;
}) {
  const [table, setTable] = useState(false);
  const plot = useRef<HTMLDivElement>(null);
  const near = useNearScreen(plot);
  const titleId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <figure className="chart" aria-labelledby={titleId} data-testid={testId}>
      <div className="chart__head">
        <Heading id={titleId} className="chart__title">
          {title}
        </Heading>
        <button
          type="button"
          className="button button--ghost button--small"
          aria-pressed={table}
          onClick={() => setTable(!table)}
          data-testid={testId ? `${testId}-toggle` : undefined}
        >
          {table ? "Показать график" : "Показать таблицей"}
        </button>
      </div>
      <p className="chart__summary">{summary}</p>
      {table ? (
        <TableWrap label={`${title}: таблица`}>
          <table className="table" data-testid={testId ? `${testId}-table` : undefined}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.label} scope="col" className={c.numeric ? "num" : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={rowKey(row, i)}>
                  {columns.map((c) => (
                    <td key={c.label} className={c.numeric ? "num" : undefined}>
                      {c.value(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <div className="chart__plot" role="img" aria-label={summary} style={{ height }} ref={plot}>
          <Suspense fallback={<span className="chart__loading" aria-hidden="true" />}>{near ? children : <span className="chart__loading" aria-hidden="true" />}</Suspense>
        </div>
      )}
    </figure>
  );
}
