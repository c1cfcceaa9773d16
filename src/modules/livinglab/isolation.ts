// What the tenant-isolation test aims at in the victim region (contract:
// IsolationFixtures): a draft solution (private to its region: its title
// must never show elsewhere) with a kit file, which every owner route would
// act on if access were wrongly granted. Published solutions are public by
// design, so the fixture aims at a draft: the public routes must not serve it
// either, and adopting it must be refused.
import { livinglabAdoptions, livinglabApplications, livinglabKitFiles, livinglabProposals, livinglabRatings, livinglabSolutions } from './schema.js';
import { livinglabCoachingFiles, livinglabCoachingNotes, livinglabCoachingPilots, livinglabCoachingProgrammes, livinglabCoachingSessions, livinglabCoachingTasks } from './schema.js';
import { units, users } from '../../platform/schema.js';
import { eq } from 'drizzle-orm';
import type { IsolationFixtures, IsolationRequest } from '../../platform/modules/contract.js';
import type { Queryable } from '../../platform/db/client.js';

const SECRET_TITLE = 'Draf solusi rahasia uji isolasi Living Lab';
const SECRET_FILE = 'SOP rahasia uji isolasi Living Lab.pdf';
const SECRET_REVIEW = 'Ulasan rahasia uji isolasi Living Lab';
const SECRET_APPLICATION = 'Aplikasi inventaris rahasia uji isolasi';
const SECRET_PROPOSAL = 'Usulan belanja digital rahasia uji isolasi';
// Coaching: a programme of the victim region with one pilot (the victim itself, so no foreign caller is its pilot).
const SECRET_PROGRAMME = 'Program pendampingan rahasia uji isolasi';
const SECRET_COACHING_TASK = 'Tugas pendampingan rahasia uji isolasi';
const SECRET_COACHING_NOTE = 'Catatan pendampingan rahasia uji isolasi';
const SECRET_COACHING_FILE = 'Bukti pendampingan rahasia uji isolasi.pdf';

export const livinglabIsolation: IsolationFixtures = {
  async records(ctx, region) {
    const now = ctx.clock.now();
    return ctx.database.db.transaction(async (tx) => {
      const [solution] = await tx.insert(livinglabSolutions).values({
        regionCode: region, kind: 'application', title: SECRET_TITLE, summary: '', description: '', domain: 'administrasi',
        application: { ownerUnit: 'Diskominfo', purpose: 'Uji isolasi', type: 'khusus', duplicates: null, licence: null, repository: null, stack: '', hosting: '', contact: '' },
        createdAt: now, updatedAt: now,
      }).returning({ id: livinglabSolutions.id });
      const [file] = await tx.insert(livinglabKitFiles).values({
        regionCode: region, solutionId: solution.id, kind: 'sop', title: 'SOP', fileName: SECRET_FILE, contentType: 'application/pdf',
        size: 8, data: Buffer.from('%PDF-1.4'), uploadedAt: now,
      }).returning({ id: livinglabKitFiles.id });
      // A rating by one of the region's people (a review hidden by a curator is as private as a draft).
      const [person] = await tx.select({ id: users.id }).from(users).limit(1);
      const [rating] = await tx.insert(livinglabRatings).values({
        regionCode: region, solutionId: solution.id, userId: person.id, fitness: 3, ease: 3, stability: 3, support: 3, documentation: 3, review: SECRET_REVIEW, ratedAt: now, hidden: true,
      }).returning({ id: livinglabRatings.id });
      // The inventory and a budget proposal are the region's own, never public.
      const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.regionCode, region)).limit(1);
      const [app] = await tx.insert(livinglabApplications).values({
        regionCode: region, name: SECRET_APPLICATION, unitId: unit.id, purpose: 'Uji', domain: 'administrasi', costPerYear: 1, status: 'live', updatedAt: now,
      }).returning({ id: livinglabApplications.id });
      const [proposal] = await tx.insert(livinglabProposals).values({
        regionCode: region, unitId: unit.id, year: 2027, title: SECRET_PROPOSAL, purpose: 'Uji', domain: 'publik', estimatedCost: 1, status: 'submitted', proposedAt: now,
      }).returning({ id: livinglabProposals.id });
      const coaching = await coachingRecords(tx, region, now);
      // A lineage row naming the draft (the API never makes one): the public map and lineage must not show it.
      await tx.insert(livinglabAdoptions).values({
        regionCode: region, sourceRegion: region, solutionId: solution.id, source: { installation: null, region, title: SECRET_TITLE, packageKind: null }, version: 1, adoptedAt: now, updatedAt: now,
      });
      return {
        // The text goal's place in the list (not a secret: a small number shows anywhere).
        params: { solutionId: solution.id, 'kit/:fileId': file.id, ratingId: rating.id, 'livinglab/applications/:applicationId': app.id, proposalId: proposal.id, ...coaching.params, goalIndex: '1',
          // The public kabupaten/kota map of the victim's province (the draft must not count there either).
          'map/provinces/:province': region.slice(0, 2) },
        secrets: [solution.id, file.id, rating.id, app.id, proposal.id, ...Object.values(coaching.params)],
        private: [SECRET_TITLE, SECRET_FILE, SECRET_REVIEW, SECRET_APPLICATION, SECRET_PROPOSAL, SECRET_PROGRAMME, SECRET_COACHING_TASK, SECRET_COACHING_NOTE, SECRET_COACHING_FILE],
      };
    });
  },
  request(route, params): IsolationRequest | undefined {
    if (!route.url.includes('/livinglab')) return undefined;
    const solution = { kind: 'application', title: 'Uji', domain: 'publik', application: { ownerUnit: 'X', purpose: 'Y', type: 'khusus' } };
    const bodies: Record<string, unknown> = {
      'POST /api/regions/:region/livinglab/solutions': solution,
      'PUT /api/regions/:region/livinglab/solutions/:solutionId': solution,
      'POST /api/regions/:region/livinglab/solutions/:solutionId/publish': { changelog: '' },
      'POST /api/regions/:region/livinglab/adoptions/preview': { solutionId: params.solutionId },
      'POST /api/regions/:region/livinglab/adoptions': { solutionId: params.solutionId, version: 1 },
      'PUT /api/regions/:region/livinglab/curation/:solutionId': { featured: true, hidden: false },
      'PUT /api/regions/:region/livinglab/ratings/:solutionId': { fitness: 5, ease: 5, stability: 5, support: 5, documentation: 5 },
      'PUT /api/regions/:region/livinglab/solutions/:solutionId/ratings/:ratingId/answer': { answer: 'Jawaban' },
      'PUT /api/regions/:region/livinglab/curation/:solutionId/ratings/:ratingId': { hidden: false },
      'POST /api/regions/:region/livinglab/applications': { name: 'Uji', unitId: params.unitId, purpose: 'Uji', domain: 'publik', status: 'live' },
      'PUT /api/regions/:region/livinglab/applications/:applicationId': { name: 'Uji', unitId: params.unitId, purpose: 'Uji', domain: 'publik', status: 'live' },
      'POST /api/regions/:region/livinglab/proposals': { unitId: params.unitId, year: 2027, title: 'Uji', purpose: 'Uji', domain: 'publik', estimatedCost: 1 },
      'POST /api/regions/:region/livinglab/proposals/:proposalId/decision': { decision: 'approved', reason: 'Uji' },
    };
    Object.assign(bodies, coachingBodies);
    const key = `${route.method} ${route.url}`;
    if (key === 'GET /api/regions/:region/livinglab/budget') return { query: { from: '2026', to: '2027' } };
    // The public maps and lineage, aimed at the victim's draft.
    if (key === 'GET /api/livinglab/map' || key === 'GET /api/livinglab/lineage' || key === 'GET /api/livinglab/map/provinces/:province') return { query: { solution: params.solutionId } };
    return key in bodies ? { body: bodies[key] } : undefined;
  },
};

// ---- coaching (pendampingan) ----
async function coachingRecords(tx: Queryable, region: string, now: Date) {
  const [programme] = await tx.insert(livinglabCoachingProgrammes).values({
    regionCode: region, title: SECRET_PROGRAMME, startDate: '2026-01-01', endDate: '2026-12-31', status: 'active', createdAt: now, updatedAt: now,
  }).returning({ id: livinglabCoachingProgrammes.id });
  const [pilot] = await tx.insert(livinglabCoachingPilots).values({
    regionCode: region, programmeId: programme.id, pilotRegion: region, goals: [{ kind: 'spbe_index', target: '3.50', year: 2026 }, { kind: 'text', text: 'Uji', done: false }], createdAt: now,
  }).returning({ id: livinglabCoachingPilots.id });
  const [task] = await tx.insert(livinglabCoachingTasks).values({ regionCode: region, pilotId: pilot.id, title: SECRET_COACHING_TASK, status: 'open', createdAt: now }).returning({ id: livinglabCoachingTasks.id });
  const [session] = await tx.insert(livinglabCoachingSessions).values({ regionCode: region, pilotId: pilot.id, date: '2026-02-01', topic: 'Sesi', mode: 'online', updatedAt: now }).returning({ id: livinglabCoachingSessions.id });
  await tx.insert(livinglabCoachingNotes).values({ regionCode: region, pilotId: pilot.id, authorRegion: region, body: SECRET_COACHING_NOTE, createdAt: now });
  const [file] = await tx.insert(livinglabCoachingFiles).values({
    regionCode: region, pilotId: pilot.id, authorRegion: region, title: 'Bukti', fileName: SECRET_COACHING_FILE, contentType: 'application/pdf', size: 8, data: Buffer.from('%PDF-1.4'), uploadedAt: now,
  }).returning({ id: livinglabCoachingFiles.id });
  return { params: { programmeId: programme.id, pilotId: pilot.id, taskId: task.id, sessionId: session.id, pilotFileId: file.id } };
}

const coachingProgramme = { title: 'Uji', startDate: '2026-01-01', endDate: '2026-12-31', status: 'active', pilotRegions: [] };
const coachingSession = { date: '2026-03-01', topic: 'Uji', mode: 'online' };
const C = '/api/regions/:region/livinglab/coaching';
const coachingBodies: Record<string, unknown> = {
  [`POST ${C}/programmes`]: coachingProgramme,
  [`PUT ${C}/programmes/:programmeId`]: coachingProgramme,
  [`PUT ${C}/pilots/:pilotId/goals`]: { goals: [{ kind: 'text', text: 'Uji' }] },
  [`POST ${C}/pilots/:pilotId/tasks`]: { title: 'Uji' },
  [`PUT ${C}/pilots/:pilotId/tasks/:taskId/status`]: { status: 'done' },
  [`PUT ${C}/pilots/:pilotId/goals/:goalIndex/done`]: { text: 'Uji', done: true },
  [`POST ${C}/pilots/:pilotId/sessions`]: coachingSession,
  [`PUT ${C}/pilots/:pilotId/sessions/:sessionId`]: coachingSession,
  [`POST ${C}/pilots/:pilotId/notes`]: { body: 'Uji' },
};
