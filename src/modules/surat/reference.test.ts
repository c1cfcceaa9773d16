// The shared reference lists: every classification code of Permendagri
// 83/2022 and the document types load at start and are read by anyone; only
// a platform administrator corrects a row, every correction is kept with its
// reason, and a restart does not overwrite it.
import { expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';
import { loadReference } from './service/reference.js';

describeWithApp('Correspondence reference data', (h) => {
  it('holds all 2,982 classification codes as a four-level tree', async () => {
    const top = await h.api('GET', '/api/surat/classifications');
    expect(top.status, top.raw).toBe(200);
    expect(top.body.map((c: { code: string }) => c.code)).toEqual(['000', '100', '200', '300', '400', '500', '600', '700', '800', '900']);
    const children = await h.api('GET', '/api/surat/classifications?parent=500.5.7');
    expect(children.body.find((c: { code: string }) => c.code === '500.5.7.15')?.name).toMatch(/Rekomendasi/);
    const found = await h.api('GET', '/api/surat/classifications?q=surat%20tugas');
    expect(found.body.map((c: { code: string }) => c.code)).toContain('800.1.11.1');
    const bad = await h.api('GET', '/api/surat/classifications?parent=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.invalid');
  });

  it('lists document types with their layout', async () => {
    const res = await h.api('GET', '/api/surat/document-types');
    const types = Object.fromEntries(res.body.map((t: { code: string }) => [t.code, t]));
    expect(Object.keys(types)).toHaveLength(26);
    expect(types['surat-tugas']).toMatchObject({ layout: 'berjudul', title: 'SURAT TUGAS' });
    expect(types['surat-undangan']).toMatchObject({ layout: 'korespondensi', title: null });
  });

  it('lets only a platform administrator correct a row, keeps the correction and its reason, and survives a restart', async () => {
    const admin = await h.signIn('admin@pamong.demo');
    const clerk = await h.sessionWithRole('32.11', 'region_admin', 'admin-surat@sumedang.test');
    const change = { name: 'Keputusan/Ketetapan Bupati', reason: 'Bunyi Lampiran B Permendagri 83/2022' };
    const refused = await h.api('PATCH', '/api/surat/classifications/100.3.3.2', { body: change, session: clerk });
    expect(refused.status).toBe(403);
    const done = await h.api('PATCH', '/api/surat/classifications/100.3.3.2', { body: change, session: admin });
    expect(done.status, done.raw).toBe(200);
    expect(done.body.revision).toBe(2);
    const again = await h.api('PATCH', '/api/surat/classifications/100.3.3.2', { body: change, session: admin });
    expect(again.body.error.code).toBe('surat.reference_unchanged');
    await loadReference(h.ctx.database, h.clock.now());
    const row = (await h.api('GET', '/api/surat/classifications?parent=100.3.3')).body.find((c: { code: string }) => c.code === '100.3.3.2');
    expect(row).toMatchObject({ name: 'Keputusan/Ketetapan Bupati', revision: 2 });
    const history = await h.api('GET', '/api/surat/reference/classification/100.3.3.2/history');
    expect(history.body[0]).toMatchObject({ revision: 2, reason: change.reason, after: { name: change.name } });
    expect(history.body[0].before.name).toMatch(/Bupati/);
  });
});
