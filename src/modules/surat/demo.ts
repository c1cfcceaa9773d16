// The correspondence module's demo in Sumedang: Diskominfo's records clerk,
// its head (leader and signer), two staff, a verifier, the region's records
// manager; incoming letters from the last weeks, distributed to the head,
// with a disposition tree (routed further, one done with its report, one past
// its deadline), one restricted letter, a small retention schedule, and
// record files (seedSuratRecordsDemo).
// Outgoing letters in every state, made by the module's own use cases (so
// their numbers come from the counters and their PDFs are rendered and
// signed): a draft, one waiting for initials, one returned with notes, one
// waiting for the head's signature, one signed and numbered, one sent to
// DPMPTSP, one sent to the province (it arrives in the register of the
// province's Sekretariat Daerah, whose records clerk is a demo account), one
// signed on paper with its scan, and an internal memo to Dishub (signed on
// paper, sent).
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../platform/db/client.js';
import type { AppContext } from '../../platform/context.js';
import { loadConfig } from '../../platform/config.js';
import type { DemoPlace } from '../../platform/modules/contract.js';
import { createUser, grantRole, loadActor } from '../../platform/auth/service.js';
import { stageDeadlines, stageEscalations, units, users } from '../../platform/schema.js';
import { addDuration } from '../../platform/calendar/calendar.js';
import { regionCalendar } from '../../platform/calendar/region.js';
import { startStages } from '../../platform/deadlines/deadlines.js';
import type { Role } from '../../platform/auth/policy.js';
import { a4Pdf } from '../../platform/fonts.js';
import { suratAttachments, suratDispositionNotes, suratDispositions, suratFiles, suratLetterPeople, suratLetters, suratNumberCounters, suratRetention } from './schema.js';
import { coveringRule, periodsOf } from './domain/retention.js';
import { LADDERS, STAGE } from './domain/disposition.js';
import type { SecurityClass, Urgency } from './domain/letter.js';
import { createDraft, review, submit, type DraftInput } from './service/outgoing.js';
import { addPaperScan, signLetter } from './service/signing.js';
import { sendLetter } from './service/sending.js';

const UNIT = 'DISKOMINFO';
export const DEMO_SURAT_ACCOUNTS: { email: string; name: string; roles: Role[]; unit: string | null }[] = [
  { email: 'tu.kominfo@sumedang.demo', name: 'Euis Tata Usaha Diskominfo', roles: ['surat_clerk'], unit: UNIT },
  { email: 'kadis.kominfo@sumedang.demo', name: 'Kepala Dinas Kominfo Sumedang', roles: ['surat_leader', 'surat_signer'], unit: UNIT },
  { email: 'kabid.aptika@sumedang.demo', name: 'Ujang Kabid Aptika', roles: ['surat_staff', 'surat_verifier'], unit: UNIT },
  { email: 'staf.aptika@sumedang.demo', name: 'Nenden Staf Aptika', roles: ['surat_staff'], unit: UNIT },
  { email: 'arsip@sumedang.demo', name: 'Iwan Pengelola Arsip', roles: ['surat_records_manager'], unit: null },
];

/** The province's unit that receives letters from its kabupaten/kota (the first with a records clerk), and that clerk. */
export const DEMO_PROVINCE_SURAT = {
  unit: { code: 'SETDA', name: 'Sekretariat Daerah Provinsi Jawa Barat' },
  clerk: { email: 'tu.setda@jabarprov.demo', name: 'Rosita Tata Usaha Setda Jawa Barat' },
};

interface DemoLetter { daysAgo: number; number: string; sender: string; subject: string; code: string; security?: SecurityClass; urgency?: Urgency }
const LETTERS: DemoLetter[] = [
  { daysAgo: 20, number: '400.14.1.2/4512/Diskominfo', sender: 'Dinas Komunikasi dan Informatika Provinsi Jawa Barat', subject: 'Undangan rapat koordinasi satu data Jawa Barat', code: '000.1.1' },
  { daysAgo: 12, number: 'B-1021/KOMINFO/DJAI/AI.01.01/11/2026', sender: 'Kementerian Komunikasi dan Digital', subject: 'Permintaan data aplikasi untuk evaluasi SPBE 2026', code: '000.5.1', urgency: 'segera' },
  { daysAgo: 6, number: '800.1.11.1/778/BKPSDM', sender: 'Badan Kepegawaian dan Pengembangan SDM', subject: 'Penilaian kinerja pegawai triwulan IV', code: '800.1.11.1', security: 'terbatas' },
  { daysAgo: 2, number: '500.5.7/1234/DPMPTSP', sender: 'Dinas Penanaman Modal dan PTSP', subject: 'Permohonan dukungan integrasi layanan perizinan', code: '500.5.7.15' },
];

/** A small retention schedule (JRA) of the kind a region's Perbup sets; the region replaces it with its own. */
const RETENTION: { code: string; active: number; inactive: number; fate: 'musnah' | 'dinilai_kembali' | 'permanen'; note: string }[] = [
  { code: '000', active: 2, inactive: 3, fate: 'musnah', note: 'Umum: surat-menyurat biasa' },
  { code: '000.5', active: 2, inactive: 5, fate: 'dinilai_kembali', note: 'Statistik dan data' },
  { code: '800', active: 2, inactive: 8, fate: 'musnah', note: 'Kepegawaian' },
  { code: '900', active: 3, inactive: 7, fate: 'permanen', note: 'Keuangan: anggaran' },
];

export async function seedSuratDemo(tx: Queryable, place: DemoPlace): Promise<void> {
  const region = place.region;
  const unitId = place.unit(UNIT);
  const [hash] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = 'admin@sumedang.demo'`);
  const people = new Map<string, { id: string; name: string }>();
  for (const a of DEMO_SURAT_ACCOUNTS) {
    const id = await createUser(tx, { email: a.email, name: a.name, passwordHash: hash?.passwordHash ?? undefined });
    for (const role of a.roles) await grantRole(tx, region, id, role, a.unit ? place.unit(a.unit) : null);
    people.set(a.email, { id, name: a.name });
  }
  const clerk = people.get('tu.kominfo@sumedang.demo')!;
  const head = people.get('kadis.kominfo@sumedang.demo')!;
  const kabid = people.get('kabid.aptika@sumedang.demo')!;
  const staf = people.get('staf.aptika@sumedang.demo')!;
  const now = place.now;
  const cal = await regionCalendar(tx, region, new Date(now.getTime() - 40 * 86_400_000), now);
  const year = Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4));

  const ids: string[] = [];
  for (const [i, l] of LETTERS.entries()) {
    const at = new Date(now.getTime() - l.daysAgo * 86_400_000);
    const [row] = await tx.insert(suratLetters).values({
      regionCode: region, direction: 'incoming', unitId, agendaYear: year, agendaNumber: i + 1, number: l.number, letterDate: new Date(at.getTime() - 86_400_000).toISOString().slice(0, 10),
      receivedAt: at, senderName: l.sender, subject: l.subject, classificationCode: l.code, security: l.security ?? 'biasa', urgency: l.urgency ?? 'biasa',
      status: i === LETTERS.length - 1 ? 'registered' : 'distributed', createdAt: at, createdBy: clerk.id, createdByLabel: clerk.name, updatedAt: at,
    }).returning({ id: suratLetters.id });
    ids.push(row.id);
    const on: { userId: string; reason: 'registrar' | 'leader'; readAt: Date }[] = [{ userId: clerk.id, reason: 'registrar', readAt: at }];
    if (i < LETTERS.length - 1) on.push({ userId: head.id, reason: 'leader', readAt: new Date(at.getTime() + 3_600_000) });
    await tx.insert(suratLetterPeople).values(on.map((p) => ({ regionCode: region, letterId: row.id, userId: p.userId, reason: p.reason, addedAt: at, readAt: p.readAt })));
  }
  await tx.insert(suratNumberCounters).values({ regionCode: region, series: `agenda:${unitId}`, year, last: LETTERS.length });

  // The ministry's data request: the head to the Aptika head (3 working days, passed), who routed it to staff (done, reported).
  const asked = new Date(now.getTime() - 11 * 86_400_000);
  const due = addDuration(asked, 3, 'working_days', cal);
  const [toKabid] = await tx.insert(suratDispositions).values({
    regionCode: region, letterId: ids[1], fromUserId: head.id, fromLabel: head.name, toUserId: kabid.id, toLabel: kabid.name, toUnitId: unitId,
    instruction: 'Siapkan data aplikasi dan laporkan sebelum batas.', priority: 'segera', dueAmount: 3, dueUnit: 'working_days', dueAt: due, status: 'in_progress',
    createdAt: asked, readAt: new Date(asked.getTime() + 7_200_000),
  }).returning({ id: suratDispositions.id });
  const [toStaf] = await tx.insert(suratDispositions).values({
    regionCode: region, letterId: ids[1], parentId: toKabid.id, fromUserId: kabid.id, fromLabel: kabid.name, toUserId: staf.id, toLabel: staf.name, toUnitId: unitId,
    instruction: 'Kumpulkan daftar aplikasi dari inventaris Living Lab.', priority: 'segera', status: 'done',
    createdAt: new Date(asked.getTime() + 10_800_000), readAt: new Date(asked.getTime() + 14_400_000), doneAt: new Date(asked.getTime() + 86_400_000), report: 'Daftar 14 aplikasi terlampir di folder bersama.',
  }).returning({ id: suratDispositions.id });
  await tx.insert(suratDispositionNotes).values({ regionCode: region, dispositionId: toStaf.id, kind: 'report', body: 'Daftar 14 aplikasi terlampir di folder bersama.', authorUserId: staf.id, authorLabel: staf.name, at: new Date(asked.getTime() + 86_400_000) });
  await startStages(tx, { regionCode: region, module: 'surat', recordType: 'disposition', recordId: toKabid.id }, [{ stage: STAGE.working_days, unit: 'working_days', dueAt: due, targetAt: null }]);
  // Its reminder and its escalation were taken in the demo's past, as the sweep takes them (telling nobody, like the showcase's past).
  const key = { regionCode: region, module: 'surat', recordType: 'disposition', recordId: toKabid.id, stage: STAGE.working_days };
  const ladder = LADDERS[STAGE.working_days];
  await tx.insert(stageEscalations).values(ladder.map((rung, i) => ({ ...key, round: 0, step: i + 1, rung, at: new Date(due.getTime() + rung.afterHours * 3_600_000) })));
  await tx.update(stageDeadlines).set({ escalationStep: ladder.length, nextCheckAt: null }).where(and(eq(stageDeadlines.regionCode, region), eq(stageDeadlines.module, 'surat'), eq(stageDeadlines.recordId, toKabid.id)));
  // The coordination meeting: done long ago.
  await tx.insert(suratDispositions).values({
    regionCode: region, letterId: ids[0], fromUserId: head.id, fromLabel: head.name, toUserId: kabid.id, toLabel: kabid.name, toUnitId: unitId,
    instruction: 'Hadiri dan laporkan hasilnya.', priority: 'biasa', status: 'done', createdAt: new Date(now.getTime() - 19 * 86_400_000),
    readAt: new Date(now.getTime() - 19 * 86_400_000), doneAt: new Date(now.getTime() - 15 * 86_400_000), report: 'Sudah hadir; notula rapat disimpan di berkas.',
  });
  await tx.insert(suratLetterPeople).values([
    { regionCode: region, letterId: ids[1], userId: kabid.id, reason: 'disposition', addedAt: asked, readAt: asked },
    { regionCode: region, letterId: ids[1], userId: staf.id, reason: 'disposition', addedAt: asked, readAt: asked },
    { regionCode: region, letterId: ids[0], userId: kabid.id, reason: 'disposition', addedAt: asked, readAt: asked },
  ]);
  await tx.insert(suratRetention).values(RETENTION.map((r) => ({ regionCode: region, classificationCode: r.code, activeYears: r.active, inactiveYears: r.inactive, fate: r.fate, note: r.note, updatedAt: now })));
  await seedSuratRecordsDemo(tx, place, { clerk, manager: people.get('arsip@sumedang.demo')!, spbeRequest: ids[1] });

  const [provinceUnit] = await tx.insert(units).values({ regionCode: place.province, ...DEMO_PROVINCE_SURAT.unit }).returning({ id: units.id });
  const provinceClerk = await createUser(tx, { ...DEMO_PROVINCE_SURAT.clerk, passwordHash: hash?.passwordHash ?? undefined });
  await grantRole(tx, place.province, provinceClerk, 'surat_clerk', provinceUnit.id);
  await seedOutgoing(tx, place, { clerk: clerk.id, head: head.id, kabid: kabid.id, staf: staf.id });
}

/**
 * The module's use cases run inside the demo's transaction (their own
 * transactions become savepoints), at a moment of the demo's past. They read
 * only the database handle, the clock and the public address of the config.
 */
function demoContext(tx: Queryable, at: Date): AppContext {
  return {
    database: { kind: 'postgres', db: tx, rows: (query) => queryRows(tx, query), ping: async () => true, close: async () => undefined },
    config: loadConfig(), clock: { now: () => at },
  };
}

type OutgoingState = 'draft' | 'verifying' | 'returned' | 'to_sign' | 'signed' | 'sent';
interface DemoOutgoing {
  state: OutgoingState; daysAgo: number; drafter: 'staf' | 'kabid'; direction?: 'outgoing' | 'memo'; documentTypeCode: string; classificationCode: string;
  security?: SecurityClass; urgency?: Urgency; subject: string; addressee: string; content: string; attachments?: string;
  recipients: ({ role: 'to' | 'cc'; unit: string } | { role: 'to' | 'cc'; region: 'province' } | { role: 'to' | 'cc'; email: string; name: string })[];
  verifiers: ('kabid')[]; returnNote?: string;
  /** Signed on paper (electronic otherwise); `scan`: with the scan of the wet-signed paper. */
  paper?: 'scan' | 'no_scan';
}

/** Diskominfo's outgoing letters, one per state; the drafter is staff or the Aptika head, the head signs, the Aptika head initials. */
const OUTGOING: DemoOutgoing[] = [
  { state: 'draft', daysAgo: 1, drafter: 'staf', documentTypeCode: 'surat-undangan', classificationCode: '000.1.1', subject: 'Undangan sosialisasi portal Satu Data Sumedang',
    addressee: 'Kepala Dinas Pendidikan Kabupaten Sumedang', content: 'Dalam rangka penerapan Satu Data Indonesia di Kabupaten Sumedang, kami mengundang Bapak/Ibu atau pejabat yang ditunjuk untuk hadir pada sosialisasi portal Satu Data Sumedang.',
    recipients: [{ role: 'to', unit: 'DISDIK' }], verifiers: ['kabid'] },
  { state: 'verifying', daysAgo: 2, drafter: 'staf', documentTypeCode: 'surat-pengantar', classificationCode: '000.5.1', urgency: 'segera', subject: 'Penyampaian data aplikasi untuk evaluasi SPBE 2026',
    addressee: 'Direktur Jenderal Aplikasi Informatika, Kementerian Komunikasi dan Digital', attachments: '1 (satu) berkas',
    content: 'Menindaklanjuti surat Saudara tentang permintaan data aplikasi untuk evaluasi SPBE 2026, bersama ini kami sampaikan daftar 14 aplikasi Pemerintah Kabupaten Sumedang beserta pemilik proses bisnisnya.',
    recipients: [{ role: 'to', email: 'aptika@komdigi.example', name: 'Direktur Jenderal Aplikasi Informatika' }, { role: 'cc', region: 'province' }], verifiers: ['kabid'] },
  { state: 'returned', daysAgo: 3, drafter: 'staf', documentTypeCode: 'surat-undangan', classificationCode: '000.1.1', subject: 'Undangan pelatihan keamanan informasi bagi operator perangkat daerah',
    addressee: 'Kepala Dinas Perhubungan Kabupaten Sumedang', content: 'Kami mengundang operator sistem elektronik di lingkungan Saudara untuk mengikuti pelatihan keamanan informasi.',
    recipients: [{ role: 'to', unit: 'DISHUB' }, { role: 'to', unit: 'DISDIK' }], verifiers: ['kabid'], returnNote: 'Lengkapi hari, tanggal, waktu dan tempat pelatihan, serta lampiran daftar peserta per perangkat daerah.' },
  { state: 'to_sign', daysAgo: 4, drafter: 'staf', documentTypeCode: 'rekomendasi', classificationCode: '000.5.1', subject: 'Rekomendasi teknis pengadaan aplikasi antrean Dinas Kesehatan',
    addressee: 'Kepala Dinas Kesehatan Kabupaten Sumedang', content: 'Berdasarkan kajian kebutuhan yang Saudara sampaikan, kami merekomendasikan penggunaan aplikasi antrean yang sudah tersedia di katalog Living Lab daripada membangun aplikasi baru.',
    recipients: [{ role: 'to', unit: 'DINKES' }, { role: 'cc', email: 'bappeda@sumedangkab.example', name: 'Kepala Bappeda Kabupaten Sumedang' }], verifiers: ['kabid'] },
  { state: 'signed', daysAgo: 5, drafter: 'kabid', documentTypeCode: 'surat-undangan', classificationCode: '000.1.1', subject: 'Undangan rapat evaluasi layanan jaringan intra pemerintah',
    addressee: 'Kepala Dinas Perhubungan Kabupaten Sumedang', content: 'Kami mengundang Bapak/Ibu untuk menghadiri rapat evaluasi layanan jaringan intra pemerintah pada hari Kamis pekan depan pukul 09.00 WIB di Ruang Rapat Diskominfo.',
    recipients: [{ role: 'to', unit: 'DISHUB' }], verifiers: [] },
  { state: 'sent', daysAgo: 8, drafter: 'staf', documentTypeCode: 'surat-pengantar', classificationCode: '000.5.1', subject: 'Tanggapan permohonan dukungan integrasi layanan perizinan',
    addressee: 'Kepala Dinas Penanaman Modal dan PTSP Kabupaten Sumedang', content: 'Menanggapi permohonan Saudara, Diskominfo siap mendukung integrasi layanan perizinan dengan sistem OSS melalui layanan interoperabilitas data daerah. Tim teknis kami akan menghubungi Saudara untuk penjadwalan.',
    recipients: [{ role: 'to', unit: 'DPMPTSP' }], verifiers: ['kabid'] },
  { state: 'sent', daysAgo: 9, drafter: 'kabid', documentTypeCode: 'laporan', classificationCode: '000.5.1', subject: 'Laporan pelaksanaan penilaian mandiri SPBE Kabupaten Sumedang 2026',
    addressee: 'Gubernur Jawa Barat u.p. Kepala Dinas Komunikasi dan Informatika Provinsi Jawa Barat', attachments: '1 (satu) berkas',
    content: 'Bersama ini kami laporkan bahwa penilaian mandiri SPBE Kabupaten Sumedang tahun 2026 telah selesai dilaksanakan dan hasilnya telah diunggah sesuai jadwal.',
    recipients: [{ role: 'to', region: 'province' }, { role: 'cc', unit: 'DPMPTSP' }], verifiers: [] },
  { state: 'signed', paper: 'scan', daysAgo: 10, drafter: 'staf', documentTypeCode: 'surat-undangan', classificationCode: '000.1.1', subject: 'Undangan rapat persiapan Hari Jadi Sumedang bidang publikasi',
    addressee: 'Kepala Dinas Pendidikan Kabupaten Sumedang', content: 'Kami mengundang Bapak/Ibu untuk membahas publikasi rangkaian acara Hari Jadi Sumedang.',
    recipients: [{ role: 'to', unit: 'DISDIK' }], verifiers: ['kabid'] },
  { state: 'sent', daysAgo: 6, drafter: 'kabid', direction: 'memo', documentTypeCode: 'nota-dinas', classificationCode: '000.1.1', urgency: 'segera', subject: 'Permintaan data titik kamera pengawas untuk ruang kendali',
    addressee: 'Kepala Dinas Perhubungan', content: 'Untuk integrasi ruang kendali (command center), mohon disampaikan daftar titik kamera pengawas lalu lintas beserta alamat aliran videonya paling lambat akhir pekan ini.',
    recipients: [{ role: 'to', unit: 'DISHUB' }], verifiers: [], paper: 'no_scan' },
];

async function seedOutgoing(tx: Queryable, place: DemoPlace, ids: { clerk: string; head: string; kabid: string; staf: string }) {
  const region = place.region;
  const actor = async (userId: string) => (await loadActor(tx, userId))!;
  // One after another: they share the demo's transaction, which runs one query at a time.
  const [clerk, head, kabid, staf] = [await actor(ids.clerk), await actor(ids.head), await actor(ids.kabid), await actor(ids.staf)];
  const unitId = place.unit(UNIT);
  // What the use cases write besides the letters (audit rows, in-app notices, emails) is dropped at the end:
  // a demo's simulated past leaves none, as every module's demo (the tests of the audit log and the outbox count on it).
  const [mark] = await queryRows<{ audit: number; notices: number; mail: number }>(tx, sql`select
    (select coalesce(max(id), 0) from audit_log)::bigint as audit, (select coalesce(max(id), 0) from notifications)::bigint as notices,
    (select coalesce(max(id), 0) from outbox)::bigint as mail`);
  // Oldest first, so that numbers follow the order of signing.
  for (const l of [...OUTGOING].sort((a, b) => b.daysAgo - a.daysAgo)) {
    let at = new Date(place.now.getTime() - l.daysAgo * 86_400_000);
    const step = () => demoContext(tx, (at = new Date(at.getTime() + 3_600_000)));
    const input: DraftInput = {
      direction: l.direction ?? 'outgoing', unitId, documentTypeCode: l.documentTypeCode, classificationCode: l.classificationCode, security: l.security ?? 'biasa', urgency: l.urgency ?? 'biasa',
      subject: l.subject, body: { addressee: l.addressee, place: 'Sumedang', attachments: l.attachments ?? '', content: l.content },
      recipients: l.recipients.map((r) => ('unit' in r ? { role: r.role, kind: 'unit' as const, unitId: place.unit(r.unit) }
        : 'region' in r ? { role: r.role, kind: 'region' as const, regionCode: place.province } : { role: r.role, kind: 'email' as const, email: r.email, name: r.name })),
      signerUserId: ids.head, signerPosition: 'Kepala Dinas Komunikasi dan Informatika', verifierUserIds: l.verifiers.map(() => ids.kabid),
    };
    const drafter = l.drafter === 'staf' ? staf : kabid;
    const { id } = await createDraft(step(), region, drafter, input);
    if (l.state === 'draft') continue;
    await submit(step(), region, drafter, id);
    if (l.state === 'verifying') continue;
    if (l.verifiers.length) await review(step(), region, kabid, id, l.returnNote ? 'return' : 'approve', l.returnNote);
    if (l.state === 'returned' || l.state === 'to_sign') continue;
    await signLetter(step(), region, head, id, l.paper ? 'paper' : 'electronic');
    if (l.paper === 'scan') {
      // Stands in for the scan of the wet-signed paper: the letter's own PDF.
      const [row] = await tx.select({ pdf: suratLetters.pdf }).from(suratLetters).where(and(eq(suratLetters.regionCode, region), eq(suratLetters.id, id)));
      await addPaperScan(step(), region, clerk, id, { fileName: 'pindaian-bertanda-tangan-basah.pdf', data: row.pdf!, contentType: 'application/pdf' });
    }
    if (l.state === 'sent') await sendLetter(step(), region, clerk, id);
  }
  const regions = sql`(${region}, ${place.province})`;
  await tx.execute(sql`delete from audit_log where region_code in ${regions} and id > ${mark.audit}`);
  await tx.execute(sql`delete from notifications where region_code in ${regions} and id > ${mark.notices}`);
  await tx.execute(sql`delete from outbox where region_code in ${regions} and id > ${mark.mail}`);
}

// ---------------------------------------------------------------------------
// Filing and retention (the records screens): an open file holding the
// ministry's data request; a file closed years ago whose inactive period has
// ended (fate musnah: due for destruction), with two old letters and their
// scans; a staffing file whose active period has ended (due for transfer).

/** Letters' numbers and dates take the year the file was opened; closed the next January. */
interface OldFile { title: string; code: string; yearsAgo: number; closedMonthDay: string; letters: { number: string; sender: string; subject: string; code: string; monthDay: string }[] }
const OLD_FILES: OldFile[] = [
  {
    title: 'Undangan dan rapat koordinasi', code: '000.1', yearsAgo: 7, closedMonthDay: '01-10', letters: [
      { number: '005/112/Setda', sender: 'Sekretariat Daerah Kabupaten Sumedang', subject: 'Undangan rapat koordinasi pelaksanaan e-government', code: '000.1.1', monthDay: '03-04' },
      { number: '005/870/Setda', sender: 'Sekretariat Daerah Kabupaten Sumedang', subject: 'Undangan rapat evaluasi jaringan intra pemerintah', code: '000.1.1', monthDay: '09-16' },
    ],
  },
  {
    title: 'Data kepegawaian', code: '800', yearsAgo: 4, closedMonthDay: '01-15', letters: [
      { number: '800/301/BKPSDM', sender: 'Badan Kepegawaian dan Pengembangan SDM', subject: 'Rekapitulasi data pegawai Diskominfo', code: '800.1.11.1', monthDay: '05-22' },
    ],
  },
];

/** A one-page scan of an old letter, so a destroyed file visibly loses real files. */
async function demoScan(subject: string): Promise<Buffer> {
  const { doc, done } = a4Pdf({ Title: subject, Author: 'Pamong demo' }, 56);
  doc.font('regular').fontSize(12).text(`Pindaian naskah (data demo): ${subject}`);
  doc.end();
  return done;
}

async function seedSuratRecordsDemo(tx: Queryable, place: DemoPlace, who: { clerk: { id: string; name: string }; manager: { id: string; name: string }; spbeRequest: string }) {
  const region = place.region;
  const unitId = place.unit(UNIT);
  const now = place.now;
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const by = { createdAt: now, createdBy: who.manager.id, createdByLabel: who.manager.name };
  const [open] = await tx.insert(suratFiles).values({
    regionCode: region, unitId, classificationCode: '000.5', title: `Evaluasi SPBE ${year}`, description: 'Permintaan dan penyampaian data evaluasi SPBE.',
    status: 'open', openedOn: `${year}-01-02`, ...by,
  }).returning({ id: suratFiles.id });
  await tx.update(suratLetters).set({ fileId: open.id, filedAt: now }).where(and(eq(suratLetters.regionCode, region), eq(suratLetters.id, who.spbeRequest)));
  for (const f of OLD_FILES) {
    const rule = coveringRule(RETENTION.map((r) => ({ classificationCode: r.code, activeYears: r.active, inactiveYears: r.inactive, fate: r.fate })), f.code)!;
    const closedOn = `${year - f.yearsAgo + 1}-${f.closedMonthDay}`;
    const [file] = await tx.insert(suratFiles).values({
      regionCode: region, unitId, classificationCode: f.code, title: `${f.title} ${year - f.yearsAgo}`, status: 'closed', openedOn: `${year - f.yearsAgo}-01-02`, closedOn,
      ...periodsOf(closedOn, rule), ...by,
    }).returning({ id: suratFiles.id });
    for (const [i, l] of f.letters.entries()) {
      const at = new Date(`${year - f.yearsAgo}-${l.monthDay}T02:00:00Z`);
      const [letter] = await tx.insert(suratLetters).values({
        regionCode: region, direction: 'incoming', unitId, agendaYear: year - f.yearsAgo, agendaNumber: i + 1, number: `${l.number}/${year - f.yearsAgo}`, letterDate: `${year - f.yearsAgo}-${l.monthDay}`,
        receivedAt: at, senderName: l.sender, subject: l.subject, classificationCode: l.code, security: 'biasa', urgency: 'biasa', status: 'done',
        fileId: file.id, filedAt: at, createdAt: at, createdBy: who.clerk.id, createdByLabel: who.clerk.name, updatedAt: at,
      }).returning({ id: suratLetters.id });
      const scan = await demoScan(l.subject);
      await tx.insert(suratAttachments).values({
        regionCode: region, letterId: letter.id, fileName: 'pindaian.pdf', contentType: 'application/pdf', size: scan.length, data: scan,
        sha256: createHash('sha256').update(scan).digest('hex'), uploadedAt: at, uploadedBy: who.clerk.id,
      });
      await tx.insert(suratLetterPeople).values({ regionCode: region, letterId: letter.id, userId: who.clerk.id, reason: 'registrar', addedAt: at, readAt: at });
    }
  }
}
