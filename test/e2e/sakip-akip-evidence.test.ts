// An AKIP answer's evidence files in Chromium, on the demo region: the health
// office's planner attaches a PDF where it answers kriteria 1.a.1 and sees it
// listed; the Inspektorat's evaluator finds its download link under the
// unit's answer in the worksheet.
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, eventually } from './browser.js';

const DESKTOP = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };
const R = '/api/regions/32.11/sakip';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describeInBrowser('e-SAKIP AKIP answer evidence in Chromium', (b) => {
  let id = '';

  beforeAll(async () => {
    // 2023: the demo has no internal evaluation that year.
    const evaluator = await b.apiSession('evaluator@sumedang.demo');
    const units = await b.api<{ id: string; code: string }[]>('GET', '/api/regions/32.11/units', undefined, evaluator);
    id = (await b.api<{ id: string }>('POST', `${R}/evaluations`, { year: 2023, unitIds: [units.find((u) => u.code === 'DINKES')!.id] }, evaluator)).id;
    await b.api('PUT', `${R}/evaluations/${id}/status`, { status: 'answering' }, evaluator);
  });

  it('lets the unit attach a PDF to its answer, listed for it and downloadable by the evaluator', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'perencana.dinkes@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/sakip/evaluasi/${id}`));
    await eventually(() => page.getByText(/^Jawab \d+ kriteria$/).isVisible()).toBe(true);
    await page.getByText(/^Jawab \d+ kriteria$/).click();
    const row = page.getByRole('row').filter({ has: page.getByLabel('Unggah berkas bukti 1.a.1', { exact: true }) });
    await row.getByLabel('Unggah berkas bukti 1.a.1', { exact: true }).setInputFiles({ name: 'renstra-dinkes.pdf', mimeType: 'application/pdf', buffer: PDF });
    await eventually(() => row.getByRole('link', { name: 'renstra-dinkes.pdf' }).isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();

    const evaluator = await b.newPage(DESKTOP);
    await b.signIn(evaluator, 'evaluator@sumedang.demo');
    await evaluator.goto(b.url(`/staff/32.11/sakip/evaluasi/${id}`));
    const first = evaluator.locator('.akip-sub[data-sub="1.a"]');
    await eventually(() => first.isVisible()).toBe(true);
    await first.getByText('6 kriteria dan jawabannya').click();
    const link = first.getByRole('link', { name: 'renstra-dinkes.pdf' });
    await eventually(() => link.isVisible()).toBe(true);
    const file = await evaluator.request.get(b.url((await link.getAttribute('href'))!));
    expect([file.status(), file.headers()['content-type'], (await file.body()).equals(PDF)]).toEqual([200, 'application/pdf', true]);
    expect(b.problems(evaluator)).toEqual([]);
    await evaluator.context().close();
  });
});
