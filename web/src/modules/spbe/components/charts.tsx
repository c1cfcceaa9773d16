// Small SVG charts for SPBE scores: radar, bars and a trend over the years.
// Each is an image with a text title for screen readers, a legend, and the
// same numbers as a table (the accessible and printable fallback).
import { useId, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { formatScore } from './common.js';

interface Axis { code: string; name: string }
interface Series { name: string; values: (number | null)[] }

function Figure({ title, legend, table, children, viewBox }: { title: string; legend: string[]; table: ReactNode; children: ReactNode; viewBox: string }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <figure className="spbe-chart">
      <svg viewBox={viewBox} role="img" aria-labelledby={`${id}-t`} className="spbe-chart-svg">
        <title id={`${id}-t`}>{title}</title>
        {children}
      </svg>
      <figcaption>
        <strong>{title}</strong>
        {legend.length > 1 && (
          <ul className="spbe-legend" aria-hidden="true">
            {legend.map((name, i) => <li key={name}><span className={`spbe-swatch series-${i}`} />{name}</li>)}
          </ul>
        )}
      </figcaption>
      <details className="spbe-chart-table">
        <summary>{t('spbe.chart.asTable')}</summary>
        {table}
      </details>
    </figure>
  );
}

function ValueTable({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <div className="spbe-scroll">
      <table className="spbe-table">
        <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
        <tbody>{rows.map((r, i) => <tr key={i}>{r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}</tr>)}</tbody>
      </table>
    </div>
  );
}

/** Scores of several series on the same axes (domains or aspects), 0 to `max` from the centre. */
export function RadarChart({ title, axes, series, max = 5 }: { title: string; axes: Axis[]; series: Series[]; max?: number }) {
  const { t, locale } = useI18n();
  const R = 110;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / axes.length;
  const at = (i: number, r: number) => [150 + r * Math.cos(angle(i)), 150 + r * Math.sin(angle(i))] as const;
  const ring = (r: number) => axes.map((_, i) => at(i, r).join(',')).join(' ');
  return (
    <Figure
      title={title} legend={series.map((s) => s.name)} viewBox="-20 0 340 300"
      table={<ValueTable head={[t('spbe.chart.axis'), ...series.map((s) => s.name)]} rows={axes.map((a, i) => [`${a.code} ${a.name}`, ...series.map((s) => formatScore(s.values[i], locale))])} />}
    >
      {Array.from({ length: max }, (_, k) => <polygon key={k} points={ring((R * (k + 1)) / max)} className="grid" />)}
      {axes.map((a, i) => {
        const [x, y] = at(i, R);
        const [lx, ly] = at(i, R + 16);
        const anchor = Math.abs(lx - 150) < 4 ? 'middle' : lx > 150 ? 'start' : 'end';
        return (
          <g key={a.code}>
            <line x1={150} y1={150} x2={x} y2={y} className="grid" />
            <text x={lx} y={ly + 4} textAnchor={anchor} className="axis-label">{a.code}</text>
          </g>
        );
      })}
      {/* A series with a missing value is shown as points only: a polygon through the centre would read as zero. */}
      {series.map((s, k) => (s.values.every((v) => v !== null)
        ? <polygon key={s.name} className={`area series-${k}`} points={s.values.map((v, i) => at(i, (R * v!) / max).join(',')).join(' ')} />
        : <g key={s.name} className={`area series-${k}`}>{s.values.map((v, i) => v !== null && <circle key={i} cx={at(i, (R * v) / max)[0]} cy={at(i, (R * v) / max)[1]} r={4} />)}</g>
      ))}
      <text x={156} y={150 - R + 12} className="tick">{max}</text>
    </Figure>
  );
}

/** Horizontal bars, one group per row (e.g. aspects, or regions), with an optional reference line (the national index). */
export function BarChart({ title, rows, series, max = 5, reference }: {
  title: string; rows: { label: string; values: (number | null)[]; highlight?: boolean }[]; series: string[]; max?: number; reference?: { value: number; label: string } | null;
}) {
  const { t, locale } = useI18n();
  const W = 400;
  const bar = 14;
  const rowHeight = 20 + series.length * (bar + 3) + 6;
  const top = reference ? 22 : 4;
  const height = top + rows.length * rowHeight;
  const x = (v: number) => ((W - 44) * v) / max;
  return (
    <Figure
      title={title} legend={series} viewBox={`0 0 ${W} ${height}`}
      table={<ValueTable head={[t('spbe.chart.item'), ...series]} rows={rows.map((r) => [r.label, ...r.values.map((v) => formatScore(v, locale))])} />}
    >
      {rows.map((r, i) => {
        const y = top + i * rowHeight;
        return (
          <g key={`${r.label}-${i}`} className={r.highlight ? 'highlight' : undefined}>
            <text x={0} y={y + 14} className="bar-label">{r.label}</text>
            {r.values.map((v, k) => (
              <g key={k}>
                <rect x={0} y={y + 20 + k * (bar + 3)} width={Math.max(1, x(v ?? 0))} height={bar} className={`bar series-${k}`} />
                <text x={x(v ?? 0) + 4} y={y + 20 + k * (bar + 3) + bar - 3} className="bar-value">{formatScore(v, locale)}</text>
              </g>
            ))}
          </g>
        );
      })}
      {reference && (
        <g className="reference">
          <line x1={x(reference.value)} x2={x(reference.value)} y1={16} y2={height} />
          <text x={x(reference.value)} y={12} textAnchor="middle">{reference.label}</text>
        </g>
      )}
    </Figure>
  );
}

/** A line is not drawn across a framework change. */
function segments<P extends { newFramework?: boolean }>(points: P[]): P[][] {
  const out: P[][] = [];
  for (const p of points) {
    if (out.length === 0 || p.newFramework) out.push([p]);
    else out[out.length - 1].push(p);
  }
  return out;
}

/**
 * Index per year for several series, 0–5, with a dashed vertical line and a
 * label where the framework changed (the values before and after are not
 * directly comparable).
 */
export function TrendChart({ title, series, breaks }: {
  title: string; series: { name: string; points: { year: number; value: number; newFramework?: boolean }[] }[]; breaks: { year: number; label: string }[];
}) {
  const { t, locale } = useI18n();
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  if (years.length === 0) return <p className="muted">{t('spbe.chart.noData')}</p>;
  const W = 420;
  const H = 240;
  const left = 28;
  const right = 12;
  const top = 16 + 14 * Math.min(breaks.length, 3);
  const bottom = 22;
  const first = years[0] - 0.5;
  const last = years[years.length - 1] + 0.5;
  const x = (year: number) => left + ((W - left - right) * (year - first)) / (last - first);
  const y = (v: number) => top + ((H - top - bottom) * (5 - v)) / 5;
  const rows = years.map((year) => [
    String(year),
    ...series.map((s) => formatScore(s.points.find((p) => p.year === year)?.value, locale)),
    breaks.filter((b) => b.year === year).map((b) => b.label).join('; ') || '',
  ]);
  return (
    <Figure title={title} legend={series.map((s) => s.name)} viewBox={`0 0 ${W} ${H}`}
      table={<ValueTable head={[t('spbe.chart.year'), ...series.map((s) => s.name), t('spbe.chart.note')]} rows={rows} />}>
      {[1, 2, 3, 4, 5].map((v) => (
        <g key={v}>
          <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} className="grid" />
          <text x={left - 6} y={y(v) + 4} textAnchor="end" className="tick">{v}</text>
        </g>
      ))}
      {years.map((year) => <text key={year} x={x(year)} y={H - 6} textAnchor="middle" className="tick">{year}</text>)}
      {breaks.map((b, i) => (
        <g key={`${b.year}-${i}`} className="break">
          <line x1={x(b.year - 0.5)} x2={x(b.year - 0.5)} y1={top - 4} y2={H - bottom} />
          <text x={x(b.year - 0.5)} y={12 + 14 * (i % 3)} textAnchor={x(b.year - 0.5) > W / 2 ? 'end' : 'start'} dx={x(b.year - 0.5) > W / 2 ? -3 : 3}>{b.label}</text>
        </g>
      ))}
      {series.map((s, k) => (
        <g key={s.name} className={`line series-${k}`}>
          {segments(s.points).map((seg) => <polyline key={seg[0].year} points={seg.map((p) => `${x(p.year)},${y(p.value)}`).join(' ')} />)}
          {s.points.map((p) => <circle key={p.year} cx={x(p.year)} cy={y(p.value)} r={3.5} />)}
        </g>
      ))}
    </Figure>
  );
}
