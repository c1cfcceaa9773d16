// Small SVG charts: labelled horizontal bars, and lines over months. Drawn at
// the width they are given (phones included), with a <title> and, unless the
// same numbers are in a table on the page already, a table for screen readers.
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../i18n/index.js';

/** The width of the chart's box, kept up to date as the layout changes. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Rough width of one character of chart text (12 px system font). */
const CHAR_PX = 7;
const shorten = (text: string, chars: number) => (text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1)).trimEnd()}…`);

/** The numbers behind a chart, for screen readers. */
function ChartData({ title, columns, rows }: { title: string; columns: string[]; rows: string[][] }) {
  const { t } = useI18n();
  // Hidden by its box: a table itself ignores the width and overflow that hide it.
  return (
    <div className="visually-hidden">
      <table>
        <caption>{t('chart.data', { title })}</caption>
        <thead><tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
        <tbody>{rows.map((r, n) => <tr key={n}>{r.map((v, i) => (i === 0 ? <th key={i} scope="row">{v}</th> : <td key={i}>{v}</td>))}</tr>)}</tbody>
      </table>
    </div>
  );
}

export interface Bar {
  key: string;
  label: string;
  value: number | null;
  /** The value in words when the number alone cannot say it (a time known only to its bucket: "1–2 jam"). */
  text?: string;
}

const BAR_ROW = 40;

/**
 * One labelled bar per row, the value at the right. `max` fixes the scale
 * (100 for percentages); `dataTable` false when a table on the page already
 * holds these numbers.
 */
export function BarChart({ title, bars, format, max, dataTable = true, valueLabel }: {
  title: string; bars: Bar[]; format: (v: number) => string; max?: number; dataTable?: boolean; valueLabel: string;
}) {
  const [box, width] = useWidth();
  const caption = useId();
  const top = max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  const shown = (b: Bar) => b.text ?? (b.value === null ? '–' : format(b.value));
  return (
    <figure className="chart">
      <figcaption id={caption}>{title}</figcaption>
      <div ref={box} className="chart-box">
        {width > 0 && (
          <svg width={width} height={bars.length * BAR_ROW} role="img" aria-labelledby={caption}>
            <title>{title}</title>
            {bars.map((b, i) => {
              const y = i * BAR_ROW;
              const value = shown(b);
              const room = Math.floor((width - (value.length + 2) * CHAR_PX) / CHAR_PX);
              return (
                <g key={b.key}>
                  <title>{`${b.label}: ${value}`}</title>
                  <text x={0} y={y + 13}>{shorten(b.label, room)}</text>
                  <text x={width} y={y + 13} textAnchor="end" className="chart-value">{value}</text>
                  <rect className="bar-track" x={0} y={y + 18} width={width} height={14} rx={3} />
                  {b.value !== null && b.value > 0 && (
                    <rect className="bar" x={0} y={y + 18} width={Math.max(2, Math.min(1, b.value / top) * width)} height={14} rx={3} />
                  )}
                </g>
              );
            })}
          </svg>
        )}
      </div>
      {dataTable && <ChartData title={title} columns={['', valueLabel]} rows={bars.map((b) => [b.label, shown(b)])} />}
    </figure>
  );
}

export interface Series {
  name: string;
  /** CSS class giving the line its colour: line-1, line-2. */
  className: string;
  /** One per label; null where nothing was measured (the line breaks there). */
  values: (number | null)[];
}

/** The runs of measured points, each drawn as its own line. */
const runs = (values: (number | null)[]) => values.reduce<[number, number][][]>((out, v, i) => {
  if (v === null) return out;
  if (i > 0 && values[i - 1] !== null) out[out.length - 1].push([i, v]);
  else out.push([[i, v]]);
  return out;
}, []);

/** The smallest of 2, 4, 10, 20, 40, 100… at or above v: an even top with a whole half-way line. */
function niceTop(v: number): number {
  for (let scale = 1; ; scale *= 10) for (const step of [2, 4, 10]) if (step * scale >= v) return step * scale;
}

const PAD = { left: 40, right: 10, top: 10, bottom: 26 };
const LINE_HEIGHT = 200;

/** One line per series over the same points (months), with a legend. */
export function LineChart({ title, labels, series, format }: { title: string; labels: string[]; series: Series[]; format: (v: number) => string }) {
  const [box, width] = useWidth();
  const caption = useId();
  const top = niceTop(Math.max(1, ...series.flatMap((s) => s.values.filter((v) => v !== null))));
  const plotW = Math.max(1, width - PAD.left - PAD.right);
  const plotH = LINE_HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length === 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  // Every n-th month is labelled, so labels never run into each other.
  const longest = Math.max(...labels.map((l) => l.length));
  const every = Math.max(1, Math.ceil(((longest + 1) * CHAR_PX * labels.length) / plotW));
  return (
    <figure className="chart">
      <figcaption id={caption}>{title}</figcaption>
      <div ref={box} className="chart-box">
        {width > 0 && (
          <svg width={width} height={LINE_HEIGHT} role="img" aria-labelledby={caption}>
            <title>{title}</title>
            {[0, top / 2, top].map((v) => (
              <g key={v}>
                <line className="grid" x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} />
                <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="axis">{format(v)}</text>
              </g>
            ))}
            {labels.map((l, i) => i % every === 0 && (
              <text key={i} x={x(i)} y={LINE_HEIGHT - 8} textAnchor="middle" className="axis">{l}</text>
            ))}
            {series.map((s) => (
              <g key={s.name} className={s.className}>
                {runs(s.values).map((run) => <polyline key={run[0][0]} points={run.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')} />)}
                {s.values.map((v, i) => v !== null && (
                  <circle key={i} cx={x(i)} cy={y(v)} r={3.5}><title>{`${labels[i]}, ${s.name}: ${format(v)}`}</title></circle>
                ))}
              </g>
            ))}
          </svg>
        )}
      </div>
      <ul className="plain legend" aria-hidden="true">
        {series.map((s) => <li key={s.name}><span className={`swatch ${s.className}`} />{s.name}</li>)}
      </ul>
      <ChartData title={title} columns={['', ...series.map((s) => s.name)]} rows={labels.map((l, i) => [l, ...series.map((s) => { const v = s.values[i]; return v === null ? '—' : format(v); })])} />
    </figure>
  );
}
