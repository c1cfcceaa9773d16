// What the tenant-isolation test aims at (contract: IsolationFixtures): the
// leader's page holds no records of its own; its routes read every module's
// figures for the region in the URL, so the test's callers from another
// region must be refused them. The trend route needs a trend that exists; the
// choice of published figures a body that would be saved. The province's
// map (`…/provinsi/peta`) needs no record: its outlines are reference data,
// the same for every province's reader, and a foreign caller must be refused
// them like the province's page.
// Training records are the module's own: a programme with a participant and
// a certificate, whose name and NIP no other region may see, and a staff
// account the keepers' staff search would offer, whose email no other region may see.
import { and, asc, eq } from 'drizzle-orm';
import type { IsolationFixtures } from '../../platform/modules/contract.js';
import { listTiles } from '../../platform/modules/tiles.js';
import { systemActor } from '../../platform/auth/policy.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { getRegion } from '../../platform/regions/service.js';
import { units } from '../../platform/schema.js';
import { addParticipant, createTraining, uploadCertificate } from './service/training.js';

const STAFF_EMAIL = 'pegawai.pelatihan.isolasi@sumedang.go.id';

const TRAINING = '/api/regions/:region/pimpinan/pelatihan';
const PRIVATE_NAME = 'Peserta Rahasia Isolasi';
const PRIVATE_NIP = '198001012006041099';

export const pimpinanIsolation: IsolationFixtures = {
  async records(ctx, regionCode) {
    const withTrend = listTiles().find(({ tile }) => tile.trend);
    if (!withTrend) throw new Error('The leader\'s page isolation fixtures need a tile with a trend');
    const region = await getRegion(ctx.database.db, regionCode);
    const [unit] = await ctx.database.db.select({ id: units.id }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.active, true))).orderBy(asc(units.code)).limit(1);
    if (!unit) throw new Error('The training isolation fixtures need an active unit in the victim region');
    const keeper = systemActor('isolasi', regionCode, ['region_admin']);
    const training = await createTraining(ctx, keeper, regionCode, { title: 'Digital Leadership Academy (isolasi)', organiser: 'Komdigi', kind: 'digital_leadership', startDate: '2026-03-02', endDate: '2026-03-06' });
    const person = await addParticipant(ctx, keeper, region, training.id, { name: PRIVATE_NAME, nip: PRIVATE_NIP, unitId: unit.id, position: 'Kepala Dinas' });
    await uploadCertificate(ctx, keeper, regionCode, training.id, person.id, { fileName: 'sertifikat.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 sertifikat isolasi') });
    const staff = await createUser(ctx.database.db, { email: STAFF_EMAIL, name: 'Pegawai Pelatihan Isolasi' });
    await grantRole(ctx.database.db, regionCode, staff, 'officer', unit.id);
    return {
      params: { ref: `${withTrend.module}.${withTrend.tile.trend}`, trainingId: training.id, participantId: person.id },
      secrets: [training.id, person.id],
      private: [PRIVATE_NAME, PRIVATE_NIP, STAFF_EMAIL],
    };
  },
  request({ method, url }, params) {
    const key = `${method} ${url}`;
    if (key === `GET ${TRAINING}/pegawai`) return { query: { q: 'isolasi' } };
    if (key === `POST ${TRAINING}`) return { body: { title: 'Pelatihan palsu', organiser: 'Palsu', kind: 'other', startDate: '2026-05-01', endDate: '2026-05-02' } };
    if (key === `PATCH ${TRAINING}/:trainingId`) return { body: { notes: 'Catatan palsu dari daerah lain' } };
    if (key === `POST ${TRAINING}/:trainingId/peserta`) return { body: { name: 'Peserta palsu', unitId: params.unitId, position: 'Palsu' } };
    if (key === `PATCH ${TRAINING}/:trainingId/peserta/:participantId`) return { body: { position: 'Jabatan palsu' } };
    if (key === `PUT ${TRAINING}/:trainingId/peserta/:participantId/sertifikat`) {
      const boundary = 'pamong-isolasi';
      return {
        body: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="certificate"; filename="palsu.pdf"\r\n\r\n%PDF-1.4 sertifikat palsu\r\n--${boundary}--\r\n`)]),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      };
    }
    // The region admin's choice of published figures: a real tile, which the region's own admin could publish.
    if (key === 'PUT /api/regions/:region/pimpinan/publik/pilihan') {
      const [first] = listTiles();
      return { body: { refs: [`${first.module}.${first.tile.key}`] } };
    }
    return undefined;
  },
};
