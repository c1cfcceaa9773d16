// The Indonesian level criteria: seeded into the framework documents with the
// Pedoman wording where it differs (Pemdi 2026 marked provisional), and filled
// into databases seeded before they shipped without changing any score.
import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { seedSpbe } from './seed.js';
import { spbeFrameworkVersions, spbeResults } from './schema.js';
import type { FrameworkDocument } from './domain/framework.js';

const R = '/api/regions/32.11/spbe';

describeWithApp('SPBE Indonesian level criteria', (h) => {
  let coordinator: Session;
  beforeAll(async () => {
    coordinator = await h.signIn('spbe@sumedang.demo');
  });

  const version = async (framework: string) => (await h.api('GET', `/api/spbe/frameworks/${framework}/versions/1`)).body;

  it('seeds the regulation text in Indonesian beside the English summary, with the Pedoman wording where it differs', async () => {
    const doc = (await version('spbe-2020')).document;
    const two = doc.indicators.find((i: any) => i.code === '2').criteria;
    expect(two['1']).toEqual({
      id: 'Konsep kebijakan internal terkait Peta Rencana SPBE Instansi Pusat/Pemerintah Daerah belum atau telah tersedia.',
      en: 'A draft/concept of the internal policy may exist, but nothing has been formally enacted.',
      pedoman: 'Konsep kebijakan internal terkait Peta Rencana SPBE Instansi Pusat/Pemerintah Daerah belum tersedia atau masih dalam bentuk draft.',
    });
    expect(two['2'].pedoman).toBeUndefined();
    expect(doc.indicators.every((i: any) => ['1', '2', '3', '4', '5'].every((l) => i.criteria[l].id && i.criteria[l].en))).toBe(true);
    expect(doc.indicators.filter((i: any) => Object.values(i.criteria).some((c: any) => c.pedoman)).length).toBe(39);

    const pemdi = (await version('pemdi-2026')).document;
    expect(pemdi.indicators[0].criteria['5']).toEqual({ id: 'Tindak lanjut hasil reviu dilaksanakan secara menyeluruh.', en: null, provisional: true });
    expect(pemdi.indicators.every((i: any) => Object.values(i.criteria).every((c: any) => c.provisional === true))).toBe(true);
  });

  it('fills the texts into a database seeded with English summaries only, in place, leaving scores, results and admin texts as they were', async () => {
    const db = h.ctx.database.db;
    const rows = await db.select().from(spbeFrameworkVersions);
    // The documents as the earlier seed wrote them: English only, no Pedoman, Pemdi without criteria.
    const old = (doc: FrameworkDocument, framework: string): FrameworkDocument => ({
      ...doc,
      indicators: doc.indicators.map((i) => ({
        ...i,
        criteria: framework === 'pemdi-2026' ? {} : Object.fromEntries(Object.entries(i.criteria).map(([l, c]) => [l, { id: null, en: c.en }])),
      })),
    });
    for (const r of rows) {
      const doc = old(r.document, r.frameworkCode);
      if (r.frameworkCode === 'spbe-2020') {
        // An administrator's own wording, and an English text an administrator changed: neither is touched.
        doc.indicators[4].criteria['2'] = { id: 'Teks koreksi admin.', en: doc.indicators[4].criteria['2'].en };
        doc.indicators[5].criteria['3'] = { id: null, en: 'Changed by an administrator.' };
      }
      await db.update(spbeFrameworkVersions).set({ document: doc }).where(eq(spbeFrameworkVersions.id, r.id));
    }
    const [ev] = (await h.api('GET', `${R}/evaluations`, { session: coordinator })).body;
    const E = `${R}/evaluations/${ev.id}`;
    const before = (await h.api('GET', E, { session: coordinator })).body;
    expect(before.answers[0].indicator.levels[2].criteria).toEqual({ id: null, en: 'Level 2 met and the policy covers all architecture references and domains.' });
    const results = await db.select().from(spbeResults);

    await seedSpbe(h.ctx.database, new Date('2026-08-01T00:00:00Z'));

    const list = (await h.api('GET', '/api/spbe/frameworks')).body;
    expect(list.map((f: any) => [f.code, f.versions.map((v: any) => [v.version, v.status])])).toEqual([
      ['pemdi-2026', [[1, 'active']]], ['spbe-2018', []], ['spbe-2020', [[1, 'active']]],
    ]);
    const after = (await h.api('GET', E, { session: coordinator })).body;
    expect(after.framework).toEqual(before.framework);
    expect(after.scores).toEqual(before.scores);
    expect(await db.select().from(spbeResults)).toEqual(results);
    // The evaluation pinned to version 1 now shows the Indonesian criteria.
    expect(after.answers[0].indicator.levels[2].criteria).toEqual({
      id: 'Kriteria tingkat 2 telah terpenuhi dan kebijakan internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah telah memuat secara lengkap pengaturan mengenai referensi Arsitektur dan domain Arsitektur SPBE (Proses Bisnis, Data dan Informasi, Infrastruktur SPBE, Aplikasi SPBE, Keamanan SPBE, dan Layanan SPBE).',
      en: 'Level 2 met and the policy covers all architecture references and domains.',
    });
    const v1 = await version('spbe-2020');
    expect(v1.document.indicators[4].criteria['2'].id).toBe('Teks koreksi admin.');
    expect(v1.document.indicators[5].criteria['3']).toEqual({ id: null, en: 'Changed by an administrator.' });
    expect(v1.document.indicators[5].criteria['2'].id).toMatch(/^\S/);
    expect(v1.note).toContain('Kriteria berbahasa Indonesia ditambahkan dari data rujukan');
    expect((await version('pemdi-2026')).document.indicators[0].criteria['1'].provisional).toBe(true);

    // Once filled, later starts change nothing.
    await seedSpbe(h.ctx.database, new Date('2026-09-01T00:00:00Z'));
    expect((await version('spbe-2020')).updatedAt).toBe(v1.updatedAt);
  });
});
