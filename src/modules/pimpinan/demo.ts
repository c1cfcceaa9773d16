// Training records in the demo region (Kabupaten Sumedang): the Digital
// Leadership Academy that ended some weeks ago, completed by the head of
// region and two heads of unit (the PUPR head's certificate kept as a small
// PDF, checked by content like an upload), and the GCIO's technical guidance
// under way this week, with Diskominfo's people and a Dinkes official named
// by hand. Dates follow the demo's clock, in the region's local calendar.
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import type { DemoPlace } from '../../platform/modules/contract.js';
import { localDateOf } from '../../platform/calendar/calendar.js';
import { checkUploads } from '../../platform/files.js';
import { getRegion } from '../../platform/regions/service.js';
import { grants, users } from '../../platform/schema.js';
import type { ParticipantStatus, TrainingKind } from './domain/training.js';
import { pimpinanTrainingParticipants as P, pimpinanTrainings as T } from './schema.js';
import { certificatePolicy } from './service/training.js';

interface DemoParticipant { email?: string; name?: string; nip?: string; unit: string; position: string; certificate?: boolean }
interface DemoProgramme {
  title: string; organiser: string; kind: TrainingKind; hours: number; notes: string;
  /** Days from the demo's local date. */
  start: number; end: number;
  status: ParticipantStatus;
  people: DemoParticipant[];
}

export const DEMO_TRAININGS: DemoProgramme[] = [
  {
    title: 'Digital Leadership Academy (DLA) Pemerintah Daerah',
    organiser: 'Kementerian Komunikasi dan Digital (Komdigi) bersama BPSDM Provinsi Jawa Barat',
    kind: 'digital_leadership', hours: 48, start: -60, end: -56, status: 'completed',
    notes: 'Angkatan kepala daerah dan kepala perangkat daerah. Kepala daerah didaftarkan melalui Diskominfo sebagai unit pengusul.',
    people: [
      { email: 'bupati@sumedang.demo', name: 'Bupati Sumedang', unit: 'DISKOMINFO', position: 'Bupati' },
      { email: 'kepala.pupr@sumedang.demo', unit: 'PUPR', position: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang', certificate: true },
      { email: 'kadis.kominfo@sumedang.demo', unit: 'DISKOMINFO', position: 'Kepala Dinas Komunikasi dan Informatika' },
    ],
  },
  {
    title: 'Bimbingan Teknis Government Chief Information Officer (GCIO)',
    organiser: 'Kementerian Komdigi',
    kind: 'gcio', hours: 32, start: -2, end: 3, status: 'enrolled',
    notes: 'Daring dan luring di Bandung; bahan tayang dibagikan panitia.',
    people: [
      { email: 'kabid.aptika@sumedang.demo', unit: 'DISKOMINFO', position: 'Kepala Bidang Aplikasi Informatika' },
      { email: 'spbe@sumedang.demo', unit: 'DISKOMINFO', position: 'Koordinator SPBE' },
      { name: 'dr. Asep Hidayat', nip: '198203152009011004', unit: 'DINKES', position: 'Kepala Seksi Sistem Informasi Kesehatan' },
    ],
  },
];

const addDays = (localDate: string, days: number) => new Date(Date.parse(`${localDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A one-page certificate as a small PDF written by hand (Helvetica, no embedded font): what a scanner or the organiser's portal gives. */
export function demoCertificatePdf(lines: string[]): Buffer {
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 20 : 12} Tf 72 ${720 - i * 28} Td (${l.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export async function seedPimpinanDemo(tx: Queryable, place: DemoPlace): Promise<void> {
  const region = await getRegion(tx, place.region);
  const today = localDateOf(place.now, region);
  const emails = DEMO_TRAININGS.flatMap((t) => t.people.flatMap((p) => (p.email ? [p.email] : [])));
  // Staff accounts of the region only (the same check the use case makes).
  const accounts = await tx.selectDistinct({ id: users.id, email: users.email, name: users.name }).from(users)
    .innerJoin(grants, and(eq(grants.userId, users.id), eq(grants.regionCode, place.region)))
    .where(inArray(users.email, emails));
  const account = new Map(accounts.map((a) => [a.email, a]));
  const [keeper] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'spbe@sumedang.demo'));
  for (const t of DEMO_TRAININGS) {
    const startDate = addDays(today, t.start);
    const endDate = addDays(today, t.end);
    const [programme] = await tx.insert(T).values({
      regionCode: place.region, title: t.title, organiser: t.organiser, kind: t.kind, startDate, endDate, hours: t.hours, notes: t.notes,
      createdBy: keeper?.id ?? null, createdAt: place.now,
    }).returning({ id: T.id });
    for (const p of t.people) {
      const user = p.email ? account.get(p.email) : undefined;
      // An account another module's demo makes (correspondence's Diskominfo people) is left out when that module is not installed.
      if (p.email && !user) continue;
      const name = p.name ?? user!.name;
      const certificate = p.certificate
        ? (await checkUploads([{ fileName: `Sertifikat DLA ${name}.pdf`, data: demoCertificatePdf(['SERTIFIKAT', 'Digital Leadership Academy (DLA) Pemerintah Daerah', `diberikan kepada ${name}`, p.position, `Kabupaten Sumedang, ${endDate}`, 'Data demo Pamong']) }], certificatePolicy))[0]
        : null;
      await tx.insert(P).values({
        regionCode: place.region, trainingId: programme.id, userId: user?.id ?? null, name, nip: p.nip ?? null, unitId: place.unit(p.unit), position: p.position,
        status: t.status, completedOn: t.status === 'completed' ? endDate : null, createdAt: place.now,
        ...(certificate ? {
          certificateName: certificate.fileName, certificateType: certificate.contentType, certificateSize: certificate.data.length, certificateData: certificate.data,
          certificateAt: place.now, certificateBy: keeper?.id ?? null,
        } : {}),
      });
    }
  }
}
