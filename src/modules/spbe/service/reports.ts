// Exports of one evaluation: levels, evidence lists and scores, as CSV (one
// table each) or as one XLSX workbook with three sheets. Built from the same
// view the API returns, so the numbers cannot differ. Codes (statuses) are
// written in words of the reader's language, dates as the region's local time.
import writeXlsxFile from 'write-excel-file/node';
import type { AppContext } from '../../../platform/context.js';
import { csvDialect, csvFile, localDateTime, zoneSuffix } from '../../../platform/csv.js';
import { timezoneOf } from '../../../platform/regions/areas.js';
import type { AnswerStatus } from '../domain/cycle.js';
import { answerStatusLabel } from '../domain/labels.js';
import type { Locale, Text } from '../../../platform/i18n.js';
import { evaluationDetail } from './queries.js';

export const reportParts = ['levels', 'evidence', 'scores'] as const;
export type ReportPart = (typeof reportParts)[number];
type Cell = string | number | Date | null;
interface Table { title: Text; header: Text[]; rows: Cell[][] }

const h = (id: string, en: string): Text => ({ id, en });

async function tables(ctx: AppContext, regionCode: string, evaluationId: string, locale: Locale): Promise<Record<ReportPart, Table>> {
  const d = await evaluationDetail(ctx, regionCode, evaluationId);
  const zone = zoneSuffix(csvDialect(locale, timezoneOf(regionCode)));
  const t = (x: Text | null | undefined) => (x ? x[locale] : null);
  const unitName = new Map(d.units.map((u) => [u.id, u.name]));
  const aspectName = new Map(d.aspects.map((a) => [a.code, a.name]));
  const domainName = new Map(d.domains.map((x) => [x.code, x.name]));
  const groupRows = (kind: Text, self: typeof d.scores.self.aspects, final: typeof d.scores.final.aspects): Cell[][] =>
    self.map((s, i) => [t(kind), s.code, t(s.name), s.weight, s.value, final[i].value]);
  return {
    levels: {
      title: h('Tingkat', 'Levels'),
      header: [h('No', 'No'), h('Domain', 'Domain'), h('Aspek', 'Aspect'), h('Indikator', 'Indicator'), h('Bobot (%)', 'Weight (%)'), h('Perangkat daerah', 'Unit'),
        h('Status', 'Status'), h('Tingkat mandiri', 'Self-assessed level'), h('Nama tingkat mandiri', 'Self-assessed level name'), h('Penjelasan', 'Explanation'),
        h('Tingkat akhir', 'Final level'), h('Nama tingkat akhir', 'Final level name'), h('Alasan penilaian', 'Assessment reason')],
      rows: d.answers.map((a) => [
        a.indicator.number, t(a.indicator.domain ? domainName.get(a.indicator.domain) : null), t(aspectName.get(a.indicator.aspect)), t(a.indicator.name), a.indicator.weight,
        a.unitId ? unitName.get(a.unitId) ?? null : null, t(answerStatusLabel[a.status as AnswerStatus]), a.selfLevel, t(a.selfLevelName), a.explanation || null, a.finalLevel, t(a.finalLevelName), a.finalReason,
      ]),
    },
    evidence: {
      title: h('Bukti dukung', 'Evidence'),
      header: [h('No', 'No'), h('Indikator', 'Indicator'), h('Jenis', 'Kind'), h('Nama berkas / tautan', 'File name / link'), h('Tipe', 'Type'), h('Ukuran (byte)', 'Size (bytes)'), h(`Diunggah${zone}`, `Uploaded${zone}`)],
      rows: d.answers.flatMap((a) => [
        ...a.evidence.map((e): Cell[] => [a.indicator.number, t(a.indicator.name), locale === 'en' ? 'file' : 'berkas', e.fileName, e.contentType, e.bytes, e.uploadedAt]),
        ...a.links.map((l): Cell[] => [a.indicator.number, t(a.indicator.name), locale === 'en' ? 'link' : 'tautan', `${l.label} <${l.url}>`, null, null, null]),
      ]),
    },
    scores: {
      title: h('Nilai', 'Scores'),
      header: [h('Tingkat', 'Level'), h('Kode', 'Code'), h('Nama', 'Name'), h('Bobot (%)', 'Weight (%)'), h('Nilai mandiri', 'Self-assessed'), h('Nilai akhir', 'Final')],
      rows: [
        [t(h('Indeks', 'Index')), null, t(d.framework.name), 100, d.scores.self.index, d.scores.final.index],
        [t(h('Predikat', 'Predicate')), null, null, null, t(d.scores.self.predicate), t(d.scores.final.predicate)],
        ...groupRows(h('Domain', 'Domain'), d.scores.self.domains, d.scores.final.domains),
        ...groupRows(h('Aspek', 'Aspect'), d.scores.self.aspects, d.scores.final.aspects),
      ],
    },
  };
}

export async function exportCsv(ctx: AppContext, regionCode: string, evaluationId: string, part: ReportPart, locale: Locale): Promise<string> {
  const table = (await tables(ctx, regionCode, evaluationId, locale))[part];
  return csvFile(table.header.map((x) => x[locale]), table.rows, csvDialect(locale, timezoneOf(regionCode)));
}

export async function exportXlsx(ctx: AppContext, regionCode: string, evaluationId: string, locale: Locale): Promise<Buffer> {
  const all = await tables(ctx, regionCode, evaluationId, locale);
  const zone = timezoneOf(regionCode);
  const cell = (c: Cell) => (c instanceof Date ? localDateTime(c, zone) : c);
  return writeXlsxFile(reportParts.map((p) => ({
    sheet: all[p].title[locale],
    data: [all[p].header.map((x) => ({ value: x[locale], fontWeight: 'bold' as const })), ...all[p].rows.map((r) => r.map(cell))],
  }))).toBuffer();
}
