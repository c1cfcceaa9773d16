// Coaching (pendampingan): Sumedang's Living Lab officer runs a programme
// for Kabupaten Bandung and Garut on its published complaint categories,
// sets Bandung an SPBE index target and plans its sessions and tasks; the
// progress reads Bandung's own SPBE results. Bandung's pilot coordinator
// sees its own record only, marks a task done, adds a note and evidence;
// Garut's sees nothing of Bandung's; the province's curator sees the cohort;
// a foreign officer with Sumedang's ids in its own region's URL gets nothing.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { multipart } from '../../../test/support/multipart.js';
import { enableRegion } from '../../platform/regions/service.js';

const SUMEDANG = '32.11';
const BANDUNG = '32.04';
const GARUT = '32.05';
const KOTA_BANDUNG = '32.73';
const M = `/api/regions/${SUMEDANG}/livinglab/coaching`;
const B = `/api/regions/${BANDUNG}/livinglab/coaching`;
const G = `/api/regions/${GARUT}/livinglab/coaching`;
const PERKADA = 'Perkada Arsitektur SPBE ditetapkan';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describeWithApp('Living Lab: coaching programmes', (h) => {
  const s: Record<string, Session> = {};
  let solutionId = '';

  beforeAll(async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      for (const code of [BANDUNG, GARUT, KOTA_BANDUNG]) await enableRegion(tx, code);
    });
    // Bandung's own SPBE results: 3.00 the year before the programme, 3.30 since.
    for (const [year, index] of [[2025, '3.00'], [2026, '3.30']] as const) {
      await h.ctx.database.rows(sql`insert into spbe_results (region_code, year, framework_code, index, source, published, recorded_at) values (${BANDUNG}, ${year}, 'spbe-2020', ${index}, 'import', true, now())`);
    }
    [{ id: solutionId }] = await h.ctx.database.rows<{ id: string }>(sql`select id from livinglab_solutions where region_code = ${SUMEDANG} and latest_version is not null order by title limit 1`);
    s.mentor = await h.signIn('livinglab@sumedang.demo');
    s.curator = await h.signIn('kurator@jabarprov.demo');
    s.bandung = await h.sessionWithRole(BANDUNG, 'livinglab_pilot_coordinator', 'pendampingan@bandungkab.test');
    s.garut = await h.sessionWithRole(GARUT, 'livinglab_pilot_coordinator', 'pendampingan@garutkab.test');
    s.foreign = await h.sessionWithRole(KOTA_BANDUNG, 'livinglab_officer', 'livinglab@bandung.test');
    s.head = await h.sessionWithRole(SUMEDANG, 'head_of_region', 'bupati@sumedang.test');
  });

  const programme = { title: 'Pendampingan SPBE Jawa Barat', purpose: 'Menaikkan indeks SPBE daerah dampingan', startDate: '2026-01-01', endDate: '2026-12-31', status: 'draft', pilotRegions: [BANDUNG, GARUT] };
  let programmeId = '';
  let bandungPilot = '';
  let garutPilot = '';

  it('refuses a cohort with a region that is not on the instance, the mentor itself, or a solution not its own, saving nothing', async () => {
    const unknown = await h.api('POST', `${M}/programmes`, { body: { ...programme, pilotRegions: [BANDUNG, '32.99'] }, session: s.mentor });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('livinglab.coaching_region_unknown');
    expect(JSON.stringify(unknown.body.error)).toContain('32.99');
    expect((await h.api('POST', `${M}/programmes`, { body: { ...programme, pilotRegions: [SUMEDANG] }, session: s.mentor })).body.error.code).toBe('livinglab.coaching_own_region');
    const foreignSolution = await h.api('POST', `${M}/programmes`, { body: { ...programme, solutionIds: ['00000000-0000-4000-8000-000000000000'] }, session: s.mentor });
    expect(foreignSolution.body.error.code).toBe('livinglab.coaching_solution_unknown');
    expect((await h.api('POST', `${M}/programmes`, { body: { ...programme, endDate: '2025-12-31' }, session: s.mentor })).status).toBe(400);
    // Leaders read; they do not run programmes.
    expect((await h.api('POST', `${M}/programmes`, { body: programme, session: s.head })).status).toBe(403);
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from livinglab_coaching_programmes`);
    expect(n).toBe(0);
  });

  it('creates the programme with its cohort; the pilots do not see it while it is a draft', async () => {
    const made = await h.api('POST', `${M}/programmes`, { body: { ...programme, solutionIds: [solutionId] }, session: s.mentor });
    expect(made.status, made.raw).toBe(201);
    programmeId = made.body.id;
    expect(made.body.pilots.map((p: { regionCode: string }) => p.regionCode)).toEqual([BANDUNG, GARUT]);
    expect(made.body.solutions.map((x: { id: string }) => x.id)).toEqual([solutionId]);
    bandungPilot = made.body.pilots[0].id;
    garutPilot = made.body.pilots[1].id;
    expect((await h.api('GET', `${B}/programmes`, { session: s.bandung })).body.piloting).toEqual([]);
    expect((await h.api('GET', `${B}/pilots/${bandungPilot}`, { session: s.bandung })).status).toBe(404);
    expect((await h.api('PUT', `${M}/programmes/${programmeId}`, { body: { ...programme, solutionIds: [solutionId], status: 'active' }, session: s.mentor })).status).toBe(200);
    const list = await h.api('GET', `${B}/programmes`, { session: s.bandung });
    expect(list.body).toMatchObject({ mentoring: [], piloting: [{ pilotId: bandungPilot, title: programme.title, mentorRegion: SUMEDANG, status: 'active' }] });
    expect((await h.api('GET', `${M}/programmes`, { session: s.mentor })).body.mentoring).toEqual([expect.objectContaining({ id: programmeId, pilots: 2 })]);
  });

  it('sets goals, plans sessions and tasks; a goal without its target is refused', async () => {
    const noTarget = await h.api('PUT', `${M}/pilots/${bandungPilot}/goals`, { body: { goals: [{ kind: 'spbe_index', year: 2026 }] }, session: s.mentor });
    expect(noTarget.status).toBe(400);
    expect(noTarget.body.error.code).toBe('request.invalid');
    expect((await h.api('PUT', `${M}/pilots/${bandungPilot}/goals`, { body: { goals: [{ kind: 'spbe_index', target: '7', year: 2026 }] }, session: s.mentor })).status).toBe(400);
    const goals = [{ kind: 'spbe_index', target: '3.60', year: 2026 }, { kind: 'text', text: 'Perkada Arsitektur SPBE ditetapkan', done: false }];
    expect((await h.api('PUT', `${M}/pilots/${bandungPilot}/goals`, { body: { goals }, session: s.mentor })).status).toBe(200);
    for (const [date, topic] of [['2026-02-10', 'Pemetaan kondisi awal SPBE'], ['2026-12-01', 'Reviu dokumen arsitektur']]) {
      const made = await h.api('POST', `${M}/pilots/${bandungPilot}/sessions`, { body: { date, topic, mode: 'online', place: 'https://meet.example/spbe' }, session: s.mentor });
      expect(made.status, made.raw).toBe(201);
    }
    for (const title of ['Susun rancangan Perkada Arsitektur SPBE', 'Unggah katalog aplikasi']) {
      expect((await h.api('POST', `${M}/pilots/${bandungPilot}/tasks`, { body: { title, dueDate: '2026-12-15' }, session: s.mentor })).status).toBe(201);
    }
    await h.api('POST', `${M}/pilots/${garutPilot}/tasks`, { body: { title: 'Tugas rahasia Garut' }, session: s.mentor });
    // The pilot does not set its own goals or tasks.
    expect((await h.api('POST', `${B}/pilots/${bandungPilot}/tasks`, { body: { title: 'Tugas sendiri' }, session: s.bandung })).status).toBe(403);
  });

  it('shows progress against the SPBE goal from the pilot\'s own SPBE data', async () => {
    const seen = await h.api('GET', `${M}/programmes/${programmeId}`, { session: s.mentor });
    expect(seen.status, seen.raw).toBe(200);
    const bandung = seen.body.pilots.find((p: { regionCode: string }) => p.regionCode === BANDUNG);
    expect(bandung.goals[0]).toMatchObject({ kind: 'spbe_index', target: '3.60', baseline: { year: 2025, value: '3.00' }, latest: { year: 2026, value: '3.30' }, percent: 50, reached: false });
    expect(bandung.goals[1]).toMatchObject({ kind: 'text', percent: 0, reached: false });
    // Held: the February session (today is November 2026); the December one is still planned.
    expect(bandung).toMatchObject({ tasksDone: 0, tasksTotal: 2, sessionsHeld: 1, sessionsPlanned: 2 });
    // Garut has no SPBE data: its goal's progress stays unknown, not zero.
    await h.api('PUT', `${M}/pilots/${garutPilot}/goals`, { body: { goals: [{ kind: 'spbe_index', target: '3.00', year: 2027 }] }, session: s.mentor });
    const garut = (await h.api('GET', `${M}/programmes/${programmeId}`, { session: s.mentor })).body.pilots.find((p: { regionCode: string }) => p.regionCode === GARUT);
    expect(garut.goals[0]).toMatchObject({ baseline: null, latest: null, percent: null });
  });

  it('lets the pilot\'s coordinator see only its own record, mark its task done, add a note and evidence', async () => {
    const mine = await h.api('GET', `${B}/pilots/${bandungPilot}`, { session: s.bandung });
    expect(mine.status, mine.raw).toBe(200);
    expect(mine.body.side).toBe('pilot');
    expect(mine.body.tasks.map((t: { title: string }) => t.title).sort()).toEqual(['Susun rancangan Perkada Arsitektur SPBE', 'Unggah katalog aplikasi']);
    expect(mine.raw).not.toContain('Tugas rahasia Garut');
    // Garut's pilot record, asked under Bandung's region, and Bandung's under Garut's: nothing.
    expect((await h.api('GET', `${B}/pilots/${garutPilot}`, { session: s.bandung })).status).toBe(404);
    expect((await h.api('GET', `${G}/pilots/${bandungPilot}`, { session: s.garut })).status).toBe(404);
    // The programme's cohort page is the mentor's.
    expect((await h.api('GET', `/api/regions/${SUMEDANG}/livinglab/coaching/programmes/${programmeId}`, { session: s.bandung })).status).toBe(403);
    expect((await h.api('GET', `${B}/programmes/${programmeId}`, { session: s.bandung })).status).toBe(403);

    const task = mine.body.tasks[0];
    expect((await h.api('PUT', `${G}/pilots/${bandungPilot}/tasks/${task.id}/status`, { body: { status: 'done' }, session: s.garut })).status).toBe(404);
    expect((await h.api('PUT', `${B}/pilots/${bandungPilot}/tasks/${task.id}/status`, { body: { status: 'done' }, session: s.bandung })).status).toBe(200);
    expect((await h.api('POST', `${B}/pilots/${bandungPilot}/notes`, { body: { body: 'Rancangan Perkada sudah dibahas dengan Bagian Hukum.' }, session: s.bandung })).status).toBe(201);
    const evidence = multipart([{ name: 'bagian', json: { title: 'Rancangan Perkada' } }, { name: 'berkas', fileName: 'rancangan.pdf', data: PDF }]);
    const up = await h.api('POST', `${B}/pilots/${bandungPilot}/files`, { body: evidence.body, headers: evidence.headers, session: s.bandung });
    expect(up.status, up.raw).toBe(201);

    const after = await h.api('GET', `${M}/pilots/${bandungPilot}`, { session: s.mentor });
    expect(after.body.side).toBe('mentor');
    expect(after.body.tasks.find((t: { id: string }) => t.id === task.id)).toMatchObject({ status: 'done', doneAt: expect.any(String) });
    expect(after.body).toMatchObject({ tasksDone: 1, tasksTotal: 2, notes: [{ authorRegion: BANDUNG }], files: [{ title: 'Rancangan Perkada', contentType: 'application/pdf' }] });
    const file = await h.app.inject({ method: 'GET', url: `${M}/pilots/${bandungPilot}/files/${up.body.id}`, headers: { cookie: s.mentor.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect((await h.app.inject({ method: 'GET', url: `${G}/pilots/${bandungPilot}/files/${up.body.id}`, headers: { cookie: s.garut.cookie } })).statusCode).toBe(404);
    // Both regions' logs say the pilot marked the task done.
    const logged = await h.ctx.database.rows<{ region_code: string }>(sql`select region_code from audit_log where action = 'livinglab.coaching_task_status' order by region_code`);
    expect(logged.map((r) => r.region_code)).toEqual([BANDUNG, SUMEDANG]);
  });

  it('refuses evidence of the wrong type or too large, saving nothing', async () => {
    const text = multipart([{ name: 'bagian', json: { title: 'Palsu' } }, { name: 'berkas', fileName: 'bukti.pdf', data: Buffer.from('bukan pdf sama sekali') }]);
    const wrong = await h.api('POST', `${B}/pilots/${bandungPilot}/files`, { body: text.body, headers: text.headers, session: s.bandung });
    expect(wrong.status).toBe(415);
    expect(wrong.body.error.code).toBe('livinglab.coaching_file_type');
    const big = multipart([{ name: 'bagian', json: { title: 'Besar' } }, { name: 'berkas', fileName: 'besar.pdf', data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }]);
    const large = await h.api('POST', `${B}/pilots/${bandungPilot}/files`, { body: big.body, headers: big.headers, session: s.bandung });
    expect(large.status).toBe(413);
    expect(large.body.error.code).toBe('file.too_large');
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from livinglab_coaching_files`);
    expect(n).toBe(1);
  });

  it('lets the pilot\'s coordinator mark its own text goal done, never an SPBE index goal, and another pilot\'s coordinator nothing', async () => {
    // Goal 0 is the SPBE index target (computed), goal 1 the text goal.
    expect((await h.api('PUT', `${G}/pilots/${bandungPilot}/goals/1/done`, { body: { text: PERKADA, done: true }, session: s.garut })).status).toBe(404);
    expect((await h.api('PUT', `${B}/pilots/${bandungPilot}/goals/1/done`, { body: { text: PERKADA, done: true }, session: s.garut })).status).toBe(403);
    const computed = await h.api('PUT', `${B}/pilots/${bandungPilot}/goals/0/done`, { body: { text: PERKADA, done: true }, session: s.bandung });
    expect(computed.status).toBe(409);
    expect(computed.body.error.code).toBe('livinglab.coaching_goal_computed');
    expect((await h.api('PUT', `${B}/pilots/${bandungPilot}/goals/5/done`, { body: { text: PERKADA, done: true }, session: s.bandung })).body.error.code).toBe('livinglab.coaching_goal_not_found');
    // Garut's own goal is an SPBE target: not marked either.
    expect((await h.api('PUT', `${G}/pilots/${garutPilot}/goals/0/done`, { body: { text: PERKADA, done: true }, session: s.garut })).status).toBe(409);
    let bandung = (await h.api('GET', `${M}/programmes/${programmeId}`, { session: s.mentor })).body.pilots.find((p: { regionCode: string }) => p.regionCode === BANDUNG);
    expect(bandung.goals.map((g: { reached: boolean }) => g.reached)).toEqual([false, false]);

    const marked = await h.api('PUT', `${B}/pilots/${bandungPilot}/goals/1/done`, { body: { text: PERKADA, done: true }, session: s.bandung });
    expect(marked.status, marked.raw).toBe(200);
    bandung = (await h.api('GET', `${M}/programmes/${programmeId}`, { session: s.mentor })).body.pilots.find((p: { regionCode: string }) => p.regionCode === BANDUNG);
    expect(bandung.goals[1]).toMatchObject({ kind: 'text', text: 'Perkada Arsitektur SPBE ditetapkan', done: true, percent: 100, reached: true });
    expect(bandung.goals[0]).toMatchObject({ kind: 'spbe_index', target: '3.60', reached: false });
    const logged = await h.ctx.database.rows<{ region_code: string }>(sql`select region_code from audit_log where action = 'livinglab.coaching_goal_done' order by region_code`);
    expect(logged.map((r) => r.region_code)).toEqual([BANDUNG, SUMEDANG]);
    // The mentor may take it back.
    expect((await h.api('PUT', `${M}/pilots/${bandungPilot}/goals/1/done`, { body: { text: PERKADA, done: false }, session: s.mentor })).status).toBe(200);
    expect((await h.api('GET', `${B}/pilots/${bandungPilot}`, { session: s.bandung })).body.goals[1]).toMatchObject({ done: false, reached: false });
  });

  it('refuses to mark a goal whose position now holds another goal (the mentor reordered meanwhile), changing nothing', async () => {
    // Bandung read the goals: [SPBE index, Perkada]. Meanwhile the mentor puts a new goal before the Perkada.
    const before = (await h.api('GET', `${B}/pilots/${bandungPilot}`, { session: s.bandung })).body.goals;
    expect(before[1]).toMatchObject({ text: PERKADA, done: false });
    const reordered = [{ kind: 'spbe_index', target: '3.60', year: 2026 }, { kind: 'text', text: 'Katalog aplikasi diunggah', done: false }, { kind: 'text', text: PERKADA, done: false }];
    expect((await h.api('PUT', `${M}/pilots/${bandungPilot}/goals`, { body: { goals: reordered }, session: s.mentor })).status).toBe(200);
    const [{ n: logged }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'livinglab.coaching_goal_done'`);
    const stale = await h.api('PUT', `${B}/pilots/${bandungPilot}/goals/1/done`, { body: { text: PERKADA, done: true }, session: s.bandung, headers: { 'accept-language': 'id' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('livinglab.coaching_goal_changed');
    expect(stale.body.error.message).toContain('Sasaran sudah berubah');
    const after = (await h.api('GET', `${B}/pilots/${bandungPilot}`, { session: s.bandung })).body.goals;
    expect(after.map((g: { done?: boolean }) => g.done ?? null)).toEqual([null, false, false]);
    const [{ n: loggedAfter }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'livinglab.coaching_goal_done'`);
    expect(loggedAfter).toBe(logged);
    // The text is part of the request; a body without it is refused.
    expect((await h.api('PUT', `${B}/pilots/${bandungPilot}/goals/2/done`, { body: { done: true }, session: s.bandung })).status).toBe(400);
    // Reloaded, Bandung marks the Perkada at its new place.
    expect((await h.api('PUT', `${B}/pilots/${bandungPilot}/goals/2/done`, { body: { text: PERKADA, done: true }, session: s.bandung })).status).toBe(200);
    const marked = (await h.api('GET', `${B}/pilots/${bandungPilot}`, { session: s.bandung })).body.goals;
    expect(marked.slice(1).map((g: { text: string; done: boolean }) => [g.text, g.done])).toEqual([['Katalog aplikasi diunggah', false], [PERKADA, true]]);
    // Back to the goals the later steps expect.
    const original = [{ kind: 'spbe_index', target: '3.60', year: 2026 }, { kind: 'text', text: PERKADA, done: false }];
    expect((await h.api('PUT', `${M}/pilots/${bandungPilot}/goals`, { body: { goals: original }, session: s.mentor })).status).toBe(200);
  });

  it('deletes evidence with its file: the mentor any, the pilot only its own region\'s, another pilot none', async () => {
    const upload = async (base: string, session: Session, title: string) => {
      const form = multipart([{ name: 'bagian', json: { title } }, { name: 'berkas', fileName: `${title}.pdf`, data: PDF }]);
      const up = await h.api('POST', `${base}/pilots/${bandungPilot}/files`, { body: form.body, headers: form.headers, session });
      expect(up.status, up.raw).toBe(201);
      return up.body.id as string;
    };
    const mentorFile = await upload(M, s.mentor, 'Notula sesi pemetaan');
    const pilotFile = await upload(B, s.bandung, 'Daftar hadir');
    const refused = await h.api('DELETE', `${B}/pilots/${bandungPilot}/files/${mentorFile}`, { session: s.bandung });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('livinglab.coaching_file_not_yours');
    expect((await h.api('DELETE', `${G}/pilots/${bandungPilot}/files/${pilotFile}`, { session: s.garut })).status).toBe(404);
    expect((await h.api('DELETE', `${B}/pilots/${bandungPilot}/files/${pilotFile}`, { session: s.garut })).status).toBe(403);
    expect((await h.api('DELETE', `${B}/pilots/${bandungPilot}/files/00000000-0000-4000-8000-000000000000`, { session: s.bandung })).body.error.code).toBe('file.not_found');

    expect((await h.api('DELETE', `${B}/pilots/${bandungPilot}/files/${pilotFile}`, { session: s.bandung })).status).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `${M}/pilots/${bandungPilot}/files/${pilotFile}`, headers: { cookie: s.mentor.cookie } })).statusCode).toBe(404);
    expect((await h.api('DELETE', `${M}/pilots/${bandungPilot}/files/${mentorFile}`, { session: s.mentor })).status).toBe(200);
    const left = await h.ctx.database.rows<{ id: string }>(sql`select id from livinglab_coaching_files where id in (${mentorFile}, ${pilotFile})`);
    expect(left).toEqual([]);
    const titles = (await h.api('GET', `${M}/pilots/${bandungPilot}`, { session: s.mentor })).body.files.map((f: { title: string }) => f.title);
    expect(titles).toEqual(['Rancangan Perkada']);
    // The pilot's deletion is in both regions' logs; the mentor's in its own.
    const logged = await h.ctx.database.rows<{ region_code: string }>(sql`select region_code from audit_log where action = 'livinglab.coaching_file_delete' order by region_code`);
    expect(logged.map((r) => r.region_code)).toEqual([BANDUNG, SUMEDANG, SUMEDANG]);
  });

  it('gives the province\'s curator the cohort\'s progress, and a foreign officer with the victim\'s ids nothing', async () => {
    const province = await h.api('GET', '/api/regions/32/livinglab/coaching/province', { session: s.curator });
    expect(province.status, province.raw).toBe(200);
    expect(province.body).toHaveLength(1);
    expect(province.body[0]).toMatchObject({ id: programmeId, mentorRegion: SUMEDANG });
    expect(province.body[0].pilots.map((p: { regionCode: string; tasksDone: number }) => [p.regionCode, p.tasksDone])).toEqual([[BANDUNG, 1], [GARUT, 0]]);
    // Nobody else reads the province view, and nothing of coaching is public.
    expect((await h.api('GET', '/api/regions/32/livinglab/coaching/province', { session: s.bandung })).status).toBe(403);
    expect((await h.api('GET', `${M}/programmes`)).status).toBe(401);

    const F = `/api/regions/${KOTA_BANDUNG}/livinglab/coaching`;
    const tries = [
      await h.api('GET', `${F}/programmes/${programmeId}`, { session: s.foreign }),
      await h.api('PUT', `${F}/programmes/${programmeId}`, { body: programme, session: s.foreign }),
      await h.api('GET', `${F}/pilots/${bandungPilot}`, { session: s.foreign }),
      await h.api('POST', `${F}/pilots/${bandungPilot}/tasks`, { body: { title: 'Jahat' }, session: s.foreign }),
      await h.api('POST', `${F}/pilots/${bandungPilot}/notes`, { body: { body: 'Jahat' }, session: s.foreign }),
      await h.api('PUT', `${F}/pilots/${bandungPilot}/goals`, { body: { goals: [] }, session: s.foreign }),
      await h.api('PUT', `${F}/pilots/${bandungPilot}/goals/1/done`, { body: { text: PERKADA, done: true }, session: s.foreign }),
      await h.api('DELETE', `${F}/pilots/${bandungPilot}/files/00000000-0000-4000-8000-000000000000`, { session: s.foreign }),
    ];
    expect(tries.map((t) => t.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect((await h.api('GET', `${F}/programmes`, { session: s.foreign })).body).toEqual({ mentoring: [], piloting: [] });
    // And with the victim's region in the URL: refused at the door.
    expect((await h.api('GET', `${M}/programmes/${programmeId}`, { session: s.foreign })).status).toBe(403);
  });

  it('keeps a pilot with recorded work in the cohort', async () => {
    const drop = await h.api('PUT', `${M}/programmes/${programmeId}`, { body: { ...programme, status: 'active', pilotRegions: [GARUT] }, session: s.mentor });
    expect(drop.status).toBe(409);
    expect(drop.body.error.code).toBe('livinglab.coaching_pilot_has_records');
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from livinglab_coaching_pilots where pilot_region = ${BANDUNG}`);
    expect(n).toBe(1);
  });
});
