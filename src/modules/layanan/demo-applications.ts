// The demo's applications, in every state: each is filed at a time before
// the demo's "now" and replayed through the journey (domain/journey.ts) at
// given hours, writing what the use cases write: the row, its documents, the
// timeline and the decision clock (platform deadlines). Some wait at a
// stage past its internal target, one is past its decision deadline with no
// decision (fiktif positif, marked as the sweep marks it). The same on every
// seed: registration numbers from a fixed sequence.
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import type { Queryable } from '../../platform/db/client.js';
import type { DemoPlace } from '../../platform/modules/contract.js';
import { regionCalendar } from '../../platform/calendar/region.js';
import { areas, stageDeadlines, stageEscalations, users } from '../../platform/schema.js';
import { newReadableCode } from '../../platform/codes.js';
import type { Definition } from './domain/definition.js';
import type { Answers } from './domain/form.js';
import { computeFee } from './domain/tariff.js';
import { DECISION_STAGE, firstPosition, step, type Action, type Position } from './domain/journey.js';
import { layananApplicationEvents, layananApplicationFiles, layananApplications } from './schema.js';
import { recordStep, startClocks } from './service/applications.js';
import { applicationDeadlineHandler } from './service/deadlines.js';

/** One step of a demo application: the action, hours after filing, who took it, and the reason the citizen reads. */
type Move = [Action, number, string, string?];

interface Plan {
  service: string;
  applicant: string;
  email: string | null;
  /** Days before the demo's now it was filed, at 09:00 local-ish (the demo's now minus whole days). */
  filedDaysAgo: number;
  answers: (place: Place) => Answers;
  moves: Move[];
  /** The decision deadline passed undecided: marked as the sweep marks it. */
  deemedGranted?: boolean;
}

interface Place { district: string; village: string; nik: (birth: string, serial: number) => string }

const purpose = (v: string) => ({ keperluan: v });
const person = (p: Place, nama: string, birth: string, serial: number) => ({ nik: p.nik(birth, serial), nama, alamat: { street: `Jl. Angkrek No. ${serial}`, district: p.district, village: p.village } });

const sktm = 'surat-keterangan-tidak-mampu';
const ukl = 'rekomendasi-ukl-upl';
const reklame = 'izin-reklame';
const LOKET = 'loket.sumsel@sumedang.demo';
const CAMAT = 'camat.sumsel@sumedang.demo';

const plans: Plan[] = [
  // The certificate, finished the same day, over the past weeks.
  ...[40, 33, 26, 19, 12, 6].map((d, i): Plan => ({
    service: sktm, applicant: ['Ujang Suryana', 'Neneng Hasanah', 'Asep Saepudin', 'Euis Komariah', 'Dadang Kurnia', 'Iis Rohaeti'][i], email: null, filedDaysAgo: d,
    answers: (p) => ({ ...person(p, ['Ujang Suryana', 'Neneng Hasanah', 'Asep Saepudin', 'Euis Komariah', 'Dadang Kurnia', 'Iis Rohaeti'][i], `1${i}0${i + 1}8${i}`, 11 + i), ...purpose(['sekolah', 'berobat', 'bansos'][i % 3]) }),
    moves: [['complete', 1, LOKET], ['approve', 3, CAMAT], ['issue', 4, LOKET]],
  })),
  { service: sktm, applicant: 'Siti Warga Sumedang', email: 'warga@sumedang.demo', filedDaysAgo: 0, answers: (p) => ({ ...person(p, 'Siti Warga Sumedang', '520390', 21), ...purpose('sekolah') }), moves: [] },
  {
    service: sktm, applicant: 'Cecep Firmansyah', email: null, filedDaysAgo: 2, answers: (p) => ({ ...person(p, 'Cecep Firmansyah', '150788', 22), ...purpose('berobat') }),
    moves: [['return', 2, LOKET, 'Surat pengantar RT/RW belum ditandatangani ketua RW. Unggah ulang setelah ditandatangani.']],
  },
  {
    service: sktm, applicant: 'Yayat Hidayat', email: null, filedDaysAgo: 9, answers: (p) => ({ ...person(p, 'Yayat Hidayat', '030375', 23), ...purpose('bansos') }),
    moves: [['complete', 2, LOKET]], deemedGranted: true,
  },
  {
    service: sktm, applicant: 'Rudi Hermawan', email: null, filedDaysAgo: 15, answers: (p) => ({ ...person(p, 'Rudi Hermawan', '221180', 24), ...purpose('sekolah') }),
    moves: [['complete', 1, LOKET], ['refuse', 5, CAMAT, 'Menurut data terpadu kesejahteraan sosial, keluarga pemohon tidak termasuk keluarga tidak mampu.']],
  },
  { service: sktm, applicant: 'Nining Suarsih', email: null, filedDaysAgo: 20, answers: (p) => ({ ...person(p, 'Nining Suarsih', '471092', 25), ...purpose('berobat') }), moves: [['withdraw', 3, 'Nining Suarsih']] },
  // The recommendation: one at the field survey, one past the technical review's target.
  {
    service: ukl, applicant: 'CV Tahu Sumedang Jaya', email: null, filedDaysAgo: 5,
    answers: (p) => ({ ...person(p, 'Hendra Gunawan', '120680', 31), nama_usaha: 'Pabrik tahu CV Tahu Sumedang Jaya', nib: '9120301234567', luas_lahan: 850, lokasi: { street: 'Jl. Prabu Gajah Agung 12', district: p.district, village: p.village } }),
    moves: [['complete', 3, 'loket.dlh@sumedang.demo'], ['forward', 40, 'pengolah.dlh@sumedang.demo']],
  },
  {
    service: ukl, applicant: 'PT Ubi Cilembu Makmur', email: null, filedDaysAgo: 7,
    answers: (p) => ({ ...person(p, 'Wawan Setiawan', '090985', 32), nama_usaha: 'Gudang pengolahan ubi Cilembu', nib: '9120307654321', luas_lahan: 2400.5, lokasi: { street: 'Jl. Raya Cilembu 3', district: p.district, village: p.village } }),
    moves: [['complete', 4, 'loket.dlh@sumedang.demo']],
  },
  // The permit with a fee: one approved and waiting for its payment, one in review past its target.
  {
    service: reklame, applicant: 'Toko Kue Sumedang Rasa', email: null, filedDaysAgo: 6,
    answers: (p) => ({ ...person(p, 'Lilis Suryani', '580791', 41), jenis: 'papan', luas: 8, lokasi: { street: 'Jl. Mayor Abdurahman 150', district: p.district, village: p.village }, mulai: '2027-01-04' }),
    moves: [['complete', 2, 'loket.dpmptsp@sumedang.demo'], ['forward', 20, 'pengolah.dpmptsp@sumedang.demo'], ['approve', 28, 'layanan.dpmptsp@sumedang.demo']],
  },
  {
    service: reklame, applicant: 'Bengkel Motor Jaya', email: null, filedDaysAgo: 8,
    answers: (p) => ({ ...person(p, 'Agus Salim', '170377', 42), jenis: 'baliho', luas: 12.5, lokasi: { street: 'Jl. Pangeran Kornel 45', district: p.district, village: p.village }, mulai: '2027-02-01' }),
    moves: [['complete', 3, 'loket.dpmptsp@sumedang.demo']],
  },
];

/** A one-page PDF standing in for a scanned document. */
function samplePdf(title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5', info: { Title: title, CreationDate: new Date(Date.UTC(2026, 0, 1)) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(14).text(`Contoh berkas demo: ${title}`).moveDown().fontSize(10).text('Berkas ini dibuat untuk data demo Pamong.');
    doc.end();
  });
}

/** A published demo service as the applications need it: its latest version's definition and time limit. */
export interface DemoService { id: string; unitId: string; version: number; name: string; definition: Definition; timeLimitDays: number }

export async function seedDemoApplications(tx: Queryable, place: DemoPlace, services: Map<string, DemoService>) {
  const region = place.region;
  const firstChild = async (parent: string) => (await tx.select({ code: areas.code }).from(areas).where(eq(areas.parentCode, parent)).orderBy(asc(areas.code)).limit(1))[0].code;
  const district = await firstChild(region);
  const area = { district, village: await firstChild(district) };
  const where: Place = { ...area, nik: (birth, serial) => `${area.district.replaceAll('.', '')}${birth}${String(serial).padStart(4, '0')}` };
  const cal = await regionCalendar(tx, region, new Date(place.now.getTime() - 60 * 86_400_000), place.now);
  let seed = 1_206_2026;
  const pick = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % n;
  const pdfs = new Map<string, Buffer>();
  const pdf = async (title: string) => pdfs.get(title) ?? pdfs.set(title, await samplePdf(title)).get(title)!;

  for (const plan of plans) {
    const service = services.get(plan.service)!;
    const { definition } = service;
    const filedAt = new Date(place.now.getTime() - plan.filedDaysAgo * 86_400_000 - 2 * 3_600_000);
    const answers = plan.answers(where);
    const fee = computeFee(definition.tariff, answers);
    const stages = definition.workflow.stages;
    let pos: Position = firstPosition(stages);
    // A citizen filing online is a signed-in account: the demo citizen's.
    const applicantUserId = plan.email ? (await tx.select({ id: users.id }).from(users).where(eq(users.email, plan.email)))[0]?.id ?? null : null;
    const [app] = await tx.insert(layananApplications).values({
      regionCode: region, registrationNo: newReadableCode('PLY', pick), serviceId: service.id, version: service.version, unitId: service.unitId,
      channel: plan.email ? 'web' : 'counter', applicantUserId, applicantName: plan.applicant, applicantEmail: plan.email, answers, ...pos, feeAmount: fee > 0 ? fee : null,
      filedAt, updatedAt: filedAt, filedByLabel: plan.email ?? 'loket',
    }).returning({ id: layananApplications.id });
    const documents = definition.form.fields.filter((f) => f.type === 'document' && f.required);
    for (const f of documents) {
      const data = await pdf(f.label.id);
      await tx.insert(layananApplicationFiles).values({
        regionCode: region, applicationId: app.id, fieldKey: f.key, fileName: `${f.key}.pdf`, contentType: 'application/pdf', bytes: data.length,
        sha256: createHash('sha256').update(data).digest('hex'), data, round: 1, uploadedAt: filedAt,
      });
    }
    await tx.insert(layananApplicationEvents).values({ regionCode: region, applicationId: app.id, at: filedAt, kind: 'filed', stage: pos.stage, actorLabel: plan.email ?? 'loket', public: true, message: null });
    const dueAt = await startClocks(tx, region, app.id, service.timeLimitDays, stages, filedAt, cal);
    for (const [action, hours, actorLabel, reason] of plan.moves) {
      const at = new Date(filedAt.getTime() + hours * 3_600_000);
      const moved = step(stages, pos, action, { payBeforeIssue: definition.tariff.payBeforeIssue && fee > 0, paid: false });
      if (!moved) throw new Error(`Demo application of ${plan.applicant}: ${action} is not open at ${JSON.stringify(pos)}`);
      await recordStep(tx, region, app.id, stages, pos, moved, { action, reason: reason ?? null, at, actor: null, actorLabel });
      pos = moved.to;
    }
    if (plan.deemedGranted) {
      // As the sweep leaves it: both rungs of the decision ladder taken, the application marked, its timeline told.
      await tx.update(stageDeadlines).set({ escalationStep: 2, nextCheckAt: null })
        .where(and(eq(stageDeadlines.regionCode, region), eq(stageDeadlines.module, 'layanan'), eq(stageDeadlines.recordId, app.id), eq(stageDeadlines.stage, DECISION_STAGE)));
      await tx.update(layananApplications).set({ fiktifPositifAt: dueAt }).where(and(eq(layananApplications.regionCode, region), eq(layananApplications.id, app.id)));
      await tx.insert(layananApplicationEvents).values({ regionCode: region, applicationId: app.id, at: dueAt, kind: 'deemed_granted', stage: pos.stage, actorLabel: 'sistem', public: true, message: null });
    }
  }
  await settleDemoClocks(tx, region, place.now);
}

/**
 * The demo's clocks as the sweep would have left them at the demo's now, so
 * the worker takes them up like any other: the rungs already due (a stage past
 * its target, a decision reminder) are recorded as taken, at their time,
 * without telling anyone (like the showcase's, the simulated past tells
 * nobody), and the next check is the next rung's time. A demo left running
 * thus reminds before, and marks fiktif positif at, its open applications'
 * decision deadlines. An undecided application past its decision deadline
 * is marked deemed granted, as the sweep would have marked it.
 */
async function settleDemoClocks(tx: Queryable, region: string, now: Date) {
  const open = await tx.select().from(stageDeadlines)
    .where(and(eq(stageDeadlines.regionCode, region), eq(stageDeadlines.module, 'layanan'), isNull(stageDeadlines.metAt), isNull(stageDeadlines.pausedAt)));
  for (const d of open) {
    const ladder = await applicationDeadlineHandler.ladder(tx as never, { regionCode: region, stage: d.stage });
    const times = ladder.map((r) => new Date(d.dueAt.getTime() + r.afterHours * 3_600_000));
    const taken = Math.max(d.escalationStep, times.filter((t) => t <= now).length);
    if (ladder.slice(d.escalationStep, taken).some((r) => r.kind === 'deemed_granted')) {
      // Past its decision deadline undecided (which ones depends on the weekdays before the demo's now): marked as the sweep marks it.
      const marked = await tx.update(layananApplications).set({ fiktifPositifAt: d.dueAt })
        .where(and(eq(layananApplications.regionCode, region), eq(layananApplications.id, d.recordId), isNull(layananApplications.fiktifPositifAt), isNull(layananApplications.decision)))
        .returning({ stage: layananApplications.stage });
      for (const m of marked) {
        await tx.insert(layananApplicationEvents).values({ regionCode: region, applicationId: d.recordId, at: d.dueAt, kind: 'deemed_granted', stage: m.stage, actorLabel: 'sistem', public: true, message: null });
      }
    }
    const key = { regionCode: region, module: d.module, recordType: d.recordType, recordId: d.recordId, stage: d.stage };
    if (taken > 0) {
      await tx.insert(stageEscalations).values(ladder.slice(0, taken).map((rung, i) => ({ ...key, round: d.round, step: i + 1, rung, at: times[i] }))).onConflictDoNothing();
    }
    await tx.update(stageDeadlines).set({ escalationStep: taken, nextCheckAt: times[taken] ?? null })
      .where(and(eq(stageDeadlines.regionCode, region), eq(stageDeadlines.module, d.module), eq(stageDeadlines.recordType, d.recordType),
        eq(stageDeadlines.recordId, d.recordId), eq(stageDeadlines.stage, d.stage)));
  }
}
