// The internal AKIP evaluation through the API: units answer their kriteria,
// the Inspektorat's evaluator gives each sub-komponen its letter, the score
// and predicate come out as the 88/2021 worksheet defines them (exactly 90 is
// A, not AA), a final evaluation is read-only while its recommendations are
// followed up to closure; KemenPANRB's results with their predicate; and the
// province comparing its kabupaten/kota, nobody else's.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { enableRegion } from '../../platform/regions/service.js';

const R = '/api/regions/32.11/sakip';

describeWithApp('SAKIP internal AKIP evaluation', (h) => {
  const s: Record<string, Session> = {};
  const unitId: Record<string, string> = {};
  const auditActions = async (id: string) => (await h.ctx.database.rows<{ action: string }>(sql`select action from audit_log where region_code = '32.11' and entity_id = ${id} order by at, id`)).map((r) => r.action);

  beforeAll(async () => {
    for (const [k, email] of Object.entries({
      evaluator: 'evaluator@sumedang.demo', coordinator: 'sakip@sumedang.demo', dinkes: 'perencana.dinkes@sumedang.demo', kominfo: 'perencana.kominfo@sumedang.demo',
      unitHead: 'kepala.pupr@sumedang.demo', bupati: 'bupati@sumedang.demo', province: 'sakip@jabarprov.demo', governor: 'gubernur@jabarprov.demo', admin: 'admin@pamong.demo',
    })) s[k] = await h.signIn(email);
    for (const u of (await h.api('GET', '/api/regions/32.11/units', { session: s.coordinator })).body) unitId[u.code] = u.id;
  });

  const open = async (year: number, units: string[]) => {
    const res = await h.api('POST', `${R}/evaluations`, { session: s.evaluator, body: { year, unitIds: units.map((u) => unitId[u]) } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const E = (id: string) => `${R}/evaluations/${id}`;
  const status = (id: string, to: string) => h.api('PUT', `${E(id)}/status`, { session: s.evaluator, body: { status: to } });
  const subComponents = (view: any): string[] => view.components.flatMap((c: any) => c.subComponents.map((x: any) => x.code));

  it('has the demo\'s final 2025 evaluation with its score, predicate and a closed recommendation', async () => {
    const list = (await h.api('GET', `${R}/evaluations`, { session: s.bupati })).body;
    const demo = list.find((e: any) => e.year === 2025);
    expect(demo).toMatchObject({ status: 'final', score: '77.30', predicate: { code: 'BB' } });
    const view = (await h.api('GET', E(demo.id), { session: s.unitHead })).body;
    expect(view.final.score).toBe('77.30');
    expect(view.score).toMatchObject({ complete: true, total: '77.30', predicate: { code: 'BB' } });
    expect(view.recommendations.map((r: any) => r.status)).toEqual(['in_progress', 'open', 'done']);
    expect(view.recommendations[2].followUps.map((f: any) => f.status)).toEqual(['in_progress', 'done']);
  });

  it('lets a unit answer its kriteria with evidence, the evaluator score every sub-komponen, and exactly 90 is A, not AA', async () => {
    const created = await open(2026, ['DINKES', 'DISKOMINFO']);
    expect(created.status).toBe('draft');
    expect(created.worksheetVersion).toBe('permenpanrb-88-2021');
    expect(created.units.map((u: any) => u.code)).toEqual(['DINKES', 'DISKOMINFO']);
    const id = created.id;
    const answers = { answers: [{ criterion: '1.a.1', answer: 'Y', evidence: 'https://contoh.test/renstra.pdf' }, { criterion: '1.a.2', answer: 'T', evidence: 'Belum ada' }] };
    // Not before the evaluator opens it for answers.
    expect((await h.api('PUT', `${E(id)}/units/${unitId.DINKES}/answers`, { session: s.dinkes, body: answers })).body.error.code).toBe('sakip.evaluation_status');
    expect((await status(id, 'answering')).status).toBe(200);
    const answered = await h.api('PUT', `${E(id)}/units/${unitId.DINKES}/answers`, { session: s.dinkes, body: answers });
    expect(answered.status).toBe(200);
    const criterion = answered.body.components[0].subComponents[0].criteria[0];
    expect(criterion.answers).toMatchObject([{ unitId: unitId.DINKES, answer: 'Y', evidence: 'https://contoh.test/renstra.pdf', by: 'perencana.dinkes@sumedang.demo' }]);
    expect(answered.body.units.find((u: any) => u.code === 'DINKES').answered).toBe(2);
    // Another unit's planner, an answer outside the scheme, a kriteria not on the worksheet: refused, nothing kept.
    const refused = [
      [await h.api('PUT', `${E(id)}/units/${unitId.DINKES}/answers`, { session: s.kominfo, body: answers }), 403, 'sakip.not_your_unit'],
      [await h.api('PUT', `${E(id)}/units/${unitId.DINKES}/answers`, { session: s.dinkes, body: { answers: [{ criterion: '1.a.3', answer: 'YA' }] } }), 400, 'sakip.answer_invalid'],
      [await h.api('PUT', `${E(id)}/units/${unitId.DINKES}/answers`, { session: s.dinkes, body: { answers: [{ criterion: '9.z.1', answer: 'Y' }] } }), 400, 'sakip.criterion_unknown'],
      [await h.api('PUT', `${E(id)}/units/${unitId.PUPR}/answers`, { session: s.coordinator, body: answers }), 404, 'sakip.unit_not_evaluated'],
      [await h.api('PUT', `${E(id)}/reviews/1.a`, { session: s.evaluator, body: { letter: 'A' } }), 409, 'sakip.evaluation_status'],
    ] as const;
    for (const [res, code, error] of refused) expect([res.status, res.body.error?.code]).toEqual([code, error]);
    expect((await h.api('GET', E(id), { session: s.evaluator })).body.units.find((u: any) => u.code === 'DINKES').answered).toBe(2);

    expect((await status(id, 'reviewing')).status).toBe(200);
    // The units' answers are closed while the evaluators review.
    expect((await h.api('PUT', `${E(id)}/units/${unitId.DINKES}/answers`, { session: s.dinkes, body: answers })).body.error.code).toBe('sakip.evaluation_status');
    expect((await h.api('PUT', `${E(id)}/reviews/1.a`, { session: s.dinkes, body: { letter: 'AA' } })).status).toBe(403);
    expect((await h.api('PUT', `${E(id)}/reviews/1.a`, { session: s.evaluator, body: { letter: 'Z' } })).body.error.code).toBe('sakip.letter_invalid');
    let view: any;
    for (const code of subComponents(created)) {
      const res = await h.api('PUT', `${E(id)}/reviews/${code}`, { session: s.evaluator, body: { letter: 'A', note: `Catatan ${code}` } });
      expect(res.status).toBe(200);
      view = res.body;
      if (code === '1.a') expect(view.score).toMatchObject({ complete: false, total: null, missing: subComponents(created).slice(1) });
    }
    // Every sub-komponen at A (90 % of its weight): 90.00, on the boundary, and the band above 90 is AA, so A.
    expect(view.score).toMatchObject({ complete: true, total: '90.00', predicate: { code: 'A' } });
    expect(view.components.map((c: any) => c.score)).toEqual(['27.00', '27.00', '13.50', '22.50']);
    expect(view.components[0].subComponents[0]).toMatchObject({ letter: 'A', note: 'Catatan 1.a', score: '5.40' });
    // One letter up (4.c to AA: +1.25) crosses into AA.
    view = (await h.api('PUT', `${E(id)}/reviews/4.c`, { session: s.evaluator, body: { letter: 'AA', note: 'Inovatif' } })).body;
    expect(view.score).toMatchObject({ total: '91.25', predicate: { code: 'AA' } });
    view = (await h.api('PUT', `${E(id)}/reviews/4.c`, { session: s.evaluator, body: { letter: 'A', note: 'Catatan 4.c' } })).body;

    const rec = await h.api('POST', `${E(id)}/recommendations`, { session: s.evaluator, body: { text: 'Lengkapi bukti kriteria 1.a.2', subComponent: '1.a', unitId: unitId.DINKES } });
    expect(rec.status).toBe(201);
    await h.api('POST', `${E(id)}/recommendations`, { session: s.evaluator, body: { text: 'Kaitkan anggaran dengan sasaran' } });
    expect((await h.api('PATCH', E(id), { session: s.evaluator, body: { notes: 'Baik, perlu penguatan' } })).status).toBe(200);
    const final = await status(id, 'final');
    expect(final.status).toBe(200);
    expect(final.body.final).toMatchObject({ score: '90.00', predicate: { code: 'A' }, by: 'evaluator@sumedang.demo' });
    expect((await auditActions(id)).filter((a) => a.startsWith('sakip.evaluation_'))).toEqual(expect.arrayContaining(['sakip.evaluation_open', 'sakip.evaluation_answer', 'sakip.evaluation_review', 'sakip.evaluation_final']));

    // Final is read-only: answers, letters, notes, recommendations and the stage stay as they are.
    const frozen = [
      await h.api('PUT', `${E(id)}/reviews/1.a`, { session: s.evaluator, body: { letter: 'AA' } }),
      await h.api('PATCH', E(id), { session: s.evaluator, body: { notes: 'Diubah' } }),
      await h.api('POST', `${E(id)}/recommendations`, { session: s.evaluator, body: { text: 'Terlambat' } }),
      await h.api('PUT', `${E(id)}/units/${unitId.DINKES}/answers`, { session: s.dinkes, body: answers }),
      await status(id, 'reviewing'),
    ];
    for (const res of frozen) expect([res.status, res.body.error?.code]).toEqual([409, 'sakip.evaluation_final']);
    const after = (await h.api('GET', E(id), { session: s.evaluator })).body;
    expect(after.notes).toBe('Baik, perlu penguatan');
    expect(after.recommendations).toHaveLength(2);
    expect(after.final.score).toBe('90.00');
  });

  it('refuses to finalise before every sub-komponen has its letter, and one evaluation per year', async () => {
    const { id } = await open(2027, ['DINKES']);
    expect((await h.api('POST', `${R}/evaluations`, { session: s.evaluator, body: { year: 2027 } })).body.error.code).toBe('sakip.evaluation_exists');
    expect((await h.api('POST', `${R}/evaluations`, { session: s.coordinator, body: { year: 2028 } })).status).toBe(403);
    await status(id, 'answering');
    await status(id, 'reviewing');
    await h.api('PUT', `${E(id)}/reviews/2.b`, { session: s.evaluator, body: { letter: 'B' } });
    const res = await status(id, 'final');
    expect([res.status, res.body.error.code]).toEqual([409, 'sakip.evaluation_incomplete']);
    expect(res.body.error.details.missing).toHaveLength(11);
    expect((await h.api('GET', E(id), { session: s.evaluator })).body.status).toBe('reviewing');
  });

  it('follows a recommendation up to closure: the unit reports progress, only the evaluator closes it', async () => {
    const list = (await h.api('GET', `${R}/evaluations`, { session: s.evaluator })).body;
    const { id } = list.find((e: any) => e.year === 2026);
    const view = (await h.api('GET', E(id), { session: s.evaluator })).body;
    const forDinkes = view.recommendations.find((r: any) => r.unit?.code === 'DINKES');
    const forRegion = view.recommendations.find((r: any) => r.unit === null);
    const F = (rec: any) => `${E(id)}/recommendations/${rec.id}/follow-ups`;
    expect((await h.api('POST', F(forDinkes), { session: s.kominfo, body: { status: 'in_progress', note: 'Bukan urusan kami' } })).body.error.code).toBe('sakip.not_your_unit');
    expect((await h.api('POST', F(forRegion), { session: s.dinkes, body: { status: 'in_progress', note: 'x' } })).body.error.code).toBe('sakip.not_your_unit');
    expect((await h.api('POST', F(forDinkes), { session: s.dinkes, body: { status: 'done', note: 'Sudah' } })).body.error.code).toBe('sakip.follow_up_invalid');
    expect((await h.api('POST', F(forDinkes), { session: s.dinkes, body: { status: 'in_progress', note: 'Bukti 1.a.2 sedang dikumpulkan' } })).status).toBe(201);
    expect((await h.api('POST', F(forDinkes), { session: s.dinkes, body: { status: 'in_progress', note: 'SK tim SAKIP diunggah ke arsip' } })).status).toBe(201);
    const closed = await h.api('POST', F(forDinkes), { session: s.evaluator, body: { status: 'done', note: 'Diperiksa: bukti lengkap' } });
    expect(closed.status).toBe(201);
    const rec = closed.body.recommendations.find((r: any) => r.id === forDinkes.id);
    expect(rec.status).toBe('done');
    expect(rec.followUps.map((f: any) => [f.status, f.by])).toEqual([
      ['in_progress', 'perencana.dinkes@sumedang.demo'], ['in_progress', 'perencana.dinkes@sumedang.demo'], ['done', 'evaluator@sumedang.demo'],
    ]);
    // Closed stays closed for the unit; the evaluator may reopen it.
    expect((await h.api('POST', F(forDinkes), { session: s.dinkes, body: { status: 'in_progress', note: 'lagi' } })).body.error.code).toBe('sakip.follow_up_invalid');
    // Before the evaluation is final there is no follow-up.
    const draft = (await h.api('GET', `${R}/evaluations`, { session: s.evaluator })).body.find((e: any) => e.year === 2027);
    const rec2027 = await h.api('POST', `${E(draft.id)}/recommendations`, { session: s.evaluator, body: { text: 'Rekomendasi draf' } });
    const early = await h.api('POST', `${E(draft.id)}/recommendations/${rec2027.body.recommendations[0].id}/follow-ups`, { session: s.coordinator, body: { status: 'in_progress', note: 'x' } });
    expect([early.status, early.body.error.code]).toEqual([409, 'sakip.evaluation_status']);
  });

  it('records KemenPANRB\'s result with its predicate from the bands: exactly 90 is A, above is AA', async () => {
    const put = (session: Session, year: number, score: unknown) => h.api('PUT', `${R}/official-results/${year}`, { session, body: { score, source: 'Surat MenPANRB' } });
    expect((await put(s.coordinator, 2019, '90')).body).toMatchObject({ year: 2019, score: '90.00', predicate: { code: 'A' }, worksheetVersion: 'permenpanrb-88-2021' });
    expect((await put(s.coordinator, 2019, '90.01')).body.predicate.code).toBe('AA');
    expect((await put(s.coordinator, 2020, 30)).body.predicate.code).toBe('D');
    expect((await put(s.admin, 2021, '50.5')).body).toMatchObject({ score: '50.50', predicate: { code: 'CC' } });
    for (const bad of ['100.01', '72.355', '-1', 'tujuh']) expect((await put(s.coordinator, 2022, bad)).body.error?.code, bad).toBe('sakip.score_invalid');
    expect((await put(s.evaluator, 2022, '70')).status).toBe(403);
    expect((await put(s.province, 2022, '70')).status).toBe(403);
    const list = (await h.api('GET', `${R}/official-results`, { session: s.bupati })).body;
    expect(list.map((r: any) => [r.year, r.score, r.predicate.code])).toEqual([
      [2019, '90.01', 'AA'], [2020, '30.00', 'D'], [2021, '50.50', 'CC'], [2023, '68.52', 'B'], [2024, '71.40', 'BB'], [2025, '74.15', 'BB'],
    ]);
  });

  it('lets the province compare its kabupaten/kota with trends and IKU met; nobody else', async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, '32.73');
      await enableRegion(tx, '33');
      await enableRegion(tx, '33.74');
    });
    // Kota Bandung's results, recorded by a platform admin; Kota Semarang's are another province's.
    for (const [year, score] of [[2024, '78.25'], [2025, '80.62']] as const) {
      expect((await h.api('PUT', `/api/regions/32.73/sakip/official-results/${year}`, { session: s.admin, body: { score } })).status).toBe(200);
    }
    expect((await h.api('PUT', '/api/regions/33.74/sakip/official-results/2025', { session: s.admin, body: { score: '85.00' } })).status).toBe(200);
    const res = await h.api('GET', '/api/regions/32/sakip/province-comparison?from=2023&to=2025&targetsYear=2025', { session: s.province });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.years).toEqual([2023, 2024, 2025]);
    expect(body.regions.map((r: any) => r.code)).toEqual(['32.11', '32.73']);
    const [sumedang, bandung] = body.regions;
    expect(sumedang.latest).toMatchObject({ year: 2025, source: 'official', score: '74.15', predicate: { code: 'BB' } });
    expect(sumedang.change).toBe('2.75');
    expect(sumedang.trend.map((t: any) => t.official?.score ?? null)).toEqual(['68.52', '71.40', '74.15']);
    // The internal evaluation stands beside the official one.
    expect(sumedang.trend[2].internal).toMatchObject({ score: '77.30', predicate: { code: 'BB' } });
    const overview = (await h.api('GET', `${R}/overview?year=2025`, { session: s.coordinator })).body;
    expect(sumedang.targets).toMatchObject({ year: 2025, met: overview.iku.met, withTarget: overview.iku.withTarget });
    expect(Number(sumedang.targets.percent)).toBeCloseTo((overview.iku.met / overview.iku.withTarget) * 100, 2);
    expect(bandung).toMatchObject({ latest: { year: 2025, score: '80.62', predicate: { code: 'A' } }, change: '2.37', targets: { withTarget: 0, percent: null } });
    expect(bandung.trend[0]).toEqual({ year: 2023, official: null, internal: null });
    // The governor's office reads it too.
    expect((await h.api('GET', '/api/regions/32/sakip/province-comparison', { session: s.governor })).status).toBe(200);
    // Not another province's, not a kabupaten's staff on their province, not on a kabupaten.
    const victim = (await h.api('GET', '/api/regions/33.74/sakip/official-results', { session: s.admin })).body;
    expect(victim).toHaveLength(1);
    expect((await h.api('GET', '/api/regions/33/sakip/province-comparison', { session: s.province })).status).toBe(403);
    expect((await h.api('GET', '/api/regions/33.74/sakip/official-results', { session: s.province })).status).toBe(403);
    expect((await h.api('GET', '/api/regions/32/sakip/province-comparison', { session: s.coordinator })).status).toBe(403);
    const onRegency = await h.api('GET', `${R}/province-comparison`, { session: s.coordinator });
    expect([onRegency.status, onRegency.body.error.code]).toEqual([400, 'sakip.not_province']);
    // A Sumedang evaluation's id under another region answers nothing.
    const sumedang2025 = (await h.api('GET', `${R}/evaluations`, { session: s.evaluator })).body.find((e: any) => e.year === 2025);
    expect((await h.api('GET', `/api/regions/32.73/sakip/evaluations/${sumedang2025.id}`, { session: s.admin })).status).toBe(404);
    expect((await h.api('GET', `/api/regions/32.73/sakip/evaluations/${sumedang2025.id}`, { session: s.evaluator })).status).toBe(403);
    expect((await h.api('PUT', `/api/regions/32.73/sakip/official-results/2025`, { session: s.coordinator, body: { score: '10' } })).status).toBe(403);
  });
});
