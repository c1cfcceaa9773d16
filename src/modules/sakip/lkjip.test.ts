// The performance report (LKjIP) through the real API on the demo region: a
// unit's draft is generated from its Renstra with exact achievement against
// the year's and the five-year target and its budget's absorption and
// efficiency (the region's report as the overview counts the whole budget),
// staff edit its sections, a later
// correction leaves the snapshot as generated until it is regenerated
// explicitly, only the unit's head (or the coordinator) finalises it, a final
// report is read-only, its Word and PDF files are real documents, and the
// public pages show final, signed and active items only, never a draft and
// never another region's. The coordinator reopens a final report with a
// reason: it is a draft again, the approved report stays readable as a
// version and public until the report is final again.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import yauzl from 'yauzl';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { pdfRuns } from '../../../test/support/pdf.js';
import { signInSakipPeople } from './demo-people.test-kit.js';

const R = '/api/regions/32.11/sakip';
const REPORTS = `${R}/reports`;
const PUBLIC = `${R}/public`;

/** The text of one part of a zip (a .docx), read with yauzl's promise API. */
async function partOf(data: Buffer, name: string): Promise<string> {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    throw new Error(`${name} is not in the file`);
  } finally {
    zip.close();
  }
}

describeWithApp('SAKIP performance report (LKjIP) and public pages', (h) => {
  const s: Record<string, Session> = {};
  const unitIds: Record<string, string> = {};
  const count = async () => (await h.ctx.database.rows<{ n: number }>(sql`select (select count(*) from sakip_reports) + (select count(*) from sakip_report_sections) as n`))[0].n;
  const file = (url: string, session?: Session) => h.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });

  beforeAll(() => signInSakipPeople(h, s, unitIds));

  it('shows the demo\'s final 2025 report of the region on the public page, with the active plans and no sign-in', async () => {
    const res = await h.api('GET', `${PUBLIC}?year=2025`);
    expect(res.status).toBe(200);
    expect(res.body.reports.map((r: any) => [r.year, r.unit, r.subject])).toEqual([[2025, null, 'Kabupaten Sumedang']]);
    expect(res.body.plans.map((p: any) => [p.kind, p.unit?.code ?? null])).toEqual([['rpjmd', null], ['renstra', 'DINKES'], ['renstra', 'DISKOMINFO']]);
    const iku = res.body.plans[0].rows.filter((r: any) => r.indicator?.isIku).map((r: any) => r.indicator.name);
    expect(iku).toContain('Prevalensi stunting pada balita');
    // Targets are published, realisations in progress are not.
    expect(JSON.stringify(res.body.plans)).not.toContain('achievement');
    const report = (await h.api('GET', `${PUBLIC}/reports/${res.body.reports[0].id}`)).body;
    expect(report).toMatchObject({ status: 'final', year: 2025, snapshot: { subject: 'Kabupaten Sumedang' } });
    const stunting = report.snapshot.rows.find((r: any) => r.indicator === 'Prevalensi stunting pada balita');
    // Lower is better: (2 × 14 − 13.8) / 14 = 101.43 %; against 2029's 7 %: (14 − 13.8) / 7 = 2.86 %.
    expect(stunting).toMatchObject({ realisation: '13.8', achievement: { percent: '101.43' }, targetEnd: { type: 'single', value: '7.00' }, progressToEnd: { percent: '2.86' } });
    // Nobody's sign-in name in the public answer.
    expect(JSON.stringify(report)).not.toContain('sakip@sumedang.demo');
  });

  it('puts the region\'s whole budget into its report as the overview counts it: each unit\'s Renstra programmes once, judged against the target each serves', async () => {
    const pub = (await h.api('GET', `${PUBLIC}?year=2025`)).body;
    const report = (await h.api('GET', `${PUBLIC}/reports/${pub.reports[0].id}`)).body;
    const budget = report.snapshot.budget;
    const overview = (await h.api('GET', `${R}/overview?year=2025`, { session: s.coordinator })).body;
    // Every unit's targets, from their drill-downs, in the units' order.
    const unitTargets: any[] = [];
    for (const u of overview.units.filter((x: any) => x.unit)) unitTargets.push(...(await h.api('GET', `${R}/overview?year=2025&unit=${u.unit.id}`, { session: s.coordinator })).body.targets);
    // The RPJMD's programmes carry no budget: the units' Renstra programmes are the region's, each once, by unit.
    expect(budget.rows.map((r: any) => [r.kind, r.code, r.unit, r.target, r.budget.ceiling, r.budget.spending, r.budget.absorption.percent, r.achievement.percent, r.efficiency.value, r.efficiency.category])).toEqual([
      // The health office's target: 104.92 % (as the overview's targets show it) on 90 % spent, +14.92.
      ['programme', '1.02.02', 'Dinas Kesehatan', 'Menurunnya prevalensi stunting dan kekurangan gizi pada balita', '4750000000', '4275000000', '90.00', '104.92', '14.92', 'efficient'],
      // Diskominfo's: the SPBE index at 3.22 of 3.60 = 89.44 % on 95 % spent, −5.56.
      ['programme', '2.16.03', 'Dinas Komunikasi dan Informatika', 'Meningkatnya keterpaduan layanan digital pemerintah daerah', '2400000000', '2280000000', '95.00', '89.44', '-5.56', 'inefficient'],
    ]);
    // Each programme here is the only one under its target: the same figures as the overview's targets.
    expect(budget.rows.map((r: any) => [r.achievement, r.budget, r.efficiency])).toEqual(unitTargets.map((t: any) => [t.achievement, t.budget, t.efficiency]));
    // The whole budget against the RPJMD's key indicators: exactly the overview's total.
    expect(budget.total).toMatchObject({ basis: 'iku', budget: overview.total.budget, efficiency: overview.total.efficiency, achievement: { percentExact: overview.iku.achievement.percentExact } });
    expect(budget.total.budget).toMatchObject({ ceiling: '7150000000', spending: '6555000000', absorption: { percent: '91.68' } });
    expect(budget.method).toEqual(overview.efficiencyMethod);
    const text = report.sections.find((x: any) => x.key === 'budget').text;
    expect(text).toContain('sebesar Rp7.150.000.000 dengan realisasi Rp6.555.000.000, atau serapan 91,68 %.');
    expect(text).toContain(`memberi selisih ${overview.total.efficiency.value.replace('.', ',')} poin: efisien.`);
    expect(text).toContain('Program yang tidak efisien: 2.16.03 PROGRAM PENGELOLAAN APLIKASI INFORMATIKA (capaian sasaran 89,44 %, serapan 95,00 %).');
  });

  it('generates a unit\'s draft from its Renstra, exact, edited by staff, frozen until regenerated, finalised by the unit\'s head', async () => {
    const res = await h.api('POST', REPORTS, { session: s.dinkes, body: { year: 2025, unitId: unitIds.DINKES } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = res.body;
    expect(r).toMatchObject({ status: 'draft', generation: 1, unit: { code: 'DINKES' }, snapshot: { subject: 'Dinas Kesehatan', plan: { kind: 'renstra', endYear: 2029 } } });
    // The goal's and target's indicators only (not the programme's or sub-activity's), in the plan's order.
    expect(r.snapshot.rows.map((x: any) => [x.indicator, x.realisation, x.achievement?.percent, x.progressToEnd?.percent])).toEqual([
      ['Prevalensi stunting pada balita', '13.8', '101.43', '2.86'],
      // A range 80–90 with 83.2 inside it is 100 %; against 2029's 88–95 it is below: 83.2 / 88 = 94.55 %.
      ['Cakupan tablet tambah darah pada remaja putri', '83.2', '100.00', '94.55'],
      // The two indicators measured per village: their realisations are the villages' weighted rates.
      ['Prevalensi stunting balita menurut data desa (e-PPGBM)', '12.679932', '109.43', '18.86'],
      ['Persentase rumah tangga dengan akses air minum layak', '84.895464', '108.84', '90.31'],
    ]);
    // The plan's first year: there is no last year inside it.
    expect(r.snapshot.rows[0].lastYearRealisation).toBeNull();
    const accountability = r.sections.find((x: any) => x.key === 'accountability').text;
    expect(accountability).toContain('4 telah dilaporkan realisasinya dan 4 mencapai');
    expect(r.sections.map((x: any) => x.key)).toEqual(['introduction', 'planning', 'accountability', 'budget', 'problems', 'follow_up', 'closing']);
    // Its Renstra's programme with its activity and sub-activity; only the programme is judged, against the target it serves.
    expect(r.snapshot.budget.rows.map((x: any) => [x.kind, x.code, x.unit, x.budget.ceiling, x.budget.absorption.percent, x.achievement?.percent ?? null, x.efficiency?.category ?? null])).toEqual([
      ['programme', '1.02.02', null, '4750000000', '90.00', '104.92', 'efficient'],
      ['activity', '1.02.02.2.02', null, '4750000000', '90.00', null, null],
      ['sub_activity', '1.02.02.2.02.0001', null, '4750000000', '90.00', null, null],
    ]);
    // A unit's whole budget against all its goals' and targets' indicators (their average above, 104.92 %).
    expect(r.snapshot.budget.total).toMatchObject({ basis: 'indicators', achievement: { percent: r.snapshot.summary.average }, efficiency: { value: '14.92', category: 'efficient' } });
    expect(r.sections.find((x: any) => x.key === 'budget').text).toContain('Pagu anggaran program Dinas Kesehatan tahun 2025 sebesar Rp4.750.000.000 dengan realisasi Rp4.275.000.000, atau serapan 90,00 %.');

    // Another unit's planner may not edit it; its own planner does.
    const edit = (session: Session, text: string, id = r.id) => h.api('PUT', `${REPORTS}/${id}/sections/problems`, { session, body: { text } });
    expect((await edit(s.kominfo, 'Bukan urusan saya')).body.error.code).toBe('sakip.not_your_unit');
    const edited = await edit(s.dinkes, 'Pengukuran di posyandu wilayah utara belum merata.\r\n\r\nData e-PPGBM terlambat masuk.');
    expect(edited.status).toBe(200);
    expect(edited.body.sections.find((x: any) => x.key === 'problems')).toMatchObject({ text: 'Pengukuran di posyandu wilayah utara belum merata.\n\nData e-PPGBM terlambat masuk.', updated: { by: 'perencana.dinkes@sumedang.demo' } });

    // A correction of 2025 (closed: the coordinator, with a reason) does not move the draft's figures...
    const plans = (await h.api('GET', `${R}/plans?kind=renstra&unitId=${unitIds.DINKES}`, { session: s.coordinator })).body;
    const fix = await h.api('PUT', `${R}/plans/${plans[0].id}/indicators/${r.snapshot.rows[0].indicatorId}/realisations/2025-Q4`, { session: s.coordinator, body: { value: '13.00', reason: 'Data SSGI final' } });
    expect(fix.status, JSON.stringify(fix.body)).toBe(200);
    expect((await h.api('GET', `${REPORTS}/${r.id}`, { session: s.evaluator })).body.snapshot.rows[0].achievement.percent).toBe('101.43');
    // ...until regenerated, which keeps staff's text.
    const again = await h.api('POST', `${REPORTS}/${r.id}/regenerate`, { session: s.dinkes, body: {} });
    expect(again.body).toMatchObject({ generation: 2 });
    // (28 − 13) / 14 = 107.142857… → 107.14.
    expect(again.body.snapshot.rows[0].achievement.percent).toBe('107.14');
    // The budget's judgement follows: the target now (107.142857… + 100 + 109.43… + 108.84…) / 4 = 106.35 %.
    expect(again.body.snapshot.budget.rows[0].achievement.percent).toBe('106.35');
    expect(again.body.sections.find((x: any) => x.key === 'problems').text).toContain('e-PPGBM terlambat');
    // Asked to, it writes new draft texts: the budget text now says today's figures, the staff's problems text is replaced.
    const reset = await h.api('POST', `${REPORTS}/${r.id}/regenerate`, { session: s.dinkes, body: { resetTexts: true } });
    expect(reset.body).toMatchObject({ generation: 3 });
    expect(reset.body.sections.find((x: any) => x.key === 'problems').text).not.toContain('e-PPGBM terlambat');
    const accountabilityText = (body: any) => body.sections.find((x: any) => x.key === 'accountability').text;
    expect(accountabilityText(reset.body)).toContain(`Rata-rata capaian indikator adalah ${reset.body.snapshot.summary.average.replace('.', ',')} %.`);
    expect(accountabilityText(reset.body)).not.toBe(accountabilityText(again.body));
    await edit(s.dinkes, 'Pengukuran di posyandu wilayah utara belum merata.\r\n\r\nData e-PPGBM terlambat masuk.');

    // Not on the public page while a draft, under any address.
    expect((await h.api('GET', `${PUBLIC}/reports/${r.id}`)).status).toBe(404);
    expect((await file(`${PUBLIC}/reports/${r.id}/export.pdf`)).statusCode).toBe(404);
    expect((await h.api('GET', `${PUBLIC}?year=2025`)).body.reports.map((x: any) => x.id)).not.toContain(r.id);

    // A planner may not finalise; another unit's head may not; the unit's own head does.
    expect((await h.api('POST', `${REPORTS}/${r.id}/finalise`, { session: s.dinkes, body: {} })).status).toBe(403);
    expect((await h.api('POST', `${REPORTS}/${r.id}/finalise`, { session: s.headKominfo, body: {} })).body.error.code).toBe('sakip.not_your_unit');
    const final = await h.api('POST', `${REPORTS}/${r.id}/finalise`, { session: s.headDinkes, body: {} });
    expect(final.body).toMatchObject({ status: 'final', final: { by: 'kepala.dinkes@sumedang.test' } });
    // Final: read-only.
    const before = await count();
    expect((await edit(s.dinkes, 'Terlambat')).body.error.code).toBe('sakip.report_final');
    expect((await h.api('POST', `${REPORTS}/${r.id}/regenerate`, { session: s.coordinator, body: {} })).body.error.code).toBe('sakip.report_final');
    expect(await count()).toBe(before);
    // And now public.
    const pub = (await h.api('GET', `${PUBLIC}?year=2025`)).body;
    expect(pub.reports.map((x: any) => x.subject)).toEqual(['Kabupaten Sumedang', 'Dinas Kesehatan']);
    expect((await h.api('GET', `${PUBLIC}/reports/${r.id}`)).body.sections.find((x: any) => x.key === 'problems').text).toContain('e-PPGBM terlambat');
  });

  it('exports a report as a Word document and a PDF, A4, with its chapters, tables and staff\'s text', async () => {
    const list = (await h.api('GET', `${REPORTS}?year=2025`, { session: s.evaluator })).body;
    const dinkes = list.find((x: any) => x.unit?.code === 'DINKES');
    const docx = await file(`${REPORTS}/${dinkes.id}/export.docx`, s.evaluator);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain('LKjIP 2025 - Dinas Kesehatan.docx');
    const xml = await partOf(docx.rawPayload, 'word/document.xml');
    for (const text of ['LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2025', 'BAB I PENDAHULUAN', 'BAB II PERENCANAAN KINERJA', 'BAB III AKUNTABILITAS KINERJA', 'BAB IV PENUTUP',
      'Prevalensi stunting pada balita', '107,14 %', '94,55 %', 'e-PPGBM terlambat', 'w:tblHeader', 'w:w="11906"', 'w:h="16838"',
      'Tabel 3. Realisasi anggaran dan efisiensi tahun 2025', 'Pagu (Rp)', '4.750.000.000', '4.275.000.000', '90,00 %', '106,35 %', 'Efisien (16,35)',
      'Sasaran: Menurunnya prevalensi stunting dan kekurangan gizi pada balita', 'Sub-kegiatan 1.02.02.2.02.0001 Pengelolaan Pelayanan Kesehatan Ibu Hamil',
      'atau serapan 90,00 %', 'Efisiensi menurut metode daerah, capaian kinerja dikurangi serapan anggaran']) {
      expect(xml, text).toContain(text);
    }
    expect(xml).not.toContain('belum tersedia');
    expect(await partOf(docx.rawPayload, 'word/styles.xml')).toContain('Heading1');

    const pdf = await file(`${REPORTS}/${dinkes.id}/export.pdf`, s.evaluator);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const raw = pdf.rawPayload.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    // Its own Unicode fonts, embedded (subsets: a six-letter tag before the name), never a standard font that writes WinAnsi only.
    expect([...new Set([...raw.matchAll(/\/FontName \/[A-Z]{6}\+(\S+)/g)].map((m) => m[1]))].sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique']);
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(3);
    expect(raw).not.toContain('Helvetica');
    const runs = pdfRuns(pdf.rawPayload);
    for (const text of ['Tabel 3. Realisasi anggaran dan efisiensi tahun 2025', '4.750.000.000', '4.275.000.000', '90,00 %', '106,35 %', 'Jumlah']) {
      expect(runs, text).toContain(text);
    }
    // A narrow cell wraps: its lines, joined.
    expect(runs.join(' ')).toContain('Efisien (16,35)');
    expect(runs.join(' ')).toContain('Pagu anggaran program Dinas Kesehatan tahun 2025 sebesar Rp4.750.000.000');
    // The minus sign (U+2212) as written, not a hyphen.
    expect(runs.join(' ')).toContain('tidak efisien bila di bawah −5 poin');
    // The public file of a final report is the same document, without signing in.
    expect((await file(`${PUBLIC}/reports/${dinkes.id}/export.docx`)).statusCode).toBe(200);
  });

  it('still reads and prints a report stored before budgets were reported, saying it has no budget figures', async () => {
    const list = (await h.api('GET', `${REPORTS}?year=2025`, { session: s.evaluator })).body;
    const dinkes = list.find((x: any) => x.unit?.code === 'DINKES');
    await h.ctx.database.rows(sql`update sakip_reports set snapshot = jsonb_set(snapshot, '{budget}', 'null') where id = ${dinkes.id}`);
    const old = await h.api('GET', `${PUBLIC}/reports/${dinkes.id}`);
    expect([old.status, old.body.snapshot.budget]).toEqual([200, null]);
    const xml = await partOf((await file(`${REPORTS}/${dinkes.id}/export.docx`, s.evaluator)).rawPayload, 'word/document.xml');
    expect(xml).toContain('Data pagu dan realisasi anggaran belum tersedia di Pamong untuk laporan ini.');
    expect(xml).not.toContain('Tabel 3.');
    expect(pdfRuns((await file(`${PUBLIC}/reports/${dinkes.id}/export.pdf`)).rawPayload)).toContain('Data pagu dan realisasi anggaran belum tersedia di Pamong untuk laporan ini.');
  });

  it('refuses bad input with stable codes and saves nothing', async () => {
    const cases: [Session, unknown, number, string][] = [
      [s.coordinator, { year: 2025 }, 409, 'sakip.report_exists'],
      [s.coordinator, { year: 2031 }, 409, 'sakip.report_no_plan'],
      [s.coordinator, { year: 1999 }, 400, 'request.invalid'],
      [s.coordinator, { year: '2025x' }, 400, 'request.invalid'],
      [s.coordinator, { year: 2026, unitId: '00000000-0000-4000-8000-000000000000' }, 404, 'unit.not_found'],
      [s.dinkes, { year: 2026 }, 403, 'sakip.coordinator_only'],
      [s.kominfo, { year: 2026, unitId: unitIds.DINKES }, 403, 'sakip.not_your_unit'],
      [s.evaluator, { year: 2026 }, 403, 'auth.forbidden'],
    ];
    for (const [session, body, status, code] of cases) {
      const res = await h.api('POST', REPORTS, { session, body });
      expect([res.status, res.body.error?.code], code).toEqual([status, code]);
    }
    const draft = (await h.api('POST', REPORTS, { session: s.kominfo, body: { year: 2026, unitId: unitIds.DISKOMINFO } })).body;
    // No budget entered for 2026: no table, and the section's text left to staff.
    expect([draft.snapshot.budget, draft.sections.find((x: any) => x.key === 'budget').text]).toEqual([null, '']);
    const mid = await count();
    expect((await h.api('PUT', `${REPORTS}/${draft.id}/sections/appendix`, { session: s.kominfo, body: { text: 'x' } })).status).toBe(400);
    expect((await h.api('PUT', `${REPORTS}/${draft.id}/sections/closing`, { session: s.kominfo, body: { text: 'x'.repeat(20001) } })).status).toBe(400);
    expect((await h.api('GET', `${REPORTS}/00000000-0000-4000-8000-000000000000`, { session: s.kominfo })).body.error.code).toBe('sakip.report_not_found');
    expect(await count()).toBe(mid);
  });

  it('publishes signed agreements only, and never another region\'s drafts', async () => {
    const pub = (await h.api('GET', `${PUBLIC}?year=2026`)).body;
    // The demo's 2026 agreements: the head of region's and the health office head's signed, Diskominfo's a draft.
    expect(pub.agreements.map((a: any) => [a.level, a.unit?.code ?? null])).toEqual([['region', null], ['unit', 'DINKES']]);
    // Diskominfo's 2026 draft report (previous test) is not public; the province's page shows nothing of Sumedang's.
    expect(pub.reports).toEqual([]);
    const province = await h.api('GET', '/api/regions/32/sakip/public?year=2026');
    if (province.status === 200) {
      expect(province.body.reports).toEqual([]);
      expect(JSON.stringify(province.body)).not.toContain('Sumedang');
    } else {
      expect(province.status).toBe(404);
    }
  });
  it('lets the coordinator alone reopen a final report with a reason, keeping the approved report as a version the public still reads', async () => {
    const pub = (await h.api('GET', `${PUBLIC}?year=2025`)).body;
    const id = pub.reports.find((x: any) => x.unit === null).id;
    const approved = (await h.api('GET', `${REPORTS}/${id}`, { session: s.coordinator })).body;
    expect(approved).toMatchObject({ status: 'final', final: { by: 'sakip@sumedang.demo' }, versions: [] });
    const reopen = (session: Session, body: unknown, reportId = id) => h.api('POST', `${REPORTS}/${reportId}/reopen`, { session, body });
    const versions = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from sakip_report_versions`))[0].n;

    // Refused, and nothing kept: a unit's head approves reports but does not undo an approval; a planner has no say;
    // the reason is required (absent, blank) and bounded.
    const refused: [Session, unknown, number, string][] = [
      [s.headDinkes, { reason: 'Salah ketik' }, 403, 'sakip.coordinator_only'],
      [s.dinkes, { reason: 'Salah ketik' }, 403, 'auth.forbidden'],
      [s.coordinator, {}, 400, 'sakip.report_reopen_reason_required'],
      [s.coordinator, { reason: '  \n ' }, 400, 'sakip.report_reopen_reason_required'],
      [s.coordinator, { reason: 'x'.repeat(2001) }, 400, 'request.text_too_long'],
    ];
    for (const [session, body, status, code] of refused) {
      const res = await reopen(session, body);
      expect([res.status, res.body.error?.code], code).toEqual([status, code]);
    }
    const dinkes = (await h.api('GET', `${REPORTS}?year=2025`, { session: s.evaluator })).body.find((x: any) => x.unit?.code === 'DINKES');
    expect((await reopen(s.headDinkes, { reason: 'Salah ketik' }, dinkes.id)).body.error.code).toBe('sakip.coordinator_only');
    expect(await versions()).toBe(0);

    const reason = 'Realisasi kemiskinan dikoreksi BPS setelah laporan disetujui';
    const res = await reopen(s.coordinator, { reason: `  ${reason} ` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', final: null, generation: approved.generation });
    expect(res.body.versions).toEqual([{
      version: 1, generation: approved.generation, final: approved.final, reopened: { at: expect.any(String), by: 'sakip@sumedang.demo', reason },
    }]);
    // A draft cannot be reopened again.
    expect((await reopen(s.coordinator, { reason: 'Lagi' })).body.error.code).toBe('sakip.report_not_final');
    // Audited like the other report actions, with the reason.
    const [logged] = await h.ctx.database.rows<{ detail: any }>(sql`select detail from audit_log where action = 'sakip.report_reopen' and entity_id = ${id}`);
    expect(logged.detail).toMatchObject({ year: 2025, version: 1, reason });

    // The approved report, readable as version 1 (figures and texts as approved), also as a file.
    const v1 = (await h.api('GET', `${REPORTS}/${id}/versions/1`, { session: s.evaluator })).body;
    expect(v1).toMatchObject({ version: 1, status: 'final', final: approved.final, reopened: { reason }, snapshot: approved.snapshot });
    expect(v1.sections).toEqual(approved.sections.map((x: any) => ({ key: x.key, heading: x.heading, text: x.text })));
    expect((await h.api('GET', `${REPORTS}/${id}/versions/2`, { session: s.evaluator })).body.error.code).toBe('sakip.report_version_not_found');
    const file1 = await file(`${REPORTS}/${id}/export.docx?version=1`, s.evaluator);
    expect(decodeURIComponent(String(file1.headers['content-disposition']))).toContain('LKjIP 2025 - Kabupaten Sumedang (versi 1).docx');

    // The draft is edited; the public keeps reading the approved version, marked as under revision, never the draft's text.
    const draftText = 'Angka kemiskinan diperbarui sesuai rilis BPS.';
    expect((await h.api('PUT', `${REPORTS}/${id}/sections/closing`, { session: s.coordinator, body: { text: draftText } })).status).toBe(200);
    const listed = (await h.api('GET', `${PUBLIC}?year=2025`)).body.reports.find((x: any) => x.id === id);
    expect(listed).toMatchObject({ underRevision: true, finalisedAt: approved.final.at });
    const shown = (await h.api('GET', `${PUBLIC}/reports/${id}`)).body;
    expect(shown).toMatchObject({ status: 'final', underRevision: true, finalisedAt: approved.final.at, snapshot: approved.snapshot });
    expect(JSON.stringify(shown)).not.toContain(draftText);
    expect(JSON.stringify(shown)).not.toContain(reason);
    const publicFile = await partOf((await file(`${PUBLIC}/reports/${id}/export.docx`)).rawPayload, 'word/document.xml');
    expect(publicFile).not.toContain(draftText);
    expect(publicFile).not.toContain('(DRAF)');

    // Final again: the public reads the corrected report; the earlier version stays.
    const final = await h.api('POST', `${REPORTS}/${id}/finalise`, { session: s.coordinator, body: {} });
    expect(final.body).toMatchObject({ status: 'final', versions: [{ version: 1 }] });
    const after = (await h.api('GET', `${PUBLIC}/reports/${id}`)).body;
    expect(after).toMatchObject({ underRevision: false });
    expect(after.sections.find((x: any) => x.key === 'closing').text).toBe(draftText);
    expect((await h.api('GET', `${PUBLIC}?year=2025`)).body.reports.find((x: any) => x.id === id).underRevision).toBe(false);
  });

  it('prints what staff write as written in the PDF: comparison and minus signs, ×, ², curly quotes', async () => {
    const draft = (await h.api('GET', `${REPORTS}?year=2026`, { session: s.kominfo })).body.find((x: any) => x.unit?.code === 'DISKOMINFO');
    const text = 'Target layanan ≥ 95 % dan gangguan ≤ 2 % belum tercapai: selisihnya −3,5 poin. Jaringan 1.200 m² × 3 kecamatan, menurut “data awal” dan ‘catatan’ Dinas.';
    expect((await h.api('PUT', `${REPORTS}/${draft.id}/sections/problems`, { session: s.kominfo, body: { text } })).status).toBe(200);
    const pdf = await file(`${REPORTS}/${draft.id}/export.pdf`, s.kominfo);
    expect(pdf.statusCode).toBe(200);
    expect(pdfRuns(pdf.rawPayload).join(' ')).toContain(text);
  });
});
