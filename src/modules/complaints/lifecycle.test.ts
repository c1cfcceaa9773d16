// The complaint journey through the real API on a real database.
import { expect, it } from 'vitest';
import { outbox } from '../../platform/schema.js';
import { describeWithApp, sweepModule } from '../../../test/harness.js';
import { rebuildStats } from './service/stats.js';

describeWithApp('complaint lifecycle', (h) => {
  let categoryId: string;
  let pupr: string;
  let dlh: string;
  let tracking: string;
  let key: string;
  let id: string;

  it('lists the demo categories with their questions', async () => {
    const res = await h.api('GET', '/api/regions/32.11/categories');
    expect(res.status).toBe(200);
    const road = res.body.find((c: any) => c.code === 'jalan-rusak');
    expect(road.questions[0].code).toBe('tingkat_kerusakan');
    categoryId = road.id;
    const admin = await h.signIn('admin@sumedang.demo');
    const units = (await h.api('GET', '/api/regions/32.11/units', { session: admin })).body;
    pupr = units.find((u: any) => u.code === 'PUPR').id;
    dlh = units.find((u: any) => u.code === 'DLH').id;
  });

  it('refuses a complaint missing a required answer, and stores nothing', async () => {
    const res = await h.api('POST', '/api/regions/32.11/complaints', {
      body: { categoryId, description: 'Jalan berlubang besar di depan pasar', answers: {} },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('complaint.answers_invalid');
    expect(res.body.error.messages.en).toBeTruthy();
    const inbox = await h.api('GET', '/api/regions/32.11/inbox', { session: await h.signIn('koordinator@sumedang.demo') });
    expect(inbox.body).toHaveLength(0);
  });

  it('accepts a citizen complaint and gives a tracking code', async () => {
    const res = await h.api('POST', '/api/regions/32.11/complaints', {
      body: {
        categoryId, description: 'Jalan berlubang besar di depan pasar Tanjungsari, sudah dua motor jatuh',
        answers: { tingkat_kerusakan: 'berat' }, districtCode: '32.11.01', anonymous: true,
        reporter: { name: 'Ujang', email: 'ujang@example.id' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.trackingCode).toMatch(/^ADU-/);
    tracking = res.body.trackingCode;
    key = res.body.reporterKey;
    id = res.body.id;
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${tracking}`);
    expect(track.status).toBe(200);
    expect(track.body.status).toBe('submitted');
    // Anonymous: the tracking page never carries the identity.
    expect(track.body.reporter).toBeNull();
    expect(JSON.stringify(track.body)).not.toContain('Ujang');
    expect(track.body.deadlines.find((d: any) => d.stage === 'verification')).toBeTruthy();
  });

  it('hides an anonymous reporter from the officer but not from the coordinator', async () => {
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${id}`, { session: coordinator });
    expect(detail.body.reporter.name).toBe('Ujang');
    expect(detail.body.proposedUnitId).toBe(pupr);
    expect(detail.body.actions).toContain('dispatch');
  });

  it('lets the coordinator dispatch to the proposed unit and starts the response clock', async () => {
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const res = await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: coordinator, body: { action: 'dispatch', unitId: pupr } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('dispatched');
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${id}`, { session: officer });
    expect(detail.status).toBe(200);
    expect(detail.body.reporter).toBeNull();
    const response = detail.body.deadlines.find((d: any) => d.stage === 'response');
    // 2×24 hours, aiming for 1×24.
    expect(new Date(response.dueAt).getTime() - h.clock.now().getTime()).toBe(48 * 3_600_000);
    expect(new Date(response.targetAt).getTime() - h.clock.now().getTime()).toBe(24 * 3_600_000);
  });

  it('keeps another unit\'s officer out', async () => {
    const other = await h.signIn('petugas.dlh@sumedang.demo');
    const res = await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: other, body: { action: 'respond', message: 'Kami cek' } });
    expect(res.status).toBe(403);
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${id}`, { session: other });
    expect(detail.status).toBe(404);
    void dlh;
  });

  it('escalates once to the unit head when the response deadline passes', async () => {
    h.clock.advanceHours(49);
    expect(await sweepModule(h.ctx, 'complaints')).toBe(1);
    expect(await sweepModule(h.ctx, 'complaints')).toBe(0);
    const head = await h.signIn('kepala.pupr@sumedang.demo');
    const inbox = await h.api('GET', '/api/notifications', { session: head });
    expect(inbox.body.some((n: any) => n.subject.id.includes(tracking))).toBe(true);
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${tracking}`);
    expect(track.body.overdue).toBe(true);
    expect(track.body.timeline.map((e: any) => e.kind)).toContain('escalated');
    // 24 hours later the head of region hears about it too, once.
    h.clock.advanceHours(24);
    expect(await sweepModule(h.ctx, 'complaints')).toBe(1);
    const bupati = await h.signIn('bupati@sumedang.demo');
    expect((await h.api('GET', '/api/notifications', { session: bupati })).body).toHaveLength(1);
  });

  it('takes the officer\'s response and resolution, then the citizen\'s rating', async () => {
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    const r1 = await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: officer, body: { action: 'respond', message: 'Tim kami menuju lokasi.' } });
    expect(r1.body.status).toBe('in_progress');
    const r2 = await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: officer, body: { action: 'resolve', message: 'Lubang sudah ditambal.' } });
    expect(r2.body.status).toBe('resolved');
    // Only the reporter's key opens the rating; the tracking code alone is public.
    expect((await h.api('GET', `/api/regions/32.11/complaints/track/${tracking}`)).body.canRate).toBe(false);
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${tracking}?kunci=${key}`);
    expect(track.body.canRate).toBe(true);
    expect(track.body.timeline.find((e: any) => e.kind === 'resolved').message).toBe('Lubang sudah ditambal.');
    // The officer's name stays internal.
    expect(JSON.stringify(track.body.timeline)).not.toContain('Agus');
    const stranger = await h.api('POST', `/api/regions/32.11/complaints/track/${tracking}/rate`, { body: { key: 'bukan-kunci-pelapor', rating: 1 } });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('complaint.not_reporter');
    const rate = await h.api('POST', `/api/regions/32.11/complaints/track/${tracking}/rate`, { body: { key, rating: 5, comment: 'Cepat!' } });
    expect(rate.body.status).toBe('closed');
    const twice = await h.api('POST', `/api/regions/32.11/complaints/track/${tracking}/rate`, { body: { key, rating: 1 } });
    expect(twice.body.error.code).toBe('complaint.invalid_transition');
  });

  it('leaves the reporter the right to reopen a rated complaint until the window ends, and says until when', async () => {
    const resolvedAt = (await h.api('GET', `/api/regions/32.11/complaints/track/${tracking}`)).body.resolvedAt;
    const windowEnd = new Date(new Date(resolvedAt).getTime() + 14 * 86_400_000).toISOString();
    const rated = await h.api('GET', `/api/regions/32.11/complaints/track/${tracking}?kunci=${key}`);
    expect(rated.body).toMatchObject({ status: 'closed', rating: 5, canRate: false, canReopen: true, reopenUntil: windowEnd });
    // The public sees neither the form nor the date.
    expect((await h.api('GET', `/api/regions/32.11/complaints/track/${tracking}`)).body).toMatchObject({ canReopen: false, reopenUntil: null });
    // The rating's email reminds the reporter of the window (16 Nov 2026 is 14 days after the resolution on 2 Nov).
    const emails = (await h.ctx.database.db.select().from(outbox)).map((r) => r.payload as { to: string; subject: string; text: string });
    const ratedMail = emails.find((m) => m.subject.includes('Ditutup'))!;
    expect(ratedMail.text).toMatch(/Anda masih dapat membuka kembali laporan ini sampai \d+ November 2026 pukul \d\d\.\d\d WIB/);
    expect(ratedMail.text).toMatch(/You can still reopen this report until \d+ November 2026 at \d\d:\d\d WIB/);
    expect(emails.find((m) => m.subject.includes('Selesai ditindaklanjuti'))!.text).toContain('Anda dapat membuka kembali laporan ini, atau memberi nilai atas jawabannya, sampai');

    h.clock.advanceHours(24);
    const reopened = await h.api('POST', `/api/regions/32.11/complaints/track/${tracking}/reopen`, { body: { key, reason: 'Rusak lagi setelah hujan' } });
    expect(reopened.body.status).toBe('dispatched');
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${tracking}?kunci=${key}`);
    // Back to work: the rating stays in the history, not on the complaint.
    expect(track.body).toMatchObject({ status: 'dispatched', rating: null, resolvedAt: null, closedAt: null, canRate: false, canReopen: false, reopenUntil: null });
    expect(track.body.timeline.map((e: any) => e.kind).slice(-2)).toEqual(['rated', 'reopened']);
    expect(track.body.timeline.find((e: any) => e.kind === 'rated')).toMatchObject({ message: 'Cepat!', detail: { rating: 5 } });
    expect(track.body.deadlines.find((d: any) => d.stage === 'resolution').metAt).toBeNull();
    // Open311 and the dashboard's summary follow.
    const open311 = await h.api('GET', `/open311/v2/requests/${tracking}.json?jurisdiction_id=32.11`);
    expect(open311.body[0].status).toBe('open');
    expect((await rebuildStats(h.ctx, '32.11')).differing).toBe(0);
  });

  it('refuses to reopen a rated complaint once the window has passed', async () => {
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: officer, body: { action: 'resolve', message: 'Sudah ditambal ulang.' } });
    expect((await h.api('POST', `/api/regions/32.11/complaints/track/${tracking}/rate`, { body: { key, rating: 4 } })).body.status).toBe('closed');
    h.clock.advanceHours(14 * 24 + 1);
    expect((await h.api('GET', `/api/regions/32.11/complaints/track/${tracking}?kunci=${key}`)).body).toMatchObject({ canReopen: false, reopenUntil: null });
    const late = await h.api('POST', `/api/regions/32.11/complaints/track/${tracking}/reopen`, { body: { key, reason: 'Rusak lagi' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('complaint.reopen_window_closed');
    expect((await rebuildStats(h.ctx, '32.11')).differing).toBe(0);
  });

  it('queues emails to the reporter in the outbox', async () => {
    const rows = await h.ctx.database.db.select().from(outbox);
    const toReporter = rows.filter((r) => (r.payload as any).to === 'ujang@example.id');
    expect(toReporter.length).toBeGreaterThanOrEqual(3);
  });
});
