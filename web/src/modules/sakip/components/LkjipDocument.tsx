// A performance report (LKjIP) as a document: the same chapters and tables
// as its Word and PDF files (service/lkjipDocuments.ts), shown on the print
// page and the public page. The document is Indonesian, as filed; only the
// app's own words (legends) follow the reader's language.
import { useI18n } from '../../../i18n/index.js';
import { MethodNote } from './budget.js';
import { formatExact } from './common.js';
import type { ReportSnapshot } from './types.js';
import './sakip.css';

type Row = ReportSnapshot['rows'][number];
type Budget = NonNullable<ReportSnapshot['budget']>;
type BudgetRow = Budget['rows'][number];
type SectionKey = 'introduction' | 'planning' | 'accountability' | 'budget' | 'problems' | 'follow_up' | 'closing';
type Section = { key: string; heading: string; text: string };

function TargetCell({ target, measure }: { target: Row['targetThisYear']; measure: string }) {
  const { locale } = useI18n();
  if (!target) return <>–</>;
  return <>{target.type === 'single' ? formatExact(target.value, locale) : `${formatExact(target.low, locale)}–${formatExact(target.high, locale)}`} {measure}</>;
}

function FigureCell({ figure }: { figure: Row['achievement'] }) {
  const { t, locale } = useI18n();
  if (!figure) return <>–</>;
  if ('notComputable' in figure) return <span className="small">{t('sakip.lkjip.notComputable')}</span>;
  return <span className="achievement" title={figure.exact}><span className="band-dot" style={{ background: figure.band.colour }} aria-hidden="true" />{formatExact(figure.percent, locale)} %</span>;
}

function PercentCell({ figure }: { figure: { percent: string; percentExact: string } | null }) {
  const { locale } = useI18n();
  return figure ? <span title={figure.percentExact}>{formatExact(figure.percent, locale)} %</span> : <>–</>;
}

/** The category in the document's words and its colour, the figure in brackets; or why there is none. */
function EfficiencyCell({ efficiency: e }: { efficiency: BudgetRow['efficiency'] }) {
  const { t, locale } = useI18n();
  if (!e) return <>–</>;
  if (!e.computable) return <span className="small">{t(`sakip.efficiency.none.${e.reason}`)}</span>;
  return <span className="achievement" title={e.valueExact} data-category={e.category}><span className="band-dot" style={{ background: e.colour }} aria-hidden="true" />{e.label.id} ({formatExact(e.value, locale)})</span>;
}

function BudgetCells({ row }: { row: Pick<BudgetRow, 'budget'> }) {
  const { locale } = useI18n();
  return <><td className="num">{formatExact(row.budget.ceiling, locale)}</td><td className="num">{formatExact(row.budget.spending, locale)}</td><td className="num"><PercentCell figure={row.budget.absorption} /></td></>;
}

const partWords = { activity: 'Kegiatan', sub_activity: 'Sub-kegiatan' } as const;
const named = (r: { code: string | null; title: string }) => `${r.code ? `${r.code} ` : ''}${r.title}`;

/** Table 3, as in the Word and PDF files: each programme (its unit and the target it serves below its name) with its activities, then the total. */
function BudgetTable({ budget: b, year }: { budget: Budget; year: number }) {
  const { t } = useI18n();
  let n = 0;
  return (
    <>
      <div className="sakip-scroll"><table className="sakip-table lkjip-budget">
        <caption>Tabel 3. Realisasi anggaran dan efisiensi tahun {year}</caption>
        <thead><tr>
          <th scope="col">No</th><th scope="col">Program / kegiatan</th><th scope="col" className="num">Pagu (Rp)</th><th scope="col" className="num">Realisasi (Rp)</th>
          <th scope="col" className="num">Serapan</th><th scope="col" className="num">Capaian sasaran</th><th scope="col">Efisiensi</th>
        </tr></thead>
        <tbody>
          {b.rows.map((r, i) => (r.kind === 'programme' ? (
            <tr key={i} className="lkjip-programme">
              <td>{(n += 1)}</td>
              <td>{named(r)}{r.unit && <span className="lkjip-served">Perangkat daerah: {r.unit}</span>}{r.target && <span className="lkjip-served">Sasaran: {r.target}</span>}</td>
              <BudgetCells row={r} /><td className="num"><PercentCell figure={r.achievement} /></td><td><EfficiencyCell efficiency={r.efficiency} /></td>
            </tr>
          ) : (
            <tr key={i} className={`lkjip-part lkjip-${r.kind}`}>
              <td /><td>{partWords[r.kind]} {named(r)}</td><BudgetCells row={r} /><td /><td />
            </tr>
          )))}
        </tbody>
        <tfoot>
          <tr><td /><th scope="row">Jumlah</th><BudgetCells row={b.total} /><td className="num"><PercentCell figure={b.total.achievement} /></td><td><EfficiencyCell efficiency={b.total.efficiency} /></td></tr>
        </tfoot>
      </table></div>
      <MethodNote method={b.method} />
      <p className="small muted">{t(`sakip.lkjip.budgetBasis.${b.total.basis}`)}</p>
    </>
  );
}

function Text({ text }: { text: string }) {
  const parts = text.split(/\n+/).filter((p) => p.trim() !== '');
  return parts.length === 0 ? <p>–</p> : <>{parts.map((p, i) => <p key={i}>{p}</p>)}</>;
}

export function LkjipDocument({ snapshot: s, sections, draft }: { snapshot: ReportSnapshot; sections: Section[]; draft: boolean }) {
  const { t, locale } = useI18n();
  const text = (key: SectionKey) => sections.find((x) => x.key === key)?.text ?? '';
  // The headings come with the sections from the API (the same as the Word and PDF files).
  const heading = (key: SectionKey) => sections.find((x) => x.key === key)?.heading ?? key;
  const section = (key: SectionKey, level: 2 | 3) => (
    <section key={key} data-section={key}>
      {level === 2 ? <h2>{heading(key)}</h2> : <h3>{heading(key)}</h3>}
      <Text text={text(key)} />
    </section>
  );
  const last = s.year - 1;
  return (
    <article className="sakip-report lkjip-document" lang="id">
      <header className="lkjip-cover">
        <h1>{s.title}</h1>
        <p className="lkjip-subject">{s.subject.toUpperCase()}</p>
        {s.unitName && <p>{s.regionName.toUpperCase()}</p>}
        {draft && <p className="lkjip-draft">(DRAF)</p>}
      </header>
      {section('introduction', 2)}
      {section('planning', 2)}
      <div className="sakip-scroll"><table className="sakip-table">
        <caption>Tabel 1. Perencanaan kinerja {s.plan.title}</caption>
        <thead><tr><th scope="col">No</th><th scope="col">Tujuan / sasaran</th><th scope="col">Indikator kinerja</th><th scope="col" className="num">Target {s.year}</th><th scope="col" className="num">Target {s.plan.endYear}</th></tr></thead>
        <tbody>
          {s.rows.map((r) => (
            <tr key={r.indicatorId}><td>{r.number}</td><td>{r.target}</td><td>{r.indicator}{r.iku && ' (IKU)'}</td><td className="num"><TargetCell target={r.targetThisYear} measure={r.measure} /></td><td className="num"><TargetCell target={r.targetEnd} measure={r.measure} /></td></tr>
          ))}
        </tbody>
      </table></div>
      <h2>BAB III AKUNTABILITAS KINERJA</h2>
      {section('accountability', 3)}
      <div className="sakip-scroll"><table className="sakip-table">
        <caption>Tabel 2. Capaian kinerja tahun {s.year}</caption>
        <thead><tr>
          <th scope="col">No</th><th scope="col">Indikator kinerja</th><th scope="col" className="num">Target {s.year}</th><th scope="col" className="num">Realisasi {s.year}</th><th scope="col" className="num">Capaian</th>
          <th scope="col" className="num">Realisasi {last}</th><th scope="col" className="num">Capaian {last}</th><th scope="col" className="num">Capaian terhadap target {s.plan.endYear}</th>
        </tr></thead>
        <tbody>
          {s.rows.map((r) => (
            <tr key={r.indicatorId}>
              <td>{r.number}</td><td>{r.indicator}</td><td className="num"><TargetCell target={r.targetThisYear} measure={r.measure} /></td>
              <td className="num">{formatExact(r.realisation, locale)}{r.realisation !== null && !r.complete && '*'}</td><td className="num"><FigureCell figure={r.achievement} /></td>
              <td className="num">{formatExact(r.lastYearRealisation, locale)}</td><td className="num"><FigureCell figure={r.lastYearAchievement} /></td><td className="num"><FigureCell figure={r.progressToEnd} /></td>
            </tr>
          ))}
        </tbody>
      </table></div>
      {s.rows.some((r) => r.realisation !== null && !r.complete) && <p className="small">* {t('sakip.lkjip.partial')}</p>}
      {s.summary.average !== null && <p className="small">{t('sakip.lkjip.summary', { met: s.summary.met, n: s.summary.withTarget, average: formatExact(s.summary.average, locale) })}</p>}
      <section data-section="budget">
        <h3>{heading('budget')}</h3>
        {text('budget') && <Text text={text('budget')} />}
        {s.budget === null && <p className="small"><em>{t('sakip.lkjip.noBudget')}</em></p>}
      </section>
      {s.budget && <BudgetTable budget={s.budget} year={s.year} />}
      {section('problems', 3)}
      {section('follow_up', 3)}
      {section('closing', 2)}
    </article>
  );
}
