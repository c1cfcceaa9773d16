// Bulk review, validation and assessment through the real API: the same
// checks and history as one indicator at a time, in one transaction, all or
// nothing with the refusals listed per indicator.
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp, type Session } from '../../../test/harness.js';

const R = '/api/regions/32.11/spbe';
const codes = Array.from({ length: 20 }, (_, i) => String(i + 1)); // Pemdi 2026

describeWithApp('SPBE bulk actions', (h) => {
  const s: Record<string, Session> = {};
  let E = '';
  const detail = async () => (await h.api('GET', E, { session: s.coordinator })).body;
  const statuses = async () => Object.fromEntries((await detail()).answers.map((a: any) => [a.indicator.code, a.status]));
  const history = async () => (await h.api('GET', `${E}/history`, { session: s.coordinator })).body;

  beforeAll(async () => {
    for (const [k, email] of Object.entries({
      coordinator: 'spbe@sumedang.demo', kominfo: 'petugas.kominfo@sumedang.demo', internal: 'inspektorat@sumedang.demo', external: 'asesor@pamong.demo',
    })) s[k] = await h.signIn(email);
    const fw = (await h.api('GET', '/api/spbe/frameworks')).body.find((f: any) => f.code === 'pemdi-2026');
    const opened = await h.api('POST', `${R}/evaluations`, { session: s.coordinator, body: { year: 2026, versionId: fw.versions[0].id } });
    E = `${R}/evaluations/${opened.body.id}`;
    const kominfo = opened.body.units.find((u: any) => u.code === 'DISKOMINFO').id;
    await h.api('PUT', `${E}/assignments`, { session: s.coordinator, body: { assignments: codes.map((indicator) => ({ indicator, unitId: kominfo })) } });
    await h.api('POST', `${E}/advance`, { session: s.coordinator, body: { to: 'self_assessment' } });
    for (const c of codes.slice(0, 19)) {
      await h.api('PUT', `${E}/answers/${c}`, { session: s.kominfo, body: { level: 3, explanation: `Indikator ${c}` } });
      expect((await h.api('POST', `${E}/answers/${c}/submit`, { session: s.kominfo })).status).toBe(200);
    }
  });

  it('refuses the whole batch when one indicator cannot be reviewed, listing each refusal, and saves nothing', async () => {
    const res = await h.api('POST', `${E}/reviews`, { session: s.coordinator, body: { decision: 'accept', indicators: ['1', '2', '20', '99'] } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('spbe.bulk_refused');
    expect(res.body.error.details.failures.map((f: any) => [f.indicator, f.code])).toEqual([['20', 'spbe.answer_wrong_status'], ['99', 'spbe.indicator_not_found']]);
    expect(res.body.error.details.failures[0].messages.id).toBe('Tindakan ini tidak dapat dilakukan pada status jawaban indikator saat ini.');
    expect(res.body.error.details.failures[0].details).toMatchObject({ status: 'pending' });
    expect([(await statuses())['1'], (await statuses())['2']]).toEqual(['submitted', 'submitted']);
    expect((await history()).filter((x: any) => x.action === 'accept')).toEqual([]);
  });

  it('checks who may act, the stage, a missing return note and repeated indicators before anything', async () => {
    expect((await h.api('POST', `${E}/reviews`, { session: s.kominfo, body: { decision: 'accept', indicators: ['1'] } })).status).toBe(403);
    expect((await h.api('POST', `${E}/validations`, { session: s.coordinator, body: { decision: 'validate', indicators: ['1'] } })).status).toBe(403);
    const early = await h.api('POST', `${E}/validations`, { session: s.internal, body: { decision: 'validate', indicators: ['1', '2'] } });
    expect([early.status, early.body.error.code]).toEqual([409, 'spbe.wrong_stage']);
    const noNote = await h.api('POST', `${E}/reviews`, { session: s.coordinator, body: { decision: 'return', indicators: ['1'] } });
    expect([noNote.status, noNote.body.error.code]).toEqual([400, 'request.invalid']);
    const twice = await h.api('POST', `${E}/reviews`, { session: s.coordinator, body: { decision: 'accept', indicators: ['1', '1'] } });
    expect([twice.status, twice.body.error.code]).toEqual([400, 'request.invalid']);
  });

  it('accepts and returns many answers at once with the same history as one at a time', async () => {
    await h.api('POST', `${E}/answers/3/review`, { session: s.coordinator, body: { decision: 'accept', note: 'Lengkap.' } });
    const res = await h.api('POST', `${E}/reviews`, { session: s.coordinator, body: { decision: 'accept', indicators: ['1', '2', '4'], note: 'Lengkap.' } });
    expect([res.status, res.body]).toEqual([200, { count: 3, status: 'accepted' }]);
    const lines = (await history()).filter((x: any) => x.action === 'accept');
    const shape = (x: any) => ({ action: x.action, actor: x.actor, detail: x.detail });
    expect(lines.map((x: any) => x.indicator)).toEqual(['3', '1', '2', '4']);
    expect(lines.map(shape)).toEqual(Array(4).fill(shape(lines[0])));
    const back = await h.api('POST', `${E}/reviews`, { session: s.coordinator, body: { decision: 'return', indicators: ['5', '6'], note: 'Tambahkan SK.' } });
    expect(back.body).toEqual({ count: 2, status: 'returned' });
    const d = await detail();
    expect(d.answers.filter((a: any) => ['5', '6'].includes(a.indicator.code)).map((a: any) => [a.status, a.reviewNote])).toEqual([['returned', 'Tambahkan SK.'], ['returned', 'Tambahkan SK.']]);
  });

  it('lets the internal assessor validate and the external assessor set final levels for many indicators at once', async () => {
    for (const c of ['5', '6']) await h.api('POST', `${E}/answers/${c}/submit`, { session: s.kominfo });
    await h.api('PUT', `${E}/answers/20`, { session: s.kominfo, body: { level: 2 } });
    await h.api('POST', `${E}/answers/20/submit`, { session: s.kominfo });
    const rest = codes.filter((c) => !['1', '2', '3', '4'].includes(c));
    expect((await h.api('POST', `${E}/reviews`, { session: s.coordinator, body: { decision: 'accept', indicators: rest } })).body.count).toBe(16);
    expect((await h.api('POST', `${E}/advance`, { session: s.coordinator, body: { to: 'internal_validation' } })).status).toBe(200);

    const valid = await h.api('POST', `${E}/validations`, { session: s.internal, body: { decision: 'validate', indicators: codes } });
    expect(valid.body).toEqual({ count: 20, status: 'validated' });
    expect((await history()).filter((x: any) => x.action === 'validate')).toHaveLength(20);
    await h.api('POST', `${E}/advance`, { session: s.coordinator, body: { to: 'external_assessment' } });

    const wrong = await h.api('PUT', `${E}/assessments`, { session: s.external, body: { assessments: codes.map((indicator) => ({ indicator, level: indicator === '7' ? 6 : 3, reason: 'Sesuai bukti.' })) } });
    expect(wrong.body.error.details.failures.map((f: any) => [f.indicator, f.code, f.details])).toEqual([['7', 'spbe.level_invalid', { level: 6, min: 1, max: 5 }]]);
    expect((await detail()).answers.every((a: any) => a.finalLevel === null)).toBe(true);

    const ok = await h.api('PUT', `${E}/assessments`, { session: s.external, body: { assessments: codes.map((indicator) => ({ indicator, level: indicator === '20' ? 2 : 3, reason: 'Sesuai bukti.', interviewNote: 'Wawancara kepala dinas.' })) } });
    expect(ok.body).toEqual({ count: 20 });
    const d = await detail();
    expect(d.answers.map((a: any) => a.finalLevel)).toEqual(codes.map((c) => (c === '20' ? 2 : 3)));
    expect(d.answers[0]).toMatchObject({ finalReason: 'Sesuai bukti.', interviewNote: 'Wawancara kepala dinas.' });
    expect((await history()).find((x: any) => x.action === 'assess' && x.indicator === '20').detail).toMatchObject({ level: { from: null, to: 2 }, selfLevel: 2, reason: 'Sesuai bukti.' });
    expect((await h.api('POST', `${E}/finalise`, { session: s.external })).body).toEqual({ stage: 'final' });
  });
});
