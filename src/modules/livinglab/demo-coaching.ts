// The showcase's coaching programme: Sumedang mentors the Jawa Barat
// regions catching up on SPBE ("Pendampingan SPBE Jawa Barat 2026"), each
// with an SPBE index target for 2026 (progress read from the showcase's own
// SPBE results), sessions held and one still planned, tasks (some done) and
// a note. Invented demo content in the shape the use cases leave behind.
// Idempotent: nothing is added when the programme exists already.
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { regions } from '../../platform/schema.js';
import {
  livinglabCoachingNotes, livinglabCoachingPilots, livinglabCoachingProgrammes, livinglabCoachingSessions, livinglabCoachingTasks,
} from './schema.js';
import type { CoachingGoal } from './domain/coaching.js';

export const DEMO_COACHING_TITLE = 'Pendampingan SPBE Jawa Barat 2026';

/** The demo's pilot coordinator (Garut), granted by the showcase with Garut's accounts. */
export const DEMO_PILOT_COORDINATOR = { email: 'pendampingan@garut.demo', name: 'Koordinator Pendampingan Garut', region: '32.05', role: 'livinglab_pilot_coordinator' } as const;

const DAY = 86_400_000;
const targets: Record<string, string> = { '32.04': '3.80', '32.05': '3.00', '32.71': '3.90' };

const sessionPlan = [
  { date: '2025-11-20', topic: 'Pemetaan kondisi awal dan indikator prioritas SPBE', mode: 'online' as const, place: 'Zoom Diskominfo Sumedang', attendance: 'Hadir: Diskominfo, Bappeda, Bagian Organisasi.' },
  { date: '2026-02-12', topic: 'Lokakarya Arsitektur dan Peta Rencana SPBE', mode: 'onsite' as const, place: 'Gedung Negara Sumedang', attendance: 'Hadir: Tim Koordinasi SPBE daerah dampingan.' },
  { date: '2026-12-10', topic: 'Reviu bukti dukung menjelang evaluasi SPBE 2026', mode: 'online' as const, place: 'Zoom Diskominfo Sumedang', attendance: '' },
];

const taskPlan = [
  { title: 'Susun rancangan Perkada Arsitektur SPBE', dueDate: '2026-03-31', doneDaysAfterStart: 120 },
  { title: 'Lengkapi inventaris aplikasi di Living Lab', dueDate: '2026-06-30', doneDaysAfterStart: 200 },
  { title: 'Unggah bukti dukung indikator prioritas', dueDate: '2026-11-30', doneDaysAfterStart: null },
];

export async function seedCoachingShowcase(tx: Queryable, mentor: string, pilotRegions: readonly string[], now: Date): Promise<boolean> {
  const [existing] = await tx.select({ id: livinglabCoachingProgrammes.id }).from(livinglabCoachingProgrammes)
    .where(and(eq(livinglabCoachingProgrammes.regionCode, mentor), eq(livinglabCoachingProgrammes.title, DEMO_COACHING_TITLE)));
  if (existing) return false;
  const present = [];
  for (const code of pilotRegions) if ((await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, code))).length) present.push(code);
  if (!present.length) return false;
  const startDate = '2025-11-01';
  const start = new Date(`${startDate}T00:00:00+07:00`);
  const [programme] = await tx.insert(livinglabCoachingProgrammes).values({
    regionCode: mentor, title: DEMO_COACHING_TITLE,
    purpose: 'Sumedang mendampingi kabupaten/kota Jawa Barat menaikkan indeks SPBE pada evaluasi 2026: arsitektur dan peta rencana SPBE, katalog aplikasi, dan bukti dukung indikator prioritas.',
    startDate, endDate: '2026-12-31', status: 'active', createdAt: start, updatedAt: start,
  }).returning({ id: livinglabCoachingProgrammes.id });
  for (const [i, code] of present.entries()) {
    const goals: CoachingGoal[] = [{ kind: 'spbe_index', target: targets[code] ?? '3.50', year: 2026 }];
    if (i === 0) goals.push({ kind: 'text', text: 'Perkada Arsitektur SPBE ditetapkan', done: true });
    const [pilot] = await tx.insert(livinglabCoachingPilots).values({ regionCode: mentor, programmeId: programme.id, pilotRegion: code, goals, createdAt: start })
      .returning({ id: livinglabCoachingPilots.id });
    await tx.insert(livinglabCoachingSessions).values(sessionPlan.map((s) => ({ regionCode: mentor, pilotId: pilot.id, ...s, updatedAt: start })));
    // The first pilots have moved further: the last one has done only the first task.
    await tx.insert(livinglabCoachingTasks).values(taskPlan.map((t, j) => {
      const doneAt = t.doneDaysAfterStart !== null && (j === 0 || i < present.length - 1) ? new Date(start.getTime() + (t.doneDaysAfterStart + i * 7) * DAY) : null;
      const done = doneAt !== null && doneAt < now;
      return { regionCode: mentor, pilotId: pilot.id, title: t.title, dueDate: t.dueDate, status: done ? 'done' as const : 'open' as const, doneAt: done ? doneAt : null, createdAt: start };
    }));
    await tx.insert(livinglabCoachingNotes).values({
      regionCode: mentor, pilotId: pilot.id, authorRegion: mentor, createdAt: new Date(start.getTime() + 104 * DAY),
      body: 'Lokakarya Februari: rancangan arsitektur SPBE sudah memetakan layanan utama; lanjutkan dengan peta rencana dan katalog aplikasi sebelum Juni.',
    });
  }
  return true;
}
