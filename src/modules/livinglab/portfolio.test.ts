// The application portfolio and the digital budget: Kabupaten Bandung keeps
// its inventory; a unit proposes a complaints app for next year and sees,
// before anyone spends, that SP4N-LAPOR! and Sumedang's published complaint
// categories already do that work; the SPBE team decides to adopt instead;
// the budget shows what adopting avoided, for the region and its province.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { enableRegion } from '../../platform/regions/service.js';
import { units } from '../../platform/schema.js';

const BANDUNG = '32.04';
const R = `/api/regions/${BANDUNG}/livinglab`;

describeWithApp('Living Lab: application portfolio and digital budget', (h) => {
  const s: Record<string, Session> = {};
  const unit: Record<string, string> = {};

  beforeAll(async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, BANDUNG);
      for (const u of await tx.insert(units).values([
        { regionCode: BANDUNG, code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
        { regionCode: BANDUNG, code: 'DINKES', name: 'Dinas Kesehatan' },
      ]).returning()) unit[u.code] = u.id;
    });
    s.officer = await h.sessionWithRole(BANDUNG, 'livinglab_officer', 'livinglab@bandungkab.test');
    s.proposer = await h.sessionWithRole(BANDUNG, 'livinglab_proposer', 'usul.kominfo@bandungkab.test', unit.DISKOMINFO);
    s.team = await h.sessionWithRole(BANDUNG, 'livinglab_reviewer', 'tim.spbe@bandungkab.test');
    s.head = await h.sessionWithRole(BANDUNG, 'head_of_region', 'bupati@bandungkab.test');
    s.province = await h.sessionWithRole('32', 'head_of_region', 'gubernur@jabarprov.test');
    s.sumedang = await h.signIn('livinglab@sumedang.demo');
  });

  it('keeps the inventory: live applications with their yearly cost and the national application one duplicates', async () => {
    const app = { name: 'e-Surat Bandung', unitId: unit.DISKOMINFO, purpose: 'Surat masuk dan keluar', domain: 'administrasi', costPerYear: 120_000_000, status: 'live', duplicates: 'srikandi' };
    expect((await h.api('POST', `${R}/applications`, { body: app, session: s.officer })).status).toBe(201);
    expect((await h.api('POST', `${R}/applications`, { body: { ...app, name: 'Antrean puskesmas', unitId: unit.DINKES, costPerYear: 80_000_000, duplicates: null }, session: s.officer })).status).toBe(201);
    // A unit of another region is refused.
    const [{ id: sumedangUnit }] = await h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code = '32.11' limit 1`);
    const foreign = await h.api('POST', `${R}/applications`, { body: { ...app, unitId: sumedangUnit }, session: s.officer });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('unit.not_found');
    const list = await h.api('GET', `${R}/applications`, { session: s.head });
    expect(list.body.map((x: { name: string }) => x.name).sort()).toEqual(['Antrean puskesmas', 'e-Surat Bandung']);
    // Another region's officer sees none of it.
    expect((await h.api('GET', `${R}/applications`, { session: s.sumedang })).status).toBe(403);
  });

  let proposal = '';
  it('shows a unit\'s proposal next to what already does the same work, before anything is spent', async () => {
    const body = { unitId: unit.DISKOMINFO, year: 2027, title: 'Aplikasi pengaduan warga', purpose: 'Kanal pengaduan dan kategori aduan dengan batas waktu tanggapan', domain: 'publik', estimatedCost: 450_000_000 };
    // A proposer proposes for their own unit only; the list of units says which.
    const mine = await h.api('GET', `${R}/units`, { session: s.proposer });
    expect(mine.body.filter((u: { proposable: boolean }) => u.proposable).map((u: { id: string }) => u.id)).toEqual([unit.DISKOMINFO]);
    const all = await h.api('GET', `${R}/units`, { session: s.officer });
    expect(all.body.filter((u: { proposable: boolean }) => u.proposable).map((u: { code: string }) => u.code).sort()).toEqual(['DINKES', 'DISKOMINFO']);
    expect((await h.api('GET', `${R}/units`, { session: s.sumedang })).status).toBe(403);
    const other = await h.api('POST', `${R}/proposals`, { body: { ...body, unitId: unit.DINKES }, session: s.proposer });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('livinglab.not_your_unit');
    const made = await h.api('POST', `${R}/proposals`, { body, session: s.proposer });
    expect(made.status, made.raw).toBe(201);
    proposal = made.body.id;
    const seen = await h.api('GET', `${R}/proposals/${proposal}`, { session: s.team });
    expect(seen.body.sameWork.nationalApplications.map((n: { key: string }) => n.key)).toEqual(['sp4n-lapor']);
    expect(seen.body.sameWork.solutions.map((x: { title: string }) => x.title)).toContain('Kategori pengaduan dan tenggat Sumedang');
  });

  it('lets only the SPBE team decide, once, with a reason; adopting instead names a published solution', async () => {
    const [{ id: sumedangPackage }] = await h.ctx.database.rows<{ id: string }>(sql`select id from livinglab_solutions where region_code = '32.11' and package_kind = 'complaints.categories'`);
    const decision = { decision: 'adopt_instead', reason: 'Gunakan SP4N-LAPOR! dan kategori Sumedang lewat Pamong; tidak membangun aplikasi baru.', solutionId: sumedangPackage };
    expect((await h.api('POST', `${R}/proposals/${proposal}/decision`, { body: decision, session: s.proposer })).status).toBe(403);
    expect((await h.api('POST', `${R}/proposals/${proposal}/decision`, { body: { ...decision, reason: '' }, session: s.team })).status).toBe(400);
    expect((await h.api('POST', `${R}/proposals/${proposal}/decision`, { body: decision, session: s.team })).status).toBe(200);
    const again = await h.api('POST', `${R}/proposals/${proposal}/decision`, { body: { decision: 'approved', reason: 'Ubah pikiran' }, session: s.team });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('livinglab.proposal_decided');
    const approved = await h.api('POST', `${R}/proposals`, { body: { unitId: unit.DINKES, year: 2027, title: 'Pemeliharaan antrean puskesmas', purpose: 'Lisensi dan hosting', domain: 'publik', estimatedCost: 90_000_000 }, session: s.officer });
    await h.api('POST', `${R}/proposals/${approved.body.id}/decision`, { body: { decision: 'approved', reason: 'Sesuai peta rencana SPBE' }, session: s.team });
  });

  it('gives the region and its province the digital budget per year: what adopting avoided', async () => {
    const own = await h.api('GET', `${R}/budget?from=2026&to=2027`, { session: s.head });
    expect(own.status, own.raw).toBe(200);
    const bandung = own.body.regions.find((r: { regionCode: string }) => r.regionCode === BANDUNG);
    expect(bandung).toMatchObject({ runningCost: 200_000_000, liveApplications: 2 });
    expect(bandung.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({ proposals: 2, proposed: 540_000_000, approved: 90_000_000, avoided: 450_000_000, refused: 0, undecided: 0 });
    const province = await h.api('GET', '/api/regions/32/livinglab/budget?from=2027&to=2027', { session: s.province });
    // The province sums its kabupaten/kota: Bandung's adoption avoided 450 million; Sumedang's demo approved its data centre.
    const y2027 = (r: { years: { year: number; approved: number; avoided: number }[] }) => r.years.find((y) => y.year === 2027)!;
    expect(province.body.regions.map((r: { regionCode: string }) => r.regionCode).sort()).toEqual([BANDUNG, '32.11']);
    expect(province.body.total).toEqual([expect.objectContaining({
      year: 2027, avoided: 450_000_000,
      approved: province.body.regions.reduce((sum: number, r: never) => sum + y2027(r).approved, 0),
    })]);
    expect(y2027(province.body.regions.find((r: { regionCode: string }) => r.regionCode === '32.11')).approved).toBe(750_000_000);
    // The province's figures are the province's to read, not a kabupaten's.
    expect((await h.api('GET', '/api/regions/32/livinglab/budget?from=2027&to=2027', { session: s.head })).status).toBe(403);
    expect((await h.api('GET', `${R}/budget?from=2027&to=2020`, { session: s.head })).status).toBe(400);
  });
});
