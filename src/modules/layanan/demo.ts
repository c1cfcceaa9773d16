// The demo region's service catalogue: three published services with a
// filled standard (a certificate of low income issued the same day by a
// kecamatan, an environmental recommendation with a field survey, a reklame
// permit with a fee), each with its form and workflow (demo-definitions.ts),
// the certificate on its second version, a domicile
// certificate still in draft, and two units' own pledges (the third pledges
// the reference text). Two service managers and the kecamatan's counter
// clerk sign in with the demo password. A year of satisfaction-survey forms
// (the last 365 days: the services ran on paper before the catalogue) for the
// three published services, the certificate in A, the recommendation in C,
// the permit in B, with this year's populations: enough forms for the
// certificate and the permit, too few for the recommendation. Applications
// in every state (demo-applications.ts). Two issued certificates of low
// income signed with a demo certificate, one revoked. A QRIS payment channel
// with a known test secret, and bills in every state.
// Invented demo content in the shape the use cases leave behind; regulations
// are named as such services usually cite them.
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../platform/config.js';
import { systemActor } from '../../platform/auth/policy.js';
import type { Queryable } from '../../platform/db/client.js';
import type { DemoPlace } from '../../platform/modules/contract.js';
import { units, users } from '../../platform/schema.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { AGE_BANDS, EDUCATIONS, GENDERS, OCCUPATIONS, storedAnswers } from './domain/skm.js';
import { defaultDefinition, type Definition } from './domain/definition.js';
import { emptyStandard, type Standard } from './domain/standard.js';
import { reklameDefinition, sktmDefinitions, uklUplDefinition } from './demo-definitions.js';
import { layananBills, layananLetterheads, layananPaymentChannels, layananPaymentEvents, layananPledges, layananServices, layananSigners, layananSkmPopulations, layananSkmResponses, layananStandardVersions } from './schema.js';
import { issueResult, markRevoked } from './service/documents.js';
import { readP12 } from './service/signing/certificate.js';
import { sealP12, sealSecret } from './service/secrets.js';
import { DEMO_CERTIFICATE_LABEL, selfSignedP12 } from './service/signing/self-signed.js';
import { getRegion } from '../../platform/regions/service.js';
import { createBill } from './service/payments/bills.js';
import { localToday } from './service/skm.js';
import { currentSkmInstrument } from './service/skm-instrument.js';
import { seedDemoApplications, type DemoService } from './demo-applications.js';

/** The demo's service managers, the staff acting on each demo service's stages, and a citizen (README's demo accounts). */
export const DEMO_LAYANAN_ACCOUNTS: { email: string; name: string; role: 'layanan_manager' | 'layanan_unit_manager' | 'layanan_counter' | 'layanan_officer' | 'unit_head' | null; unit: string | null }[] = [
  { email: 'layanan@sumedang.demo', name: 'Wulan Pengelola Layanan', role: 'layanan_manager', unit: null },
  { email: 'layanan.dpmptsp@sumedang.demo', name: 'Asep Pengelola Layanan DPMPTSP', role: 'layanan_unit_manager', unit: 'DPMPTSP' },
  { email: 'loket.sumsel@sumedang.demo', name: 'Rina Petugas Loket Kecamatan', role: 'layanan_counter', unit: 'KEC-SUMSEL' },
  { email: 'camat.sumsel@sumedang.demo', name: 'Camat Sumedang Selatan', role: 'unit_head', unit: 'KEC-SUMSEL' },
  { email: 'loket.dpmptsp@sumedang.demo', name: 'Dedi Petugas Loket DPMPTSP', role: 'layanan_counter', unit: 'DPMPTSP' },
  { email: 'pengolah.dpmptsp@sumedang.demo', name: 'Lina Petugas Pengolah DPMPTSP', role: 'layanan_officer', unit: 'DPMPTSP' },
  { email: 'loket.dlh@sumedang.demo', name: 'Tono Petugas Loket DLH', role: 'layanan_counter', unit: 'DLH' },
  { email: 'pengolah.dlh@sumedang.demo', name: 'Yani Petugas Pengolah DLH', role: 'layanan_officer', unit: 'DLH' },
  { email: 'layanan.dlh@sumedang.demo', name: 'Ratna Pengelola Layanan DLH', role: 'layanan_unit_manager', unit: 'DLH' },
  { email: 'warga@sumedang.demo', name: 'Siti Warga Sumedang', role: null, unit: null },
];

/** The kecamatan issuing the certificates (the e-SAKIP demo adds it as a unit; made here when it is not there). */
const KECAMATAN = { code: 'KEC-SUMSEL', name: 'Kecamatan Sumedang Selatan' };

const common = {
  complaints: 'Pengaduan, saran dan masukan disampaikan melalui kanal pengaduan Pamong (menu Lapor di laman ini), SP4N-LAPOR!, kotak saran di ruang pelayanan, atau langsung kepada petugas pengaduan pada jam layanan.',
  facilities: 'Ruang tunggu ber-AC dengan kursi, loket pelayanan, nomor antrean, toilet, akses kursi roda dan ruang laktasi.',
  supervision: 'Pengawasan oleh atasan langsung secara berjenjang dan oleh Inspektorat Daerah Kabupaten Sumedang.',
  serviceGuarantee: 'Pelayanan diberikan sesuai standar pelayanan ini; bila tidak sesuai, pengguna layanan dapat mengadu dan mendapat tanggapan.',
  safetyGuarantee: 'Dokumen pengguna layanan dijaga kerahasiaannya, produk layanan dilengkapi kode verifikasi, dan ruang pelayanan dilengkapi APAR serta jalur evakuasi.',
  performanceEvaluation: 'Evaluasi kinerja pelaksana setiap tiga bulan dan Survei Kepuasan Masyarakat (PermenPANRB 14/2017) setiap tahun.',
};

const sktm: Standard = {
  ...emptyStandard(), ...common,
  requirements: ['Surat pengantar RT/RW', 'Fotokopi KTP-el pemohon', 'Fotokopi Kartu Keluarga', 'Surat pernyataan tidak mampu bermeterai yang diketahui kepala desa/lurah'],
  procedure: '1. Pemohon mengambil nomor antrean dan menyerahkan berkas di loket.\n2. Petugas memeriksa kelengkapan berkas.\n3. Kepala Seksi Kesejahteraan Sosial memverifikasi.\n4. Camat menandatangani surat keterangan.\n5. Surat keterangan diserahkan kepada pemohon.',
  timeLimitDays: 1,
  timeLimitNote: 'Selesai pada hari yang sama bila berkas diterima sebelum pukul 12.00 dan persyaratan lengkap.',
  product: 'Surat Keterangan Tidak Mampu (SKTM) yang ditandatangani Camat.',
  legalBasis: 'UU 25/2009 tentang Pelayanan Publik; PP 17/2018 tentang Kecamatan; Peraturan Bupati Sumedang tentang pelimpahan sebagian kewenangan Bupati kepada Camat.',
  competence: 'Memahami administrasi kependudukan dan kesejahteraan sosial; mampu mengoperasikan komputer; ramah dan komunikatif.',
  staffing: '3 orang: 1 petugas loket, 1 verifikator, 1 pejabat penandatangan.',
};

const uklUpl: Standard = {
  ...emptyStandard(), ...common,
  requirements: ['Surat permohonan bermeterai', 'Dokumen UKL-UPL (formulir isian) yang ditandatangani penanggung jawab usaha', 'Nomor Induk Berusaha (NIB)', 'Persetujuan Kesesuaian Kegiatan Pemanfaatan Ruang (PKKPR)', 'Peta lokasi dan tata letak kegiatan', 'Foto lokasi kegiatan'],
  procedure: '1. Pemohon mengajukan permohonan dan dokumen UKL-UPL.\n2. Petugas memeriksa kelengkapan administrasi.\n3. Tim teknis memeriksa substansi dokumen.\n4. Tim melakukan verifikasi lapangan (survei lokasi) bersama pemohon.\n5. Pemohon memperbaiki dokumen bila diminta.\n6. Kepala Dinas menerbitkan rekomendasi.',
  timeLimitDays: 10,
  timeLimitNote: 'Termasuk verifikasi lapangan; waktu perbaikan dokumen oleh pemohon tidak dihitung.',
  product: 'Rekomendasi UKL-UPL sebagai dasar Persetujuan Lingkungan.',
  legalBasis: 'UU 32/2009 tentang Perlindungan dan Pengelolaan Lingkungan Hidup sebagaimana diubah UU 6/2023; PP 22/2021 tentang Penyelenggaraan Perlindungan dan Pengelolaan Lingkungan Hidup; Permen LHK 4/2021.',
  competence: 'Memahami peraturan lingkungan hidup dan penyusunan UKL-UPL; bersertifikat penyusun dokumen lingkungan atau berpengalaman setara; mampu melakukan verifikasi lapangan.',
  staffing: '5 orang: 1 petugas loket, 3 anggota tim teknis, 1 pejabat penandatangan.',
};

const reklame: Standard = {
  ...emptyStandard(), ...common,
  requirements: ['Formulir permohonan', 'Fotokopi KTP-el pemohon atau akta pendirian badan usaha', 'NPWP', 'Gambar desain, ukuran dan konstruksi reklame', 'Foto dan denah lokasi pemasangan', 'Surat persetujuan pemilik lahan atau bangunan'],
  procedure: '1. Pemohon mengajukan permohonan melalui loket atau daring.\n2. Petugas memeriksa kelengkapan berkas.\n3. Tim teknis meninjau lokasi dan konstruksi.\n4. Pajak reklame dihitung dan ditagihkan.\n5. Setelah pembayaran, izin diterbitkan dan diserahkan.',
  timeLimitDays: 5,
  timeLimitNote: 'Tidak termasuk waktu pembayaran pajak reklame oleh pemohon.',
  fee: 'tariff',
  tariff: 'Pajak reklame menurut Peraturan Daerah Kabupaten Sumedang tentang Pajak Daerah dan Retribusi Daerah: nilai sewa reklame (luas, lokasi, jenis dan lama penayangan) × tarif 25 %. Perizinannya sendiri tidak dipungut biaya.',
  product: 'Izin Penyelenggaraan Reklame dengan nomor dan masa berlaku.',
  legalBasis: 'UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah; Peraturan Daerah Kabupaten Sumedang tentang Pajak Daerah dan Retribusi Daerah; Peraturan Bupati Sumedang tentang penyelenggaraan reklame.',
  competence: 'Memahami peraturan perizinan dan pajak daerah; mampu membaca gambar konstruksi; melayani dengan ramah.',
  staffing: '4 orang: 1 petugas loket, 2 tim teknis, 1 pejabat penandatangan.',
};

const domicile: Standard = {
  ...emptyStandard(),
  requirements: ['Surat pengantar RT/RW', 'Fotokopi KTP-el'],
  procedure: 'Pemohon menyerahkan berkas di loket kecamatan; Camat menandatangani surat keterangan.',
  timeLimitDays: 1,
  product: 'Surat Keterangan Domisili.',
};

const pledges: Record<string, string> = {
  [KECAMATAN.code]: 'Dengan ini kami, Kecamatan Sumedang Selatan, menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan, melayani dengan ramah, cepat dan tanpa pungutan, dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.',
  DPMPTSP: 'Dengan ini kami, Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sumedang, menyatakan sanggup menyelenggarakan pelayanan perizinan sesuai standar pelayanan, transparan dalam biaya dan waktu, dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.',
};

async function unitByCode(tx: Queryable, region: string, code: string, name: string): Promise<string> {
  const [found] = await tx.select({ id: units.id }).from(units).where(and(eq(units.regionCode, region), eq(units.code, code)));
  if (found) return found.id;
  return (await tx.insert(units).values({ regionCode: region, code, name }).returning())[0].id;
}

export async function seedLayananDemo(tx: Queryable, place: DemoPlace): Promise<void> {
  const region = place.region;
  // The demo password's hash, taken from the region admin's account (hashing it again costs every start a second).
  const [hash] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = 'admin@sumedang.demo'`);
  const kecamatan = await unitByCode(tx, region, KECAMATAN.code, KECAMATAN.name);
  const people = new Map<string, string>();
  for (const a of DEMO_LAYANAN_ACCOUNTS) {
    const id = await createUser(tx, { email: a.email, name: a.name, passwordHash: hash?.passwordHash ?? undefined });
    if (a.role) await grantRole(tx, region, id, a.role, a.unit === KECAMATAN.code ? kecamatan : a.unit ? place.unit(a.unit) : null);
    people.set(a.email, id);
  }
  const manager = { id: people.get('layanan@sumedang.demo')!, label: 'layanan@sumedang.demo' };
  const dpmptsp = { id: people.get('layanan.dpmptsp@sumedang.demo')!, label: 'layanan.dpmptsp@sumedang.demo' };
  const day = (d: number) => new Date(place.now.getTime() - d * 86_400_000);

  const services: { unitId: string; slug: string; name: string; summary: string; by: typeof manager; versions: { standard: Standard; definition: Definition; at: Date }[] }[] = [
    {
      unitId: kecamatan, slug: 'surat-keterangan-tidak-mampu', name: 'Surat Keterangan Tidak Mampu (SKTM)', by: manager,
      summary: 'Surat keterangan bagi keluarga tidak mampu untuk keringanan biaya sekolah, berobat atau bantuan sosial; selesai pada hari yang sama.',
      // The first version asked for a letter from the village head as well; the second dropped it.
      versions: [
        { standard: { ...sktm, requirements: [...sktm.requirements, 'Surat keterangan kepala desa/lurah'] }, definition: sktmDefinitions[0], at: day(120) },
        { standard: sktm, definition: sktmDefinitions[1], at: day(30) },
      ],
    },
    {
      unitId: place.unit('DLH'), slug: 'rekomendasi-ukl-upl', name: 'Rekomendasi UKL-UPL', by: manager,
      summary: 'Rekomendasi atas dokumen Upaya Pengelolaan dan Pemantauan Lingkungan Hidup bagi usaha berisiko menengah, dengan verifikasi lapangan.',
      versions: [{ standard: uklUpl, definition: uklUplDefinition, at: day(90) }],
    },
    {
      unitId: place.unit('DPMPTSP'), slug: 'izin-reklame', name: 'Izin Penyelenggaraan Reklame', by: dpmptsp,
      summary: 'Izin memasang papan reklame, billboard, baliho atau spanduk di wilayah Kabupaten Sumedang; dikenai pajak reklame.',
      versions: [{ standard: reklame, definition: reklameDefinition, at: day(60) }],
    },
    {
      unitId: kecamatan, slug: 'surat-keterangan-domisili', name: 'Surat Keterangan Domisili', by: manager,
      summary: 'Surat keterangan tempat tinggal bagi penduduk yang berdomisili di luar alamat KTP-el.',
      versions: [],
    },
  ];
  const ids = new Map<string, { id: string; unitId: string }>();
  const published = new Map<string, DemoService>();
  for (const s of services) {
    const last = s.versions.at(-1);
    const [row] = await tx.insert(layananServices).values({
      regionCode: region, unitId: s.unitId, slug: s.slug, name: s.name, summary: s.summary, status: last ? 'published' : 'draft',
      draft: last?.standard ?? domicile, ...(last?.definition ?? defaultDefinition()), version: s.versions.length, createdAt: s.versions[0]?.at ?? day(7), updatedAt: last?.at ?? day(7),
      updatedBy: s.by.id, updatedByLabel: s.by.label,
    }).returning();
    ids.set(s.slug, { id: row.id, unitId: s.unitId });
    if (last) published.set(s.slug, { id: row.id, unitId: s.unitId, version: s.versions.length, name: s.name, definition: last.definition, timeLimitDays: last.standard.timeLimitDays });
    if (s.versions.length > 0) {
      await tx.insert(layananStandardVersions).values(s.versions.map((v, i) => ({
        regionCode: region, serviceId: row.id, version: i + 1, name: s.name, summary: s.summary, standard: v.standard, ...v.definition, publishedAt: v.at, publishedBy: s.by.id, publishedByLabel: s.by.label,
      })));
    }
  }
  for (const [code, text] of Object.entries(pledges)) {
    const by = code === 'DPMPTSP' ? dpmptsp : manager;
    await tx.insert(layananPledges).values({ regionCode: region, unitId: code === KECAMATAN.code ? kecamatan : place.unit(code), text, updatedAt: day(150), updatedBy: by.id, updatedByLabel: by.label });
  }
  const clerk = { id: people.get('loket.sumsel@sumedang.demo')!, label: 'loket.sumsel@sumedang.demo' };
  await seedSurvey(tx, place, [
    { ...ids.get('surat-keterangan-tidak-mampu')!, by: clerk, forms: 200, answers: [0, 0.02, 0.28, 0.7], population: 240 },
    { ...ids.get('rekomendasi-ukl-upl')!, by: manager, forms: 30, answers: [0.04, 0.3, 0.56, 0.1], population: 180 },
    { ...ids.get('izin-reklame')!, by: dpmptsp, forms: 70, answers: [0.01, 0.12, 0.6, 0.27], population: 60 },
  ]);
  await seedDemoApplications(tx, place, published);
  await seedDocuments(tx, place, ids.get('surat-keterangan-tidak-mampu')!, manager);
  await seedPayments(tx, place, manager, ids.get('izin-reklame')!);
}

/** The certificates of low income issued so far: one in force, one revoked. */
export const DEMO_DOCUMENTS = [
  { holder: 'Ujang Saepudin', daysAgo: 12, revoked: null },
  { holder: 'Euis Komariah', daysAgo: 5, revoked: 'Data penghasilan pemohon tidak sesuai hasil verifikasi lapangan; surat keterangan diterbitkan ulang setelah perbaikan.' },
];

/**
 * The kecamatan's letterhead and camat, the region's demo certificate (self-signed, labelled as a demo: not a
 * certified electronic certificate), and two issued certificates of low income, the second revoked. The QR codes
 * point at this installation's public address.
 */
async function seedDocuments(tx: Queryable, place: DemoPlace, sktm: { id: string; unitId: string }, manager: { id: string; label: string }) {
  const region = place.region;
  await tx.insert(layananLetterheads).values({
    regionCode: region, unitId: sktm.unitId, address: 'Jl. Prabu Geusan Ulun No. 88, Regol Wetan, Sumedang Selatan 45311', phone: '(0261) 201234',
    email: 'kec.sumedangselatan@sumedangkab.go.id', place: 'Sumedang', signerPosition: 'Camat Sumedang Selatan', signerName: 'Drs. Asep Kurniawan, M.Si.',
    updatedAt: place.now, updatedBy: manager.id, updatedByLabel: manager.label,
  });
  const passphrase = randomBytes(18).toString('base64url');
  const p12 = selfSignedP12({
    commonName: 'Pemerintah Kabupaten Sumedang (DEMO)', organization: 'Pemerintah Kabupaten Sumedang', organizationalUnit: DEMO_CERTIFICATE_LABEL,
    notBefore: new Date(place.now.getTime() - 30 * 86_400_000), notAfter: new Date(place.now.getTime() + 2 * 365 * 86_400_000), passphrase,
  });
  await tx.insert(layananSigners).values({
    regionCode: region, provider: 'local', p12: sealP12(region, p12), passphrase: sealSecret('layanan_signers.passphrase', region, passphrase), ...readP12(p12, passphrase), updatedAt: place.now, updatedBy: manager.id, updatedByLabel: manager.label,
  });
  const actor = systemActor(manager.label, region, ['layanan_manager']);
  const env = (at: Date) => ({ clock: { now: () => at }, config: { publicUrl: loadConfig().publicUrl }, simulatedPast: true });
  for (const d of DEMO_DOCUMENTS) {
    const at = new Date(place.now.getTime() - d.daysAgo * 86_400_000);
    const issued = await issueResult(env(at), tx, {
      regionCode: region, actor, serviceId: sktm.id, unitId: sktm.unitId, holder: d.holder, title: 'Surat Keterangan Tidak Mampu',
      paragraphs: [
        'Yang bertanda tangan di bawah ini, Camat Sumedang Selatan, menerangkan dengan sebenarnya bahwa:',
        `Nama: ${d.holder}\nAlamat: Kelurahan Regol Wetan, Kecamatan Sumedang Selatan, Kabupaten Sumedang`,
        'adalah benar penduduk Kecamatan Sumedang Selatan yang tergolong keluarga tidak mampu berdasarkan surat pengantar RT/RW dan hasil verifikasi petugas.',
        'Surat keterangan ini diberikan untuk keperluan keringanan biaya pendidikan dan dipergunakan sebagaimana mestinya.',
      ],
    });
    if (d.revoked) await markRevoked(tx, { regionCode: region, id: issued.id, kind: 'result' }, new Date(at.getTime() + 86_400_000), { userId: manager.id, label: manager.label }, d.revoked);
  }
}

/** The demo's QRIS channel: test merchant values and the callback secret the README gives integrators to try the callback with. */
export const DEMO_QRIS_CHANNEL = {
  merchantName: 'BAPENDA KAB SUMEDANG', merchantCity: 'SUMEDANG', postalCode: '45311', merchantPan: '9360000800000000011', merchantId: 'SMDDEMO01',
  merchantCriteria: 'URE' as const, nmid: 'ID1026000000011', mcc: '9311', secret: 'pamong-demo-qris-secret-2026-sumedang',
};

/**
 * The QRIS channel and four bills: PBB-P2 imported from the tax system,
 * one unpaid, one paid by QRIS five days ago, one from last year past its due
 * date (expired), and an unpaid reklame permit fee.
 */
async function seedPayments(tx: Queryable, place: DemoPlace, by: { id: string; label: string }, reklame: { id: string; unitId: string }) {
  const region = await getRegion(tx, place.region);
  await tx.insert(layananPaymentChannels).values({ regionCode: place.region, provider: 'qris', ...DEMO_QRIS_CHANNEL,
    secret: sealSecret('layanan_payment_channels.secret', place.region, DEMO_QRIS_CHANNEL.secret), active: true, updatedAt: place.now, updatedBy: by.id, updatedByLabel: by.label });
  const today = localToday(place.now, region);
  const dayFrom = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const pbb = (nop: string, payerName: string, amount: number, taxYear: number, dueDate: string) => ({ kind: 'pajak' as const, taxType: 'PBB-P2', taxObjectNumber: nop, taxYear, payerName, amount, dueDate });
  const label = 'impor SISMIOP';
  await createBill(tx, region, place.now, pbb('321101000100100010', 'Budi Santoso', 245_000, year, dayFrom(60)), label);
  const paid = await createBill(tx, region, place.now, pbb('321101000100100020', 'Siti Aminah', 180_500, year, dayFrom(60)), label);
  const paidAt = new Date(place.now.getTime() - 5 * 86_400_000);
  await tx.update(layananBills).set({ status: 'paid', paidAt, paidAmount: paid.amount, paymentReference: 'DEMO-TRX-0001', paymentChannel: 'qris' })
    .where(and(eq(layananBills.regionCode, place.region), eq(layananBills.id, paid.id)));
  await tx.insert(layananPaymentEvents).values({
    regionCode: place.region, source: 'qris', receivedAt: paidAt, billingCode: paid.billingCode, bankReference: 'DEMO-TRX-0001', amount: paid.amount, paidAt, billId: paid.id, outcome: 'credited',
  });
  await createBill(tx, region, place.now, pbb('321101000200300040', 'Dedi Kurniawan', 312_000, year - 1, dayFrom(-20)), label);
  await createBill(tx, region, place.now, { kind: 'retribusi', serviceId: reklame.id, unitId: reklame.unitId, payerName: 'CV Sumber Rejeki', amount: 750_000, dueDate: dayFrom(14) }, by.label);
}

interface SurveyPlan {
  id: string; unitId: string; by: { id: string; label: string };
  /** Forms over the last 365 days, the share of answers 1, 2, 3 and 4, and the people served in a year (this year's so far is its share). */
  forms: number; answers: [number, number, number, number]; population: number;
}

/** A year of paper forms, the same on every seed (a fixed pseudo-random sequence), and this year's populations. */
async function seedSurvey(tx: Queryable, place: DemoPlace, plans: SurveyPlan[]) {
  const instrument = currentSkmInstrument();
  let seed = 20_260_101;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const answer = (shares: SurveyPlan['answers']) => {
    let r = random();
    for (let v = 0; v < 4; v++) if ((r -= shares[v]) < 0) return v + 1;
    return 4;
  };
  const rows = plans.flatMap((p) => Array.from({ length: p.forms }, (_, i) => {
    const served = new Date(place.now.getTime() - Math.floor(((i + random()) / p.forms) * 365) * 86_400_000);
    return {
      regionCode: place.region, serviceId: p.id, unitId: p.unitId, serviceDate: served.toISOString().slice(0, 10), instrumentVersion: instrument.version,
      answers: storedAnswers(instrument, instrument.elements.map(() => answer(p.answers))), gender: pick(GENDERS), ageBand: pick(AGE_BANDS),
      education: pick(EDUCATIONS), occupation: pick(OCCUPATIONS), channel: 'paper', enteredAt: new Date(Math.min(served.getTime() + 6 * 3_600_000, place.now.getTime())), enteredBy: p.by.id, enteredByLabel: p.by.label,
    };
  }));
  await tx.insert(layananSkmResponses).values(rows);
  const year = place.now.getUTCFullYear();
  const elapsed = (place.now.getTime() - Date.UTC(year, 0, 1)) / (365 * 86_400_000);
  await tx.insert(layananSkmPopulations).values(plans.map((p) => ({
    regionCode: place.region, serviceId: p.id, period: String(year), population: Math.round(p.population * elapsed), updatedAt: place.now, updatedBy: p.by.id, updatedByLabel: p.by.label,
  })));
}
