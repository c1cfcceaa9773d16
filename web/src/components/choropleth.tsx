// A map shaded by a figure (a choropleth) as an inline SVG, no map library:
// areas given as SVG paths (drawn offline from public boundaries), each
// shaded by its class, named with its value on pointing (a <title>) and on
// keyboard focus (every area is a tab stop with its label, read aloud by a
// screen reader; the line under the map repeats it for sighted readers), an
// area without a value hatched in grey, and a legend. The page keeps a table
// of the same figures as the accessible equivalent. A figure that counts
// things (`counts`) is cut into whole-number classes with 0 in the neutral
// grey (nothing to count). Used by the province's page (pimpinan) and the
// Living Lab's kabupaten/kota adoption map; the Living Lab's province map
// shares its colours and its count classes.
import { useState } from 'react';

/** Lightest to darkest: the classes of a figure, low to high. */
export const SHADES = ['#c6e7e2', '#7cc4b8', '#2a9d8f', '#1b6f65'];
/** Nothing to count (the Living Lab's zero) or no figure at all (under the hatching). */
export const NEUTRAL = '#e4e8ec';

/** The figure's range cut into (at most) four equal classes, low to high; one class when every value is the same. */
export function equalClasses(values: number[], count = SHADES.length): { from: number; to: number }[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [{ from: min, to: max }];
  return Array.from({ length: count }, (_, i) => ({ from: min + ((max - min) * i) / count, to: min + ((max - min) * (i + 1)) / count }));
}

/** Whole counts: up to four classes of whole numbers from 1 to the largest; 0 has none (it is drawn in NEUTRAL). */
export function countClasses(max: number): { from: number; to: number }[] {
  const bins: { from: number; to: number }[] = [];
  let previous = 0;
  for (let k = 1; k <= SHADES.length && previous < max; k++) {
    const to = Math.ceil((max * k) / SHADES.length);
    if (to > previous) bins.push({ from: previous + 1, to });
    previous = to;
  }
  return bins;
}

/** The class a value falls in (the top one holds its upper bound). */
export function classOf(value: number, classes: { from: number; to: number }[]): number {
  const i = classes.findIndex((c) => value <= c.to);
  return i < 0 ? classes.length - 1 : i;
}

/** A count's colour (classes from countClasses): NEUTRAL for 0; fewer classes than shades take the darker ones, so a lone 1 stands out from 0. */
export function countShade(value: number, classes: { from: number; to: number }[]): string {
  return value === 0 ? NEUTRAL : SHADES[SHADES.length - classes.length + classOf(value, classes)];
}

export interface ShadedArea { code: string; d: string; value: number | null; label: string }

export function Choropleth({ id, viewBox, areas, label, legend, format, noValue, hint, counts = false }: {
  id: string;
  viewBox: string;
  areas: ShadedArea[];
  /** What the map shows, for a screen reader (the group's name). */
  label: string;
  /** The legend's name. */
  legend: string;
  /** A legend bound as text. */
  format: (n: number) => string;
  /** The legend's word for an area without a value. */
  noValue: string;
  /** The line under the map before anything is pointed at. */
  hint: string;
  /** Whole counts: 0 in the neutral grey, the rest in whole-number classes (countClasses). */
  counts?: boolean;
}) {
  const [active, setActive] = useState<string | null>(null);
  const values = areas.flatMap((a) => (a.value === null ? [] : [a.value]));
  const classes = counts ? countClasses(Math.max(0, ...values)) : equalClasses(values);
  const hatch = `${id}-none`;
  const fill = (v: number | null) => (v === null ? `url(#${hatch})` : counts ? countShade(v, classes) : SHADES[classOf(v, classes)]);
  const shown = areas.find((a) => a.code === active);
  const swatch = (colour: string) => (
    <span className="swatch"><svg viewBox="0 0 8 8" aria-hidden="true"><rect width="8" height="8" fill={colour} /></svg></span>
  );
  return (
    <div className="choropleth">
      <svg className="choropleth-map" viewBox={viewBox} role="group" aria-label={label}>
        <defs>
          <pattern id={hatch} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill={NEUTRAL} />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#c4ccd4" strokeWidth="1.5" />
          </pattern>
        </defs>
        {areas.map((a) => (
          <path key={a.code} d={a.d} fill={fill(a.value)} data-code={a.code} data-value={a.value ?? ''}
            tabIndex={0} role="img" aria-label={a.label} className={a.code === active ? 'active' : undefined}
            onMouseEnter={() => setActive(a.code)} onFocus={() => setActive(a.code)} onMouseLeave={() => setActive(null)} onBlur={() => setActive(null)}>
            <title>{a.label}</title>
          </path>
        ))}
      </svg>
      <p className="small choropleth-focus" aria-hidden="true">{shown ? shown.label : hint}</p>
      <ul className="choropleth-legend small" aria-label={legend}>
        {counts && <li>{swatch(NEUTRAL)}{format(0)}</li>}
        {classes.map((c) => <li key={c.from}>{swatch(fill(c.to))}{c.from === c.to ? format(c.from) : `${format(c.from)}–${format(c.to)}`}</li>)}
        {areas.some((a) => a.value === null) && (
          <li>{swatch(`url(#${hatch})`)}{noValue}</li>
        )}
      </ul>
    </div>
  );
}
