// What the tenant-isolation test aims at in the victim region (contract:
// IsolationFixtures): a draft solution (private to its region: its title
// must never show elsewhere) with a kit file, which every owner route would
// act on if access were wrongly granted. Published solutions are public by
// design, so the fixture aims at a draft: the public routes must not serve it
// either, and adopting it must be refused.
import { livinglabKitFiles, livinglabSolutions } from './schema.js';
import type { IsolationFixtures } from '../../platform/modules/contract.js';

const SECRET_TITLE = 'Draf solusi rahasia uji isolasi Living Lab';
const SECRET_FILE = 'SOP rahasia uji isolasi Living Lab.pdf';

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
      return {
        params: { solutionId: solution.id, 'kit/:fileId': file.id },
        secrets: [solution.id, file.id],
        private: [SECRET_TITLE, SECRET_FILE],
      };
    });
  },
  request(route, params) {
    if (!route.url.includes('/livinglab')) return undefined;
    const solution = { kind: 'application', title: 'Uji', domain: 'publik', application: { ownerUnit: 'X', purpose: 'Y', type: 'khusus' } };
    const bodies: Record<string, unknown> = {
      'POST /api/regions/:region/livinglab/solutions': solution,
      'PUT /api/regions/:region/livinglab/solutions/:solutionId': solution,
      'POST /api/regions/:region/livinglab/solutions/:solutionId/publish': { changelog: '' },
      'POST /api/regions/:region/livinglab/adoptions/preview': { solutionId: params.solutionId },
      'POST /api/regions/:region/livinglab/adoptions': { solutionId: params.solutionId, version: 1 },
      'PUT /api/regions/:region/livinglab/curation/:solutionId': { featured: true, hidden: false },
    };
    const key = `${route.method} ${route.url}`;
    return key in bodies ? { body: bodies[key] } : undefined;
  },
};
