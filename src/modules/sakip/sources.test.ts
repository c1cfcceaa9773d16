// Realisations taken from another module's measure: the SPBE index from the
// region's recorded SPBE result, the share of complaints answered on time as
// the complaints dashboard counts it; each through the same rules as a typed
// realisation, and refused clearly where the source cannot answer.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';

const R = '/api/regions/32.11';
const S = `${R}/sakip`;

describeWithApp('SAKIP realisations from other modules', (h) => {
  const s: Record<string, Session> = {};
  let rpjmd = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const [k, email] of Object.entries({ coordinator: 'sakip@sumedang.demo', dinkes: 'perencana.dinkes@sumedang.demo', head: 'bupati@sumedang.demo' })) s[k] = await h.signIn(email);
    rpjmd = (await h.api('GET', `${S}/plans`, { session: s.coordinator })).body.find((p: any) => p.kind === 'rpjmd').id;
    for (const r of (await h.api('GET', `${S}/plans/${rpjmd}/table`, { session: s.coordinator })).body.rows) if (r.indicator) ids[r.indicator.name] = r.indicator.id;
  });
  const fromSource = (indicator: string, period: string, who: Session, body?: unknown) =>
    h.api('POST', `${S}/plans/${rpjmd}/indicators/${ids[indicator]}/realisations/${period}/from-source`, { session: who, ...(body ? { body } : {}) });

  it('lists what the modules measure, and the indicators that take from them name it', async () => {
    const measures = (await h.api('GET', `${R}/measures`, { session: s.coordinator })).body;
    expect(measures.map((m: any) => [m.ref, m.periods])).toEqual([['complaints.responded-in-time', ['year', 'quarter', 'month']], ['spbe.index', ['year']], ['layanan.decided-on-time', ['year', 'quarter', 'month']], ['layanan.skm', ['year', 'quarter', 'month']]]);
    const fields = (await h.api('GET', `${S}/plans/${rpjmd}/table`, { session: s.coordinator })).body.rows.filter((r: any) => r.indicator?.source).map((r: any) => [r.indicator.name, r.indicator.source]);
    expect(fields).toEqual([['Indeks SPBE', 'spbe.index'], ['Persentase pengaduan yang ditanggapi tepat waktu', 'complaints.responded-in-time']]);
  });

  it('takes the year\'s SPBE index as recorded by the SPBE module; a closed year needs the coordinator\'s reason', async () => {
    const [recorded] = await h.ctx.database.rows<{ index: string }>(sql`select index::text as index from spbe_results where region_code = '32.11' and year = 2025`);
    const refused = await fromSource('Indeks SPBE', '2025', s.coordinator);
    expect([refused.status, refused.body.error.code]).toEqual([400, 'sakip.correction_reason_required']);
    const taken = await fromSource('Indeks SPBE', '2025', s.coordinator, { reason: 'Diselaraskan dengan hasil SPBE yang tercatat' });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body.value).toBe(recorded.index);
    expect(taken.body.note).toMatch(/^Diambil otomatis dari Indeks SPBE: /);
    // The SPBE index is yearly: a quarter cannot be taken from it; 2026 has no result yet.
    const quarter = await fromSource('Indeks SPBE', '2026-Q1', s.coordinator);
    expect([quarter.status, quarter.body.error.code]).toEqual([409, 'sakip.source_period_unsupported']);
    const none = await fromSource('Indeks SPBE', '2026', s.coordinator);
    expect([none.status, none.body.error.code]).toEqual([409, 'sakip.source_no_value']);
  });

  it('refuses an unknown source and a typed indicator\'s taking, and saves nothing', async () => {
    const draft = (await h.api('POST', `${S}/plans`, { session: s.coordinator, body: { kind: 'rpjmd', startYear: 2030, title: 'RPJMD 2030–2034' } })).body.id;
    const goal = (await h.api('POST', `${S}/plans/${draft}/nodes`, { session: s.coordinator, body: { kind: 'vision', parentId: null, title: 'Visi' } })).body.id;
    const bad = await h.api('POST', `${S}/plans/${draft}/nodes/${goal}/indicators`, { session: s.coordinator, body: { name: 'Indeks palsu', polarity: 'higher_is_better', source: 'spbe.tidak-ada' } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'sakip.source_unknown']);
    const table = (await h.api('GET', `${S}/plans/${draft}/table`, { session: s.coordinator })).body;
    expect(table.rows.filter((r: any) => r.indicator)).toEqual([]);
    const typed = await fromSource('Tingkat kemiskinan', '2026', s.coordinator);
    expect([typed.status, typed.body.error.code]).toEqual([409, 'sakip.source_missing']);
  });
  it('takes a quarter\'s share of complaints answered on time, as the complaints are answered and the dashboard counts them', async () => {
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    const triage = await h.signIn('koordinator@sumedang.demo');
    const road = (await h.api('GET', `${R}/categories`)).body.find((c: any) => c.code === 'jalan-rusak').id;
    const pupr = (await h.api('GET', `${R}/units`, { session: triage })).body.find((u: any) => u.code === 'PUPR').id;
    const filed: string[] = [];
    for (const place of ['Jalan Prabu Geusan Ulun', 'Jalan Mayor Abdurahman', 'Jalan Kutamaya']) {
      const res = await h.api('POST', `${R}/complaints`, { body: { categoryId: road, description: `Jalan berlubang di ${place}, mohon ditambal`, answers: { tingkat_kerusakan: 'sedang' } } });
      expect(res.status).toBe(201);
      filed.push(res.body.id);
    }
    const act = async (who: Session, id: string, body: unknown) => expect((await h.api('POST', `${R}/complaints/${id}/actions`, { session: who, body })).status).toBe(200);
    for (const id of filed) await act(triage, id, { action: 'dispatch', unitId: pupr });
    h.clock.advanceHours(3);
    await act(officer, filed[0], { action: 'respond', message: 'Tim menuju lokasi' });
    await act(officer, filed[1], { action: 'respond', message: 'Kami jadwalkan penambalan' });
    h.clock.advanceHours(60); // past the third one's response deadline
    await act(await h.signIn('petugas.pupr@sumedang.demo'), filed[2], { action: 'respond', message: 'Maaf terlambat, kami cek' });
    // Two of three answered in time: 66.666… %, half up to 66.67, as the dashboard counts them.
    const coordinator = await h.signIn('sakip@sumedang.demo');
    const totals = (await h.api('GET', `${R}/dashboard?from=2026-10&to=2026-12`, { session: await h.signIn('bupati@sumedang.demo') })).body.totals;
    expect([totals.responded, totals.respondedInTime]).toEqual([3, 2]);
    const stranger = await fromSource('Persentase pengaduan yang ditanggapi tepat waktu', '2026-Q4', await h.signIn('perencana.dinkes@sumedang.demo'));
    expect([stranger.status, stranger.body.error.code]).toEqual([403, 'sakip.not_your_unit']);
    const taken = await fromSource('Persentase pengaduan yang ditanggapi tepat waktu', '2026-Q4', coordinator);
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body.value).toBe('66.67');
    expect(taken.body.note).toMatch(/^Diambil otomatis dari Pengaduan ditanggapi tepat waktu: /);
  });
});
