// The satisfaction-survey results (service/skm.ts skmResults) as an Excel
// workbook in the reader's language: the whole, each service and each unit
// with respondents, each element's NRR, the index, its converted value and
// band, the population (and where it came from), the minimum sample and
// whether it was reached; the period and the instrument version that computed
// it on the first sheet. Figures are the JSON results', cell for cell.
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { Locale, Text } from '../../../platform/i18n.js';
import type { PopulationSource, SkmResults } from './skm.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Summary = SkmResults['overall'];

const words = {
  overall: { id: 'Keseluruhan', en: 'Overall' },
  byService: { id: 'Per layanan', en: 'By service' },
  byUnit: { id: 'Per perangkat daerah', en: 'By unit' },
  title: { id: 'Indeks Kepuasan Masyarakat (SKM)', en: 'Public Satisfaction Index (SKM)' },
  period: { id: 'Periode', en: 'Period' },
  from: { id: 'Dari tanggal', en: 'From' },
  until: { id: 'Sampai sebelum tanggal', en: 'Until (exclusive)' },
  instrument: { id: 'Versi instrumen', en: 'Instrument version' },
  regulation: { id: 'Dasar hukum', en: 'Regulation' },
  service: { id: 'Layanan', en: 'Service' },
  unit: { id: 'Perangkat daerah', en: 'Unit' },
  unitCode: { id: 'Kode perangkat daerah', en: 'Unit code' },
  respondents: { id: 'Responden', en: 'Respondents' },
  ikm: { id: 'IKM', en: 'IKM' },
  converted: { id: 'Nilai konversi (IKM × 25)', en: 'Converted index (IKM × 25)' },
  grade: { id: 'Mutu', en: 'Grade' },
  performance: { id: 'Kinerja', en: 'Performance' },
  population: { id: 'Jumlah pengguna layanan', en: 'Service users' },
  populationSource: { id: 'Sumber jumlah pengguna', en: 'Service users from' },
  requiredSample: { id: 'Sampel minimum', en: 'Minimum sample' },
  sufficient: { id: 'Sampel cukup', en: 'Sample sufficient' },
  unanswered: { id: 'Unsur tanpa jawaban', en: 'Elements nobody answered' },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },
} satisfies Record<string, Text>;

export const populationSourceWords: Record<PopulationSource, Text> = {
  entered: { id: 'Diisi petugas', en: 'Entered by staff' },
  applications: { id: 'Permohonan selesai di Pamong', en: 'Applications served in Pamong' },
  mixed: { id: 'Gabungan: diisi petugas dan permohonan', en: 'Both: entered by staff and applications' },
};

const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
const figure = (value: number | null, places: number) => (value === null ? null : { value, type: Number, format: `0.${'0'.repeat(places)}` });

/** The headings of a summary's columns, the elements' NRR by code and name. */
const summaryHeads = (results: SkmResults, l: Locale) => [
  words.respondents[l], ...results.overall.elements.map((e) => `NRR ${e.code} ${e.name}`), words.ikm[l], words.converted[l], words.grade[l], words.performance[l],
  words.population[l], words.populationSource[l], words.requiredSample[l], words.sufficient[l], words.unanswered[l],
];

const summaryCells = (s: Summary, l: Locale) => [
  s.respondents, ...s.elements.map((e) => figure(e.nrr, 4)), figure(s.ikm, 4), figure(s.converted, 2), s.band?.grade ?? null, s.band?.performance ?? null,
  s.population, s.populationSource && populationSourceWords[s.populationSource][l], s.requiredSample,
  s.sufficient === null ? null : (s.sufficient ? words.yes : words.no)[l], s.unanswered.length > 0 && s.respondents > 0 ? s.unanswered.join(', ') : null,
];

/** The workbook: overall (with the period and instrument), per service, per unit. */
export async function skmWorkbook(results: SkmResults, regionCode: string, l: Locale) {
  const heads = summaryHeads(results, l);
  const widths = (first: number[]) => [...first, 12, ...results.overall.elements.map(() => 14), 10, 14, 8, 14, 14, 24, 12, 12, 18].map((width) => ({ width }));
  const overall = [
    [bold(words.title[l])],
    [words.period[l], results.period.key], [words.from[l], results.period.from], [words.until[l], results.period.until],
    [words.instrument[l], results.instrument.version], [words.regulation[l], results.instrument.regulation],
    [],
    ['', ...heads].map(bold),
    [words.overall[l], ...summaryCells(results.overall, l)],
  ] as SheetData;
  const services = [
    [words.service[l], words.unit[l], ...heads].map(bold),
    ...results.services.map((s) => [s.service.name, s.unit.name, ...summaryCells(s, l)]),
  ] as SheetData;
  const units = [
    [words.unitCode[l], words.unit[l], ...heads].map(bold),
    ...results.units.map((u) => [u.unit.code, u.unit.name, ...summaryCells(u, l)]),
  ] as SheetData;
  const data = await writeXlsxFile([
    { sheet: words.overall[l], data: overall, columns: widths([28]) },
    { sheet: words.byService[l], data: services, columns: widths([36, 28]), stickyRowsCount: 1 },
    { sheet: words.byUnit[l], data: units, columns: widths([14, 36]), stickyRowsCount: 1 },
  ]).toBuffer();
  return { fileName: `skm-${regionCode}-${results.period.key}.xlsx`, data };
}
