// The staff detail lists only the actions this user may take now, so the web
// app never offers a form the API would refuse.
import { expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';

describeWithApp('actions offered on the staff detail', (h) => {
  let id: string;
  let pupr: string;

  it('offers triage to the coordinator and nothing to act on to the head of region', async () => {
    const categories = (await h.api('GET', '/api/regions/32.11/categories')).body;
    const road = categories.find((c: any) => c.code === 'jalan-rusak');
    const filed = await h.api('POST', '/api/regions/32.11/complaints', {
      body: { categoryId: road.id, description: 'Jalan berlubang di depan SD Negeri 1 Jatinangor', answers: { tingkat_kerusakan: 'ringan' } },
    });
    id = filed.body.id;
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${id}`, { session: coordinator });
    expect(detail.body.actions).toEqual(['dispatch', 'reject', 'merge', 'transfer', 'note']);
    pupr = detail.body.proposedUnitId;
    const bupati = await h.signIn('bupati@sumedang.demo');
    expect((await h.api('GET', `/api/regions/32.11/complaints/${id}`, { session: bupati })).body.actions).toEqual([]);
  });

  it('keeps the coordinator\'s dispatch note, and refuses a body key the API does not read', async () => {
    const categories = (await h.api('GET', '/api/regions/32.11/categories')).body;
    const road = categories.find((c: any) => c.code === 'jalan-rusak');
    const other = (await h.api('POST', '/api/regions/32.11/complaints', {
      body: { categoryId: road.id, description: 'Jembatan kecil di Cileunyi retak di sisi barat', answers: { tingkat_kerusakan: 'berat' } },
    })).body.id;
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const url = `/api/regions/32.11/complaints/${other}/actions`;
    // A note under a name the API does not know is refused, naming the key, instead of being dropped.
    const misnamed = await h.api('POST', url, { session: coordinator, body: { action: 'dispatch', unitId: pupr, message: 'Mohon cek hari ini' } });
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.error.code).toBe('request.invalid');
    expect(JSON.stringify(misnamed.body.error.details)).toContain('message');
    const sent = await h.api('POST', url, { session: coordinator, body: { action: 'dispatch', unitId: pupr, note: 'Mohon cek hari ini' } });
    expect(sent.status).toBe(200);
    const timeline = (await h.api('GET', `/api/regions/32.11/complaints/${other}`, { session: coordinator })).body.timeline;
    expect(timeline.find((e: any) => e.kind === 'dispatched').message).toBe('Mohon cek hari ini');
  });

  it('offers the unit officer handling actions only, and each one offered is accepted', async () => {
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: coordinator, body: { action: 'dispatch', unitId: pupr } });
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${id}`, { session: officer });
    expect(detail.body.actions).toEqual(['acknowledge', 'respond', 'dispose', 'resolve', 'note']);
    const note = await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: officer, body: { action: 'note', message: 'Cek lokasi besok pagi' } });
    expect(note.status).toBe(200);
    // Merge is not offered to the officer, and the API refuses it too.
    const merge = await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: officer, body: { action: 'merge', intoTrackingCode: 'ADU-2222-2222' } });
    expect(merge.status).toBe(403);
  });
});
