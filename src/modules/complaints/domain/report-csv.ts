// A dashboard report as CSV (RFC 4180) for the reader's Excel: the rows shown, then the total.
import { csvFile, type CsvDialect } from '../../../platform/csv.js';
import type { Locale, Text } from '../../../platform/i18n.js';
import type { Dimension, Metrics, Report } from './dashboard.js';
import { estimateText } from './times.js';

const dimensionLabel: Record<Dimension, Text> = {
  unit: { id: 'Perangkat daerah', en: 'Unit' },
  category: { id: 'Kategori', en: 'Category' },
  district: { id: 'Kecamatan', en: 'District' },
  month: { id: 'Bulan', en: 'Month' },
  region: { id: 'Daerah', en: 'Region' },
};

const columns: [keyof Metrics, Text][] = [
  ['received', { id: 'Diterima', en: 'Received' }],
  ['responded', { id: 'Ditanggapi', en: 'Responded' }],
  ['respondedInTime', { id: 'Ditanggapi tepat waktu', en: 'Responded in time' }],
  ['responseCompliancePct', { id: 'Kepatuhan tanggapan (%)', en: 'Response compliance (%)' }],
  ['resolved', { id: 'Selesai', en: 'Resolved' }],
  ['resolvedInTime', { id: 'Selesai tepat waktu', en: 'Resolved in time' }],
  ['resolutionCompliancePct', { id: 'Kepatuhan penyelesaian (%)', en: 'Resolution compliance (%)' }],
  ['responseTimeMedian', { id: 'Median waktu tanggapan (perkiraan)', en: 'Median response time (estimate)' }],
  ['responseTimeP90', { id: 'Persentil 90 waktu tanggapan (perkiraan)', en: '90th percentile response time (estimate)' }],
  ['resolutionTimeMedian', { id: 'Median waktu penyelesaian (perkiraan)', en: 'Median resolution time (estimate)' }],
  ['resolutionTimeP90', { id: 'Persentil 90 waktu penyelesaian (perkiraan)', en: '90th percentile resolution time (estimate)' }],
  ['rejected', { id: 'Ditolak', en: 'Rejected' }],
  ['merged', { id: 'Digabung', en: 'Merged' }],
  ['transferred', { id: 'Dialihkan', en: 'Transferred' }],
  ['backlog', { id: 'Belum selesai', en: 'Backlog' }],
  ['overdue', { id: 'Lewat batas waktu', en: 'Overdue' }],
];

const totalLabel: Text = { id: 'Jumlah', en: 'Total' };

/**
 * Medians and P90 are known to their histogram bucket (times.ts quantile): written
 * as on screen, "< 5 menit", "1–2 jam", and the headers say they are estimates.
 */
export function reportCsv(report: Report, locale: Locale, dialect: CsvDialect): string {
  const cell = (v: Metrics[keyof Metrics]) => (v !== null && typeof v === 'object' ? estimateText(v)[locale] : v);
  const line = (label: string, m: Metrics) => [label, ...columns.map(([field]) => cell(m[field]))];
  return csvFile(
    [dimensionLabel[report.by][locale], ...columns.map(([, label]) => label[locale])],
    [...report.rows.map((r) => line(r.label[locale], r)), line(totalLabel[locale], report.totals)],
    dialect,
  );
}
