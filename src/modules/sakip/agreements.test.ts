// Performance agreements through the real API on the demo region: drafting
// copies the plan's current targets, a later target revision leaves a signed
// agreement as signed, only the agreement's own unit head (or the
// coordinator) records its signing, a revision needs its reason and keeps the
// signed version readable, the Word file carries the parties and targets,
// and refused input saves nothing.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import yauzl from 'yauzl';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { signInSakipPeople } from './demo-people.test-kit.js';

const R = '/api/regions/32.11/sakip';
const A = `${R}/agreements`;

/** The text of one part of a zip (a .docx), read by another zip reader than the one that wrote it. */
async function partOf(data: Buffer, name: string): Promise<string> {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== name) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => { zip.close(); resolve(Buffer.concat(chunks).toString('utf8')); }).on('error', reject);
      });
    });
    zip.on('end', () => reject(new Error(`${name} is not in the file`)));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** A WordprocessingML body's paragraphs as text, each its runs joined (tables' cells are paragraphs too). */
const paragraphsOf = (xml: string) => xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
  .map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));

describeWithApp('SAKIP performance agreements', (h) => {
  const s: Record<string, Session> = {};
  const unitIds: Record<string, string> = {};
  const count = async () => (await h.ctx.database.rows<{ n: number }>(sql`select (select count(*) from sakip_agreements where region_code = '32.11')
    + (select count(*) from sakip_agreement_versions where region_code = '32.11') + (select count(*) from sakip_agreement_rows where region_code = '32.11') as n`))[0].n;
  const unitHead = { name: 'dr. Ratna Sari, M.Kes.', position: 'Kepala Dinas Kesehatan', nip: '197501012000032001' };
  const bupati = { name: 'H. Dony Ahmad Munir', position: 'Bupati Sumedang' };

  beforeAll(() => signInSakipPeople(h, s, unitIds));

  /** The Renstra of a unit and the current version of an indicator's 2027 target. */
  async function renstra(code: string) {
    const plans = (await h.api('GET', `${R}/plans?kind=renstra&unitId=${unitIds[code]}`, { session: s.coordinator })).body;
    return plans[0].id as string;
  }

  it('drafts a unit head\'s agreement from the Renstra with the current targets, and the unit head signs it', async () => {
    const res = await h.api('POST', A, { session: s.dinkes, body: { year: 2027, level: 'unit', unitId: unitIds.DINKES, firstParty: unitHead, secondParty: bupati } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const pk = res.body;
    expect(pk).toMatchObject({ year: 2027, level: 'unit', status: 'draft', version: 1, unit: { code: 'DINKES' }, place: 'Sumedang', secondParty: { name: bupati.name, nip: '' } });
    // The Renstra's target (sasaran) indicators with 2027's targets: single values and a range (the last two measured per village).
    expect(pk.targets.map((t: any) => [t.indicator, t.value ?? `${t.low}-${t.high}`])).toEqual([
      ['Prevalensi stunting pada balita', '10.00'], ['Cakupan tablet tambah darah pada remaja putri', '84-92'],
      ['Prevalensi stunting balita menurut data desa (e-PPGBM)', '10.00'], ['Persentase rumah tangga dengan akses air minum layak', '86'],
    ]);
    expect(pk.programmes.map((p: any) => p.code)).toEqual(['1.02.02']);
    expect(pk.words.paragraphs.join(' ')).toContain('pihak kedua');

    // Another unit's head may not sign it; a planner may not sign at all; the unit's own head does.
    expect((await h.api('POST', `${A}/${pk.id}/sign`, { session: s.headKominfo, body: {} })).body.error.code).toBe('sakip.not_your_unit');
    expect((await h.api('POST', `${A}/${pk.id}/sign`, { session: s.dinkes, body: {} })).status).toBe(403);
    expect((await h.api('GET', `${A}/${pk.id}`, { session: s.headKominfo })).body.status).toBe('draft');
    const signed = await h.api('POST', `${A}/${pk.id}/sign`, { session: s.headDinkes, body: { signedOn: '2027-01-15' } });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', signedOn: '2027-01-15', signed: { by: 'kepala.dinkes@sumedang.test' } });
    expect(signed.body.words.placeAndDate).toBe('Sumedang, 15 Januari 2027');
    // Signed: no more edits, no second signing.
    expect((await h.api('PATCH', `${A}/${pk.id}`, { session: s.dinkes, body: { place: 'Jatinangor' } })).body.error.code).toBe('sakip.agreement_signed');

    // The plan's target is revised later: the signed agreement keeps what was signed, and says the plan has moved on.
    const planId = await renstra('DINKES');
    const stunting = pk.targets[0].indicatorId;
    expect((await h.api('POST', `${R}/plans/${planId}/indicators/${stunting}/targets`, { session: s.dinkes, body: { year: 2027, value: '9.5', reason: 'SSGI 2026' } })).status).toBe(201);
    const after = (await h.api('GET', `${A}/${pk.id}`, { session: s.evaluator })).body;
    expect(after.targets[0]).toMatchObject({ value: '10.00', targetVersion: 1, revisedSince: true });

    // A revision needs its reason; with it, a new draft with the revised target, and version 1 unchanged.
    const before = await count();
    const noReason = await h.api('POST', `${A}/${pk.id}/revise`, { session: s.dinkes, body: { reason: '  ' } });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'sakip.agreement_reason_required']);
    expect(await count()).toBe(before);
    const newHead = { name: 'dr. Budi Santoso', position: 'Kepala Dinas Kesehatan' };
    const revised = await h.api('POST', `${A}/${pk.id}/revise`, { session: s.dinkes, body: { reason: 'Pergantian kepala dinas', firstParty: newHead } });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ version: 2, status: 'draft', reason: 'Pergantian kepala dinas', firstParty: { name: newHead.name } });
    expect(revised.body.targets[0]).toMatchObject({ value: '9.5', targetVersion: 2, revisedSince: false });
    expect(revised.body.versions.map((v: any) => [v.version, v.status])).toEqual([[1, 'signed'], [2, 'draft']]);
    const v1 = (await h.api('GET', `${A}/${pk.id}/versions/1`, { session: s.evaluator })).body;
    expect(v1).toMatchObject({ version: 1, status: 'signed', firstParty: { name: unitHead.name }, signedOn: '2027-01-15' });
    expect(v1.targets[0].value).toBe('10.00');

    // The Word file of version 1: the parties and a target, in the document's XML.
    const docx = await h.app.inject({ method: 'GET', url: `${A}/${pk.id}/export.docx?version=1`, headers: { cookie: s.evaluator.cookie } });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await partOf(docx.rawPayload, 'word/document.xml');
    const lines = paragraphsOf(xml);
    for (const text of ['PERJANJIAN KINERJA TAHUN 2027', unitHead.name, `NIP ${unitHead.nip}`, bupati.name, 'Pihak Pertama,', 'Pihak Kedua,', 'Prevalensi stunting pada balita', '10,00 %', '84–92 %', 'Sumedang, 15 Januari 2027', 'Program dan anggaran']) {
      expect(lines, text).toContain(text);
    }
    // The statement names both parties; the signature block puts the second party left, the first right (after the date).
    expect(lines.find((l) => l.startsWith('Nama: dr. Ratna Sari'))).toContain('selanjutnya disebut pihak pertama');
    expect(lines.indexOf('Pihak Kedua,')).toBeLessThan(lines.indexOf('Sumedang, 15 Januari 2027'));
    expect(lines.indexOf('Sumedang, 15 Januari 2027')).toBeLessThan(lines.indexOf('Pihak Pertama,'));
    // A4 portrait, Indonesian.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    expect(await partOf(docx.rawPayload, 'word/styles.xml')).toContain('w:val="id-ID"');
  });

  it('drafts the head of region\'s agreement from the RPJMD, alone, signed by the coordinator only', async () => {
    const withSecond = await h.api('POST', A, { session: s.coordinator, body: { year: 2027, level: 'region', firstParty: bupati, secondParty: unitHead } });
    expect([withSecond.status, withSecond.body.error.code]).toEqual([400, 'sakip.agreement_parties_invalid']);
    const res = await h.api('POST', A, { session: s.coordinator, body: { year: 2027, level: 'region', firstParty: bupati } });
    expect(res.status).toBe(201);
    expect(res.body.secondParty).toBeNull();
    expect(res.body.targets.map((t: any) => t.indicator)).toContain('Tingkat kemiskinan');
    // A unit planner may not draft or edit the region's; a unit head may not sign it.
    expect((await h.api('PATCH', `${A}/${res.body.id}`, { session: s.dinkes, body: { place: 'Sumedang' } })).body.error.code).toBe('sakip.coordinator_only');
    expect((await h.api('POST', `${A}/${res.body.id}/sign`, { session: s.headDinkes, body: {} })).body.error.code).toBe('sakip.coordinator_only');
    expect((await h.api('POST', `${A}/${res.body.id}/sign`, { session: s.coordinator, body: {} })).body.status).toBe('signed');
    const list = (await h.api('GET', `${A}?year=2027`, { session: s.evaluator })).body;
    expect(list.map((a: any) => [a.level, a.unit?.code ?? null, a.status])).toEqual([['region', null, 'signed'], ['unit', 'DINKES', 'draft']]);
  });

  it('publishes a signed agreement as Word for anyone, without the parties\' NIP; never a draft, never under another region', async () => {
    // The health office's 2027 agreement, signed as version 1, is being revised (version 2, a draft): version 1 is the published one.
    const signed = (await h.api('GET', `${A}?year=2027`, { session: s.coordinator })).body.find((a: any) => a.level === 'unit' && a.unit?.code === 'DINKES');
    expect(signed).toMatchObject({ version: 2, status: 'draft' });
    const pub = (id: string, region = '32.11') => h.app.inject({ method: 'GET', url: `/api/regions/${region}/sakip/public/agreements/${id}/export.docx` });
    const docx = await pub(signed.id);
    expect(docx.statusCode).toBe(200);
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain('(versi 1).docx');
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['cache-control']).toBe('public, max-age=300');
    const lines = paragraphsOf(await partOf(docx.rawPayload, 'word/document.xml'));
    expect(lines).toContain(unitHead.name);
    expect(lines).toContain('Prevalensi stunting pada balita');
    expect(lines.join('\n')).not.toContain(unitHead.nip);
    // A draft is not published; the same id under another region is not found.
    const draft = await h.api('POST', A, { session: s.dinkes, body: { year: 2028, level: 'unit', unitId: unitIds.DINKES, firstParty: unitHead, secondParty: bupati } });
    expect(draft.status).toBe(201);
    for (const res of [await pub(draft.body.id), await pub(signed.id, '32')]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('sakip.agreement_not_found');
    }
  });

  it('refuses bad input with stable codes and saves nothing', async () => {
    const before = await count();
    const cases: [Session, unknown, number, string][] = [
      [s.kominfo, { year: 2027, level: 'unit', unitId: unitIds.DINKES, firstParty: unitHead, secondParty: bupati }, 403, 'sakip.not_your_unit'],
      [s.coordinator, { year: 2027, level: 'unit', unitId: unitIds.DINKES, firstParty: unitHead, secondParty: bupati }, 409, 'sakip.agreement_exists'],
      [s.coordinator, { year: 2031, level: 'unit', unitId: unitIds.DINKES, firstParty: unitHead, secondParty: bupati }, 409, 'sakip.agreement_no_plan'],
      [s.coordinator, { year: 2027, level: 'unit', unitId: unitIds.DISKOMINFO, firstParty: unitHead }, 400, 'sakip.agreement_parties_invalid'],
      [s.coordinator, { year: 2027, level: 'subunit', unitId: unitIds.DISKOMINFO, firstParty: unitHead, secondParty: bupati }, 400, 'sakip.agreement_parties_invalid'],
      [s.coordinator, { year: 2027, level: 'unit', unitId: unitIds.DISKOMINFO, firstParty: unitHead, secondParty: bupati, indicatorIds: ['00000000-0000-4000-8000-000000000000'] }, 404, 'sakip.indicator_not_found'],
      [s.coordinator, { year: 2027, level: 'unit', unitId: unitIds.DISKOMINFO, firstParty: { name: '', position: 'Kepala' }, secondParty: bupati }, 400, 'request.invalid'],
    ];
    for (const [session, body, status, code] of cases) {
      const res = await h.api('POST', A, { session, body });
      expect([res.status, res.body.error?.code], code).toEqual([status, code]);
    }
    const draft = await h.api('POST', A, { session: s.kominfo, body: { year: 2027, level: 'unit', unitId: unitIds.DISKOMINFO, firstParty: unitHead, secondParty: bupati } });
    expect(draft.status).toBe(201);
    const mid = await count();
    const programme = draft.body.programmes[0].nodeId;
    for (const [body, code] of [
      [{ budgets: [{ nodeId: programme, budget: 'satu miliar' }] }, 'sakip.value_not_numeric'],
      [{ budgets: [{ nodeId: programme, budget: '-5' }] }, 'sakip.value_negative'],
      [{ place: 'Jatinangor', budgets: [{ nodeId: '00000000-0000-4000-8000-000000000000', budget: '5' }] }, 'sakip.node_not_found'],
      [{ secondParty: null }, 'sakip.agreement_parties_invalid'],
    ] as const) {
      expect((await h.api('PATCH', `${A}/${draft.body.id}`, { session: s.kominfo, body })).body.error.code).toBe(code);
    }
    expect((await h.api('POST', `${A}/${draft.body.id}/revise`, { session: s.kominfo, body: { reason: 'Belum ditandatangani' } })).body.error.code).toBe('sakip.agreement_not_signed');
    expect((await h.api('GET', `${A}/${draft.body.id}`, { session: s.kominfo })).body.place).toBe('Sumedang');
    expect(await count()).toBe(mid);
    expect(mid - before).toBe(2 + draft.body.targets.length + draft.body.programmes.length);
    const budget = await h.api('PATCH', `${A}/${draft.body.id}`, { session: s.kominfo, body: { budgets: [{ nodeId: programme, budget: '1250000000' }] } });
    expect(budget.body.programmes[0].budget).toBe('1250000000');
  });
});
