// The demo services' forms, workflows, result templates and tariffs (demo.ts
// publishes them): a same-day certificate of low income, an environmental
// recommendation with a field survey, a reklame permit with a fee per m²
// paid before the permit is issued. Checked against the domain's rules by
// the demo test (catalogue.test.ts publishes nothing invalid).
import { defaultDefinition, type Definition } from './domain/definition.js';
import type { FormField } from './domain/form.js';

const w = (id: string, en: string) => ({ id, en });

const applicant: FormField[] = [
  { key: 'nik', label: w('NIK pemohon', 'Applicant\'s NIK'), help: w('16 angka pada KTP-el.', 'The 16 digits on the ID card.'), required: true, type: 'nik' },
  { key: 'nama', label: w('Nama lengkap', 'Full name'), required: true, type: 'text', maxLength: 100 },
  { key: 'alamat', label: w('Alamat', 'Address'), required: true, type: 'address' },
];
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

const sktmResult = {
  title: 'SURAT KETERANGAN TIDAK MAMPU',
  paragraphs: [
    'Nomor: {{nomor}}',
    'Camat Sumedang Selatan menerangkan bahwa {{nama}}, NIK {{nik}}, beralamat di\n{{alamat}}\nadalah benar warga dari keluarga tidak mampu.',
    'Surat keterangan ini diberikan untuk keperluan {{keperluan}} {{keperluan_lain}} dan berlaku tiga bulan sejak tanggal {{tanggal}}.',
  ],
  signer: 'Camat Sumedang Selatan',
};

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
    { key: 'periksa', name: w('Pemeriksaan kelengkapan', 'Completeness check'), kind: 'check', actor: { role: 'layanan_counter', unitId: null }, days: 1 },
    { key: 'substansi', name: w('Pemeriksaan substansi oleh tim teknis', 'Technical review'), kind: 'review', actor: { role: 'layanan_officer', unitId: null }, days: 3 },
    { key: 'survei', name: w('Verifikasi lapangan', 'Field survey'), kind: 'review', actor: { role: 'layanan_officer', unitId: null }, days: 3 },
    { key: 'keputusan', name: w('Keputusan Kepala Dinas', 'Head\'s decision'), kind: 'decision', actor: { role: 'unit_head', unitId: null }, days: 2 },
    { key: 'terbit', name: w('Penerbitan rekomendasi', 'Issuing'), kind: 'issue', actor: { role: 'layanan_counter', unitId: null }, days: 1 },
  ] },
  result: {
    title: 'REKOMENDASI UKL-UPL',
    paragraphs: [
      'Nomor: {{nomor}}',
      'Berdasarkan pemeriksaan dokumen dan verifikasi lapangan, Dinas Lingkungan Hidup memberikan rekomendasi UKL-UPL kepada {{nama}} untuk kegiatan {{nama_usaha}} (NIB {{nib}}) seluas {{luas_lahan}} m² di\n{{lokasi}}.',
      'Rekomendasi ini menjadi dasar penerbitan Persetujuan Lingkungan. Ditetapkan pada tanggal {{tanggal}}.',
    ],
    signer: 'Kepala Dinas Lingkungan Hidup',
  },
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
    { key: 'periksa', name: w('Pemeriksaan berkas', 'Document check'), kind: 'check', actor: { role: 'layanan_counter', unitId: null }, days: 1 },
    { key: 'tinjau', name: w('Peninjauan lokasi dan konstruksi', 'Site and construction review'), kind: 'review', actor: { role: 'layanan_officer', unitId: null }, days: 2 },
    { key: 'keputusan', name: w('Keputusan Kepala Dinas', 'Head\'s decision'), kind: 'decision', actor: { role: 'unit_head', unitId: null }, days: 1 },
    { key: 'terbit', name: w('Penerbitan izin setelah pembayaran', 'Issuing once paid'), kind: 'issue', actor: { role: 'layanan_counter', unitId: null }, days: 1 },
  ] },
  result: {
    title: 'IZIN PENYELENGGARAAN REKLAME',
    paragraphs: [
      'Nomor: {{nomor}}',
      'Diberikan izin kepada {{nama}} (NIK {{nik}}) untuk menyelenggarakan reklame jenis {{jenis}} seluas {{luas}} m² di\n{{lokasi}}\nmulai {{mulai}}, sesuai gambar desain yang dilampirkan.',
      'Ditetapkan di Sumedang pada tanggal {{tanggal}}.',
    ],
    signer: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  },
  tariff: { kind: 'per_unit', field: 'luas', rate: '150000', minimum: 100_000, payBeforeIssue: true },
};
