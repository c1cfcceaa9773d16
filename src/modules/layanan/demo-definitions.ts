// The demo services' forms, workflows, result templates and tariffs (demo.ts
// publishes them): a same-day certificate of low income, an environmental
// recommendation with a field survey, a reklame permit with a fee per m²
// paid before the permit is issued. Checked against the domain's rules by
// the demo test (catalogue.test.ts publishes nothing invalid).
import { defaultDefinition, type Definition } from './domain/definition.js';
import type { FormField } from './domain/form.js';
import type { Stage } from './domain/workflow.js';
import type { ResultTemplate } from './domain/template.js';

const w = (id: string, en: string) => ({ id, en });

const applicant: FormField[] = [
  { key: 'nik', label: w('NIK pemohon', 'Applicant\'s NIK'), help: w('16 angka pada KTP-el.', 'The 16 digits on the ID card.'), required: true, type: 'nik' },
  { key: 'nama', label: w('Nama lengkap', 'Full name'), required: true, type: 'text', maxLength: 100 },
  { key: 'alamat', label: w('Alamat', 'Address'), required: true, type: 'address' },
];
const stage = (key: string, id: string, en: string, kind: Stage['kind'], role: Stage['actor']['role'], days: number): Stage =>
  ({ key, name: w(id, en), kind, actor: { role, unitId: null }, days });
/** The head of the office decides, in both offices' services. */
// The office's service manager records the head's decision (the demo's platform accounts give DPMPTSP and DLH no unit head of their own).
const headDecision = (days: number) => stage('keputusan', 'Keputusan Kepala Dinas', 'Head\'s decision', 'decision', 'layanan_unit_manager', days);
/** A result letter: its number first, then the body. */
const letter = (title: string, body: string[], signer: string, product?: ResultTemplate['product']) => ({ title, paragraphs: ['Nomor: {{nomor}}', ...body], signer, ...(product ? { product } : {}) });
const doc = (key: string, id: string, en: string, required = true): FormField =>
  ({ key, label: w(id, en), required, type: 'document', accept: ['pdf', 'jpeg', 'png'], maxSizeMb: 5, multiple: false });

const sktmFields: FormField[] = [
  ...applicant,
  { key: 'keperluan', label: w('Keperluan', 'Purpose'), required: true, type: 'choice', multiple: false, options: [
    { value: 'sekolah', label: w('Keringanan biaya sekolah', 'School fee relief') },
    { value: 'berobat', label: w('Keringanan biaya berobat', 'Medical fee relief') },
    { value: 'bansos', label: w('Pengajuan bantuan sosial', 'Social assistance') },
    { value: 'lainnya', label: w('Lainnya', 'Other') },
  ] },
  { key: 'keperluan_lain', label: w('Sebutkan keperluannya', 'State the purpose'), required: true, type: 'text', maxLength: 200, showIf: { field: 'keperluan', in: ['lainnya'] } },
  doc('kk', 'Kartu Keluarga', 'Family card'),
  doc('ktp', 'KTP-el pemohon', 'Applicant\'s ID card'),
  doc('pengantar', 'Surat pengantar RT/RW', 'Neighbourhood letter'),
];

const sktmResult = letter('SURAT KETERANGAN TIDAK MAMPU', [
  'Camat Sumedang Selatan menerangkan bahwa {{nama}}, NIK {{nik}}, beralamat di\n{{alamat}}\nadalah benar warga dari keluarga tidak mampu.',
  'Surat keterangan ini diberikan untuk keperluan {{keperluan}} {{keperluan_lain}} dan berlaku tiga bulan sejak tanggal {{tanggal}}.',
], 'Camat Sumedang Selatan');

/** The certificate: the first version also asked for the village head's letter; the second dropped it. */
export const sktmDefinitions: Definition[] = [
  { ...defaultDefinition(), form: { fields: [...sktmFields, doc('surat_desa', 'Surat keterangan kepala desa/lurah', 'Village head\'s letter')] }, result: sktmResult },
  { ...defaultDefinition(), form: { fields: sktmFields }, result: sktmResult },
];

export const uklUplDefinition: Definition = {
  form: { fields: [
    ...applicant,
    { key: 'nama_usaha', label: w('Nama usaha/kegiatan', 'Business/activity name'), required: true, type: 'text', maxLength: 200 },
    { key: 'nib', label: w('Nomor Induk Berusaha (NIB)', 'Business identification number'), required: true, type: 'text', maxLength: 13 },
    { key: 'luas_lahan', label: w('Luas lahan', 'Site area'), required: true, type: 'number', integer: false, min: 0, max: 1_000_000, unit: 'm²' },
    { key: 'lokasi', label: w('Lokasi kegiatan', 'Site location'), required: true, type: 'address' },
    doc('dokumen_ukl_upl', 'Dokumen UKL-UPL', 'UKL-UPL document'),
    doc('pkkpr', 'PKKPR', 'Spatial-use approval (PKKPR)'),
    { key: 'foto_lokasi', label: w('Foto lokasi', 'Site photos'), required: true, type: 'document', accept: ['jpeg', 'png'], maxSizeMb: 5, multiple: true, maxCount: 5 },
  ] },
  workflow: { stages: [
    stage('periksa', 'Pemeriksaan kelengkapan', 'Completeness check', 'check', 'layanan_counter', 1),
    stage('substansi', 'Pemeriksaan substansi oleh tim teknis', 'Technical review', 'review', 'layanan_officer', 3),
    stage('survei', 'Verifikasi lapangan', 'Field survey', 'review', 'layanan_officer', 3),
    headDecision(2),
    stage('terbit', 'Penerbitan rekomendasi', 'Issuing', 'issue', 'layanan_counter', 1),
  ] },
  result: letter('REKOMENDASI UKL-UPL', [
    'Berdasarkan pemeriksaan dokumen dan verifikasi lapangan, Dinas Lingkungan Hidup memberikan rekomendasi UKL-UPL kepada {{nama}} untuk kegiatan {{nama_usaha}} (NIB {{nib}}) seluas {{luas_lahan}} m² di\n{{lokasi}}.',
    'Rekomendasi ini menjadi dasar penerbitan Persetujuan Lingkungan. Ditetapkan pada tanggal {{tanggal}}.',
  ], 'Kepala Dinas Lingkungan Hidup', 'rekomendasi'),
  tariff: { kind: 'free', payBeforeIssue: false },
};

export const reklameDefinition: Definition = {
  form: { fields: [
    ...applicant,
    { key: 'jenis', label: w('Jenis reklame', 'Kind of advertisement'), required: true, type: 'choice', multiple: false, options: [
      { value: 'papan', label: w('Papan/billboard', 'Board/billboard') }, { value: 'baliho', label: w('Baliho', 'Baliho') }, { value: 'spanduk', label: w('Spanduk', 'Banner') },
    ] },
    { key: 'luas', label: w('Luas bidang reklame', 'Advertisement area'), required: true, type: 'number', integer: false, min: 0.5, max: 500, unit: 'm²' },
    { key: 'lokasi', label: w('Lokasi pemasangan', 'Location'), required: true, type: 'address' },
    { key: 'mulai', label: w('Mulai tayang', 'Display starts'), required: true, type: 'date', notPast: true },
    doc('desain', 'Gambar desain dan konstruksi', 'Design and construction drawing'),
    doc('izin_pemilik', 'Persetujuan pemilik lahan/bangunan', 'Landowner\'s consent'),
  ] },
  workflow: { stages: [
    stage('periksa', 'Pemeriksaan berkas', 'Document check', 'check', 'layanan_counter', 1),
    stage('tinjau', 'Peninjauan lokasi dan konstruksi', 'Site and construction review', 'review', 'layanan_officer', 2),
    headDecision(1),
    stage('terbit', 'Penerbitan izin setelah pembayaran', 'Issuing once paid', 'issue', 'layanan_counter', 1),
  ] },
  result: letter('IZIN PENYELENGGARAAN REKLAME', [
    'Diberikan izin kepada {{nama}} (NIK {{nik}}) untuk menyelenggarakan reklame jenis {{jenis}} seluas {{luas}} m² di\n{{lokasi}}\nmulai {{mulai}}, sesuai gambar desain yang dilampirkan.',
    'Ditetapkan di Sumedang pada tanggal {{tanggal}}.',
  ], 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'izin'),
  tariff: { kind: 'per_unit', field: 'luas', rate: '150000', minimum: 100_000, payBeforeIssue: true },
};
