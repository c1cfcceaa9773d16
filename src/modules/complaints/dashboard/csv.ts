// A dashboard report as CSV (RFC 4180): the rows shown, then the total.
import { csvTable } from '../../../platform/csv.js';
import type { Locale, Text } from '../../../platform/i18n.js';
import type { Dimension, Metrics, Report } from './domain.js';

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
  ['responseHoursMedian', { id: 'Median waktu tanggapan (jam)', en: 'Median response time (hours)' }],
  ['responseHoursP90', { id: 'Persentil 90 waktu tanggapan (jam)', en: '90th percentile response time (hours)' }],
  ['resolutionHoursMedian', { id: 'Median waktu penyelesaian (jam)', en: 'Median resolution time (hours)' }],
  ['resolutionHoursP90', { id: 'Persentil 90 waktu penyelesaian (jam)', en: '90th percentile resolution time (hours)' }],
  ['rejected', { id: 'Ditolak', en: 'Rejected' }],
  ['merged', { id: 'Digabung', en: 'Merged' }],
  ['transferred', { id: 'Dialihkan', en: 'Transferred' }],
  ['backlog', { id: 'Belum selesai', en: 'Backlog' }],
  ['overdue', { id: 'Lewat batas waktu', en: 'Overdue' }],
];

const totalLabel: Text = { id: 'Jumlah', en: 'Total' };

export function reportCsv(report: Report, locale: Locale): string {
  const line = (label: string, m: Metrics) => [label, ...columns.map(([field]) => m[field])];
  return csvTable(
    [dimensionLabel[report.by][locale], ...columns.map(([, label]) => label[locale])],
    [...report.rows.map((r) => line(r.label[locale], r)), line(totalLabel[locale], report.totals)],
  );
}
