// SPBE practices in the Living Lab (`spbe.practices`): Sumedang publishes its
// complaints-handling practice (indicator 44: note, SOP, evidence checklist);
// the public catalogue finds it by the indicator's tag with its mentor;
// Garut previews (a practice it wrote itself shows as a change, a new one as
// an add), adopts only what it takes, in its own region only, and sees the
// adopted practice next to the indicator; bad packages are refused whole.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { enableRegion } from '../../platform/regions/service.js';

const GARUT = '32.05';
const SUMEDANG = '32.11';

describeWithApp('SPBE practices through the Living Lab', (h) => {
  const s: Record<string, Session> = {};
  const rows = <T>(q: ReturnType<typeof sql>) => h.ctx.database.rows<T & Record<string, unknown>>(q);
  const practices = async (region: string) => rows<{ indicator_code: string; note: string; adopted_from: { code: string } | null }>(
    sql`select indicator_code, note, adopted_from from spbe_practices where region_code = ${region} order by indicator_code`);
  let i44 = '';
  let i1 = '';
  let solutionId = '';

  beforeAll(async () => {
    const [{ document }] = await rows<{ document: { indicators: { code: string; number: number }[] } }>(
      sql`select document from spbe_framework_versions where framework_code = 'spbe-2020' and status = 'active'`);
    i44 = document.indicators.find((i) => i.number === 44)!.code;
    i1 = document.indicators.find((i) => i.number === 1)!.code;
    await h.ctx.database.db.transaction(async (tx) => { await enableRegion(tx, GARUT); });
    s.officer = await h.signIn('livinglab@sumedang.demo');
    s.sumedangSpbe = await h.signIn('spbe@sumedang.demo');
    s.garut = await h.sessionWithRole(GARUT, 'livinglab_officer', 'livinglab@garut-praktik.test');
    s.garutSpbe = await h.sessionWithRole(GARUT, 'spbe_coordinator', 'spbe@garut-praktik.test');
  });

  it('finds Sumedang\'s practice by its indicator\'s tag, with its mentor, and not under another indicator', async () => {
    const found = await h.api('GET', `/api/livinglab/solutions?tag=${encodeURIComponent(`spbe.indicator:spbe-2020/${i44}`)}&region=${SUMEDANG}`);
    expect(found.status, found.raw).toBe(200);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ packageKind: 'spbe.practices', mentor: { contact: 'spbe@sumedang.demo' } });
    solutionId = found.body.items[0].id;
    const other = await h.api('GET', `/api/livinglab/solutions?tag=${encodeURIComponent(`spbe.indicator:spbe-2020/${i1}`)}`);
    expect(other.body.items.map((x: { id: string }) => x.id)).not.toContain(solutionId);
    const detail = await h.api('GET', `/api/livinglab/solutions/${solutionId}`);
    const [practice] = detail.body.package.content.practices;
    expect(practice).toMatchObject({ framework: 'spbe-2020', indicator: i44 });
    expect(practice.sop).toMatch(/Petugas verifikasi/);
    // A checklist of what to prepare, never the files.
    expect(practice.evidence.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['regulation', 'sop']));
    expect(JSON.stringify(practice.evidence)).not.toMatch(/data:|base64|JVBER/);
  });

  it('publishes a second version with one more practice; the coordinator writes it first', async () => {
    const own = await h.api('PUT', `/api/regions/${SUMEDANG}/spbe/practices/spbe-2020/${i1}`, {
      body: { note: 'Arsitektur SPBE ditetapkan Perbup dan ditinjau tiap tahun.', sop: 'Tim koordinasi meninjau arsitektur setiap Maret.', evidence: [{ title: 'Perbup Arsitektur SPBE', kind: 'regulation' }] },
      session: s.sumedangSpbe,
    });
    expect(own.status, own.raw).toBe(200);
    expect(own.body).toMatchObject({ adoptedFrom: null, evidence: [{ title: 'Perbup Arsitektur SPBE', kind: 'regulation', description: '' }] });
    const unknown = await h.api('PUT', `/api/regions/${SUMEDANG}/spbe/practices/spbe-2020/999`, { body: { note: 'x' }, session: s.sumedangSpbe });
    expect(unknown.body.error.code).toBe('spbe.indicator_not_found');
    const published = await h.api('POST', `/api/regions/${SUMEDANG}/livinglab/solutions/${solutionId}/publish`, { body: { changelog: 'Ditambah indikator 1.' }, session: s.officer });
    expect(published.status, published.raw).toBeLessThan(300);
    const tagged = await h.api('GET', `/api/livinglab/solutions?tag=${encodeURIComponent(`spbe.indicator:spbe-2020/${i1}`)}`);
    expect(tagged.body.items.map((x: { id: string }) => x.id)).toContain(solutionId);
  });

  it('previews in Garut: its own practice is a change with both values, the other an add; adopting takes only the chosen line', async () => {
    const mine = 'Garut mengelola pengaduan lewat SP4N-LAPOR! dengan petugas penghubung di setiap dinas.';
    expect((await h.api('PUT', `/api/regions/${GARUT}/spbe/practices/spbe-2020/${i44}`, { body: { note: mine }, session: s.garutSpbe })).status).toBe(200);
    const preview = await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions/preview`, { body: { solutionId }, session: s.garut });
    expect(preview.status, preview.raw).toBe(200);
    const line = (k: string) => preview.body.changes.find((c: { key: string }) => c.key === `practice:spbe-2020/${k}`);
    expect(line(i1).kind).toBe('add');
    expect(line(i44).kind).toBe('change');
    expect(line(i44).fields.find((f: { field: string }) => f.field === 'note')).toMatchObject({ ours: mine, theirs: expect.stringMatching(/Pamong/) });
    expect(preview.body.units).toEqual([]);
    const sumedangBefore = await practices(SUMEDANG);
    const adopted = await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions`, { body: { solutionId, version: 2, unitMap: {}, take: [line(i1).key] }, session: s.garut });
    expect(adopted.status, adopted.raw).toBe(201);
    expect(adopted.body.applied).toBe(1);
    const garut = await practices(GARUT);
    expect(garut.find((p) => p.indicator_code === i44)?.note).toBe(mine); // not taken: kept
    expect(garut.find((p) => p.indicator_code === i1)?.adopted_from?.code).toBe(SUMEDANG);
    expect(await practices(SUMEDANG)).toEqual(sumedangBefore);
    // Only Garut was written.
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from spbe_practices where region_code not in (${GARUT}, ${SUMEDANG})`);
    expect(n).toBe(0);
    const again = await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions/preview`, { body: { solutionId }, session: s.garut });
    expect(again.body.changes.find((c: { key: string }) => c.key === `practice:spbe-2020/${i1}`).kind).toBe('same');
  });

  it('shows the adopted practice in Garut\'s SPBE screens next to the indicator, with the checklist to prepare', async () => {
    const list = await h.api('GET', `/api/regions/${GARUT}/spbe/practices?framework=spbe-2020&indicator=${i1}`, { session: s.garutSpbe });
    expect(list.status, list.raw).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      indicator: i1, adoptedFrom: { code: SUMEDANG }, sop: 'Tim koordinasi meninjau arsitektur setiap Maret.',
      evidence: [{ title: 'Perbup Arsitektur SPBE', kind: 'regulation' }], indicatorName: expect.stringMatching(/^indikator 1\./),
    });
    // Another region's staff do not read Garut's practices.
    expect((await h.api('GET', `/api/regions/${GARUT}/spbe/practices`, { session: s.sumedangSpbe })).status).toBe(403);
  });

  it('refuses a package naming an indicator this installation lacks, or one indicator twice: nothing written', async () => {
    const file = JSON.parse((await h.api('GET', `/api/livinglab/solutions/${solutionId}/versions/2/package`)).raw);
    const before = await practices(GARUT);
    const p = file.content.practices[0];
    const unknown = { ...file, content: { ...file.content, practices: [...file.content.practices, { ...p, indicator: 'X99' }] } };
    const refused = await h.api('POST', `/api/regions/${GARUT}/livinglab/imports/preview`, { body: { file: unknown }, session: s.garut });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('spbe.package_indicator_unknown');
    const twice = { ...file, content: { ...file.content, practices: [...file.content.practices, { ...p, note: 'lagi' }] } };
    const keys = file.content.practices.map((x: { framework: string; indicator: string }) => `practice:${x.framework}/${x.indicator}`);
    const refusedTwice = await h.api('POST', `/api/regions/${GARUT}/livinglab/imports`, { body: { file: twice, unitMap: {}, take: keys }, session: s.garut });
    expect(refusedTwice.status).toBe(422);
    expect(refusedTwice.body.error.code).toBe('spbe.package_invalid');
    expect(await practices(GARUT)).toEqual(before);
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from livinglab_adoptions where region_code = ${GARUT} and solution_id is null`);
    expect(n).toBe(0);
  });
});
