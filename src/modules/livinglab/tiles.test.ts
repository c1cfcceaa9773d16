// What the Living Lab shows the head of region (issue 15): the solutions the
// region adopted (this year, and in all), the digital-spending proposals
// waiting for a decision, and in "what needs me" those proposals for the SPBE
// team that decides them, nobody else.
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { actorByEmail, tilesOf } from '../../../test/support/leader.js';
import { enableRegion } from '../../platform/regions/service.js';
import { units } from '../../platform/schema.js';
import { readAttention } from '../../platform/modules/tiles.js';
import { livinglabCoachingPilots, livinglabCoachingProgrammes } from './schema.js';
import { livinglabTiles } from './service/tiles.js';

const GARUT = '32.05';
const R = `/api/regions/${GARUT}/livinglab`;

describeWithApp('Living Lab tiles', (h) => {
  const s: Record<string, Session> = {};
  let heads = 0;
  let unitId = '';
  // A fresh head of region each time: the clock moves past a session's idle end.
  const tiles = async () => tilesOf(h, await h.sessionWithRole(GARUT, 'head_of_region', `bupati${++heads}@garutkab.test`), GARUT, 'livinglab');
  const attentionOf = async (email: string) => (await readAttention(h.ctx, await actorByEmail(h, email), GARUT)).items.filter((a) => a.module === 'livinglab').map((a) => a.link);

  beforeAll(async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, GARUT);
      [{ id: unitId }] = await tx.insert(units).values([{ regionCode: GARUT, code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika Garut' }]).returning({ id: units.id });
    });
    s.officer = await h.sessionWithRole(GARUT, 'livinglab_officer', 'livinglab@garutkab.test');
    s.proposer = await h.sessionWithRole(GARUT, 'livinglab_proposer', 'usul@garutkab.test', unitId);
    s.team = await h.sessionWithRole(GARUT, 'livinglab_reviewer', 'tim.spbe@garutkab.test');
  });

  it('counts a proposal until the SPBE team decides it, and lists it for the team alone', async () => {
    const before = (await tiles()).get('proposals-waiting');
    expect(before).toMatchObject({ value: 0, link: `/staff/${GARUT}/livinglab/usulan` });
    const made = await h.api('POST', `${R}/proposals`, {
      body: { unitId, year: 2028, title: 'Aplikasi pengaduan Garut', purpose: 'Menerima pengaduan warga', domain: 'publik', estimatedCost: 250_000_000 }, session: s.proposer,
    });
    expect(made.status, made.raw).toBe(201);
    expect((await tiles()).get('proposals-waiting').value).toBe(1);
    const [item] = (await readAttention(h.ctx, await actorByEmail(h, 'tim.spbe@garutkab.test'), GARUT)).items.filter((a) => a.module === 'livinglab');
    expect(item).toMatchObject({ title: { id: 'Aplikasi pengaduan Garut' }, link: `/staff/${GARUT}/livinglab/usulan/${made.body.id}`, due: null });
    expect(item.detail!.id).toBe('Dinas Komunikasi dan Informatika Garut, tahun anggaran 2028, Rp250.000.000');
    for (const other of ['usul@garutkab.test', 'livinglab@garutkab.test', `bupati${heads}@garutkab.test`]) expect(await attentionOf(other)).toEqual([]);

    const decided = await h.api('POST', `${R}/proposals/${made.body.id}/decision`, { body: { decision: 'refused', reason: 'Sudah ada SP4N-LAPOR!' }, session: s.team });
    expect(decided.status, decided.raw).toBe(200);
    expect((await tiles()).get('proposals-waiting').value).toBe(0);
    expect(await attentionOf('tim.spbe@garutkab.test')).toEqual([]);
  });

  it('counts a solution adopted this year and in all, and only in all once the year has turned', async () => {
    const before = await tiles();
    const year = new Date(h.clock.now().getTime() + 7 * 3600_000).getUTCFullYear();
    expect(before.get('adopted')).toMatchObject({ value: 0, unit: { id: `solusi tahun ${year}, 0 seluruhnya` }, link: `/staff/${GARUT}/livinglab` });
    const [solution] = (await h.api('GET', '/api/livinglab/solutions?module=complaints&region=32.11')).body.items;
    const preview = await h.api('POST', `${R}/adoptions/preview`, { body: { solutionId: solution.id }, session: s.officer });
    expect(preview.status, preview.raw).toBe(200);
    const unitMap = Object.fromEntries(preview.body.units.map((u: { code: string }) => [u.code, unitId]));
    const adopted = await h.api('POST', `${R}/adoptions`, { body: { solutionId: solution.id, version: preview.body.source.version, unitMap, take: [preview.body.changes[0].key] }, session: s.officer });
    expect(adopted.status, adopted.raw).toBe(201);
    expect((await tiles()).get('adopted')).toMatchObject({ value: 1, unit: { id: `solusi tahun ${year}, 1 seluruhnya`, en: `solutions in ${year}, 1 in all` } });
    h.clock.advanceHours(24 * 366);
    expect((await tiles()).get('adopted')).toMatchObject({ value: 0, unit: { id: `solusi tahun ${year + 1}, 1 seluruhnya` } });
  });

  it('gives the share of coaching goals reached by the coached regions, a province over its kabupaten/kota, lowest first', async () => {
    const goals = livinglabTiles.find((t) => t.key === 'coaching-goals')!;
    const now = h.clock.now();
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, '32.04');
      const [programme] = await tx.insert(livinglabCoachingProgrammes).values({ regionCode: '32.11', title: 'Pendampingan SPBE', startDate: '2026-01-01', endDate: '2026-12-31', status: 'active', createdAt: now, updatedAt: now }).returning();
      // A draft programme does not count yet.
      const [draft] = await tx.insert(livinglabCoachingProgrammes).values({ regionCode: '32.11', title: 'Rencana', startDate: '2026-01-01', endDate: '2026-12-31', status: 'draft', createdAt: now, updatedAt: now }).returning();
      await tx.insert(livinglabCoachingPilots).values([
        { regionCode: '32.11', programmeId: programme.id, pilotRegion: GARUT, createdAt: now, goals: [{ kind: 'text', text: 'Perkada SPBE', done: true }, { kind: 'text', text: 'Tim SPBE', done: false }] },
        { regionCode: '32.11', programmeId: programme.id, pilotRegion: '32.04', createdAt: now, goals: [{ kind: 'text', text: 'Arsitektur SPBE', done: false }] },
        { regionCode: '32.11', programmeId: draft.id, pilotRegion: '32.04', createdAt: now, goals: [{ kind: 'text', text: 'Belum dimulai', done: true }] },
      ]);
    });
    const province = await goals.read(h.ctx, '32');
    expect(province).toMatchObject({ value: 33.3, unit: { id: '%, 1 dari 3 sasaran, 2 daerah dampingan' }, link: '/staff/32/livinglab/pendampingan/provinsi' });
    expect(province.items!.map((i) => i.label.id)).toEqual(['Kabupaten Bandung', 'Kabupaten Garut']);
    const garut = (await tiles()).get('coaching-goals');
    expect(garut).toMatchObject({ value: 50, unit: { id: '%, 1 dari 2 sasaran, 1 daerah dampingan' } });
    // The mentor region is coached by nobody.
    expect((await goals.read(h.ctx, '32.11')).value).toBeNull();
  });
});
