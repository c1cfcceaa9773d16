// The public version of the leader's page and its open data: anyone reads,
// without signing in, only the figures the region admin chose to publish,
// from the figures' snapshot (never read live), as JSON and as a CSV that
// open-data portals and Excel open (Indonesian, or English with ?lang=en),
// described as a DCAT catalogue, readable from any site (CORS) while nothing
// else is; nothing is published until the region chooses; the choice is
// checked against the tiles (also when saved with the region's settings) and
// is the region's own.
import { expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeWithApp } from '../../../test/harness.js';
import { parseCsv } from '../../platform/csv.js';
import { listTiles } from '../../platform/modules/tiles.js';
import { enableRegion, getRegion, updateSettings } from '../../platform/regions/service.js';
import { refreshFigures } from './service/figures.js';
import { pimpinanFigures } from './schema.js';
import { PUBLIC_CSV_HEADER, PUBLIC_CSV_HEADERS } from './service/public.js';

const R = '/api/regions/32.11';
const PUBLISHED = ['complaints.received-this-month', 'spbe.index'];
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;
const HEADER = 'kode_wilayah,nama_wilayah,modul,nama_modul,kunci,judul,cara_menghitung,bulan,nilai,satuan,berlaku_per,dibaca_pada';

describeWithApp('leader\'s figures, public and as open data', (h) => {
  const tiles = listTiles().map((t) => ({ ref: `${t.module}.${t.tile.key}`, title: t.tile.title, method: t.tile.method }));
  const unpublished = tiles.filter((t) => !PUBLISHED.includes(t.ref));
  const csvOf = async (url = `${R}/pimpinan/publik.csv`) => {
    const res = await h.api('GET', url);
    expect(res.status).toBe(200);
    return { res, ...parseCsv(res.raw) };
  };
  const snapshot = async (ref: string) => {
    const [module, key] = ref.split('.');
    const [row] = await h.ctx.database.db.select({ value: pimpinanFigures.value }).from(pimpinanFigures)
      .where(and(eq(pimpinanFigures.regionCode, '32.11'), eq(pimpinanFigures.module, module), eq(pimpinanFigures.key, key)));
    return row?.value === null || row === undefined ? null : Number(row.value);
  };

  it('publishes nothing until the region chooses: an empty list and a CSV with only its header', async () => {
    await refreshFigures(h.ctx, '32.11');
    const res = await h.api('GET', `${R}/pimpinan/publik`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ region: { code: '32.11', name: 'Kabupaten Sumedang', timezoneLabel: 'WIB' }, figures: [] });
    expect(res.body.months).toHaveLength(12);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const { res: csv, rows, separator } = await csvOf();
    expect(csv.raw).toBe(`\uFEFF${HEADER}\r\n`);
    expect({ rows, separator }).toEqual({ rows: [PUBLIC_CSV_HEADER], separator: ',' });
  });

  it('lets the region admin choose from every tile by its title, and refuses a figure that is not on the leader\'s page', async () => {
    const admin = await h.signIn('admin@sumedang.demo');
    const choices = await h.api('GET', `${R}/pimpinan/publik/pilihan`, { session: admin });
    expect(choices.status).toBe(200);
    expect(choices.body.tiles.map((t: any) => ({ ref: t.ref, title: t.title, method: t.method, published: t.published })))
      .toEqual(tiles.map((t) => ({ ...t, published: false })));

    for (const refs of [['complaints.overdue', 'complaints.nothing-like-this'], ['bukan-ref'], ['pimpinan.settings']]) {
      const refused = await h.api('PUT', `${R}/pimpinan/publik/pilihan`, { session: admin, body: { refs } });
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 422, code: 'pimpinan.unknown_tile' });
      expect(refused.body.error.messages.id).toContain(refs.at(-1));
      expect(refused.body.error.messages.en).toContain(refs.at(-1));
      expect(refused.body.error.details).toEqual({ refs: [refs.at(-1)] });
    }
    expect((await h.api('GET', `${R}/settings`, { session: admin })).body.pimpinan.published).toEqual([]);

    // In any order and repeated: kept once each, in the page's order.
    const saved = await h.api('PUT', `${R}/pimpinan/publik/pilihan`, { session: admin, body: { refs: [...PUBLISHED].reverse().concat(PUBLISHED[0]) } });
    expect(saved.status).toBe(200);
    expect((await h.api('GET', `${R}/settings`, { session: admin })).body.pimpinan.published).toEqual(PUBLISHED);
    const after = await h.api('GET', `${R}/pimpinan/publik/pilihan`, { session: admin });
    expect(after.body.tiles.filter((t: any) => t.published).map((t: any) => t.ref)).toEqual(PUBLISHED);
    // The change is in the region's audit log as a settings change.
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where region_code = '32.11' and action = 'region.settings'`);
    expect(n).toBe(1);
  });

  it('shows anyone only the published figures, each with its title, method, value, as-of and months, and never another tile', async () => {
    const res = await h.api('GET', `${R}/pimpinan/publik`);
    expect(res.status).toBe(200);
    const page = res.body;
    expect(page.figures.map((f: any) => f.ref)).toEqual(PUBLISHED);
    const thisMonth = page.months.at(-1);
    for (const f of page.figures) {
      const declared = tiles.find((t) => t.ref === f.ref)!;
      expect({ title: f.title, method: f.method }).toEqual({ title: declared.title, method: declared.method });
      expect(f.value).toBe(await snapshot(f.ref));
      expect(Date.parse(f.asOf)).not.toBeNaN();
      expect(f.months).toHaveLength(12);
      expect(f.months.at(-1)).toEqual({ month: thisMonth, value: f.value, takenAt: f.takenAt });
      expect(f.months.slice(0, -1).every((m: any) => m.value === null && m.takenAt === null)).toBe(true);
      // What lies behind a figure on the leader's page (its units, its links) is not published.
      expect(Object.keys(f)).not.toContain('items');
      expect(Object.keys(f)).not.toContain('link');
    }
    const { res: csv } = await csvOf();
    for (const body of [res.raw, csv.raw]) {
      for (const t of unpublished) {
        expect(body).not.toContain(`"${t.ref}"`);
        expect(body).not.toContain(t.title.id);
      }
    }
  });

  it('reads the snapshot only: a new complaint shows once Pamong has read the figures again', async () => {
    const before = (await h.api('GET', `${R}/pimpinan/publik`)).body.figures[0];
    expect(before.ref).toBe('complaints.received-this-month');
    const categories = (await h.api('GET', `${R}/categories`)).body as any[];
    const filed = await h.api('POST', `${R}/complaints`, { body: { categoryId: categories.find((c) => c.code === 'sampah').id, description: 'Sampah menumpuk di depan pasar sejak seminggu' } });
    expect(filed.status).toBe(201);
    expect((await h.api('GET', `${R}/pimpinan/publik`)).body.figures[0].value).toBe(before.value);
    h.clock.advance(60_000);
    await refreshFigures(h.ctx, '32.11');
    const after = (await h.api('GET', `${R}/pimpinan/publik`)).body.figures[0];
    expect(after.value).toBe(before.value + 1);
  });

  it('gives the same figures as a CSV that opens in Excel: BOM, Indonesian header, one row per figure and month', async () => {
    // Into the next month: a second reading, so each figure has two months.
    h.clock.advance(31 * 24 * 3_600_000);
    await refreshFigures(h.ctx, '32.11');
    const page = (await h.api('GET', `${R}/pimpinan/publik`)).body;
    const { res, rows, separator } = await csvOf();
    expect(res.raw.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['content-disposition']).toContain('dasbor-publik-32.11.csv');
    expect(separator).toBe(',');
    const [header, ...data] = rows;
    expect(header).toEqual(PUBLIC_CSV_HEADER);
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    const [last, previous] = [page.months.at(-1), page.months.at(-2)];
    expect(data.map((r) => `${cell(r, 'modul')}.${cell(r, 'kunci')} ${cell(r, 'bulan')}`))
      .toEqual(PUBLISHED.flatMap((ref) => [`${ref} ${previous}`, `${ref} ${last}`]));
    for (const f of page.figures) {
      const mine = data.filter((r) => `${cell(r, 'modul')}.${cell(r, 'kunci')}` === f.ref);
      for (const r of mine) {
        expect([cell(r, 'kode_wilayah'), cell(r, 'nama_wilayah'), cell(r, 'judul'), cell(r, 'cara_menghitung')]).toEqual(['32.11', 'Kabupaten Sumedang', f.title.id, f.method.id]);
        const month = f.months.find((m: any) => m.month === cell(r, 'bulan'));
        expect(cell(r, 'nilai')).toBe(month.value === null ? '' : String(month.value));
        expect(cell(r, 'dibaca_pada')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
        expect(Date.parse(cell(r, 'dibaca_pada'))).toBe(seconds(month.takenAt));
      }
      // The unit and as-of belong to the latest reading: on its row only.
      const [older, latest] = mine;
      expect([cell(older, 'satuan'), cell(older, 'berlaku_per')]).toEqual(['', '']);
      expect(cell(latest, 'satuan')).toBe(f.unit?.id ?? '');
      expect(Date.parse(cell(latest, 'berlaku_per'))).toBe(seconds(f.asOf));
    }
  });

  it('gives the same rows in English with ?lang=en: English header and texts, still comma and decimal point, BOM, a name of its own', async () => {
    const page = (await h.api('GET', `${R}/pimpinan/publik`)).body;
    const id = await csvOf();
    const en = await csvOf(`${R}/pimpinan/publik.csv?lang=en`);
    expect(en.res.raw.startsWith(`\uFEFF${PUBLIC_CSV_HEADERS.en.join(',')}\r\n`)).toBe(true);
    expect(en.res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(en.res.headers['content-language']).toBe('en');
    expect(en.res.headers['content-disposition']).toContain('public-dashboard-32.11.csv');
    expect(id.res.headers['content-language']).toBe('id');
    // The reader's language does not change the default file: Indonesian unless ?lang=en.
    expect((await h.api('GET', `${R}/pimpinan/publik.csv`, { headers: { 'accept-language': 'en-US' } })).raw).toBe(id.res.raw);
    expect(en.separator).toBe(',');
    const [header, ...data] = en.rows;
    expect(header).toEqual(['region_code', 'region_name', 'module', 'module_name', 'key', 'title', 'method', 'month', 'value', 'unit', 'as_of', 'read_at']);
    expect(data).toHaveLength(id.rows.length - 1);
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    for (const [i, r] of data.entries()) {
      const same = id.rows[i + 1];
      // Codes, keys, months, values and times are the same cells; only the words change.
      for (const [n, name] of header.entries()) if (!['module_name', 'title', 'method', 'unit'].includes(name)) expect(r[n]).toBe(same[n]);
      const f = page.figures.find((x: any) => x.ref === `${cell(r, 'module')}.${cell(r, 'key')}`);
      expect([cell(r, 'module_name'), cell(r, 'title'), cell(r, 'method')]).toEqual([f.moduleTitle.en, f.title.en, f.method.en]);
      if (cell(r, 'month') === page.months.at(-1)) expect(cell(r, 'unit')).toBe(f.unit?.en ?? '');
      expect(cell(r, 'value')).not.toContain(',');
    }
  });

  it('lets a page on any site read the open data (CORS, no credentials), and nothing else in the API', async () => {
    const origin = { origin: 'https://data.jabarprov.go.id' };
    for (const url of [`${R}/pimpinan/publik`, `${R}/pimpinan/publik.csv`, `${R}/pimpinan/publik.csv?lang=en`, `${R}/pimpinan/publik/dcat.jsonld`, '/api/regions/99.99/pimpinan/publik']) {
      for (const method of ['GET', 'HEAD'] as const) {
        const res = await h.api(method, url, { headers: origin });
        expect({ url, method, allow: res.headers['access-control-allow-origin'], credentials: res.headers['access-control-allow-credentials'], resource: res.headers['cross-origin-resource-policy'] })
          .toEqual({ url, method, allow: '*', credentials: undefined, resource: 'cross-origin' });
      }
      const preflight = await h.api('OPTIONS', url.replace(/\?.*/, ''), { headers: { ...origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'accept-language' } });
      if (url.includes('99.99')) continue;
      expect({ url, status: preflight.status, raw: preflight.raw }).toEqual({ url, status: 204, raw: '' });
      expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD, OPTIONS' });
      expect(String(preflight.headers['access-control-allow-headers'])).toContain('Accept-Language');
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    }
    // The leader's own page, the choice of figures, the settings: no CORS, for a signed-in reader either.
    const head = await h.signIn('bupati@sumedang.demo');
    const admin = await h.signIn('admin@sumedang.demo');
    for (const [url, session] of [[`${R}/pimpinan`, head], [`${R}/pimpinan/publik/pilihan`, admin], [`${R}/settings`, admin], ['/api/regions/32.11', undefined]] as const) {
      const res = await h.api('GET', url, { session, headers: origin });
      expect({ url, status: res.status, allow: res.headers['access-control-allow-origin'], resource: res.headers['cross-origin-resource-policy'] })
        .toEqual({ url, status: 200, allow: undefined, resource: 'same-origin' });
      const preflight = await h.api('OPTIONS', url, { headers: { ...origin, 'access-control-request-method': 'GET' } });
      expect({ url, allow: preflight.headers['access-control-allow-origin'], methods: preflight.headers['access-control-allow-methods'] }).toEqual({ url, allow: undefined, methods: undefined });
    }
  });

  it('describes the published figures as a DCAT catalogue in JSON-LD whose downloads are absolute and answer', async () => {
    const page = (await h.api('GET', `${R}/pimpinan/publik`)).body;
    const res = await h.api('GET', `${R}/pimpinan/publik/dcat.jsonld`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const catalogue = JSON.parse(res.raw);
    expect(catalogue['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/' });
    expect(catalogue['@type']).toBe('dcat:Catalog');
    expect(catalogue['@id']).toBe('http://pamong.test/api/regions/32.11/pimpinan/publik/dcat.jsonld');
    expect(catalogue['dct:publisher']).toMatchObject({ '@type': 'foaf:Agent', 'foaf:name': 'Kabupaten Sumedang' });
    expect(catalogue['dcat:dataset']).toHaveLength(1);
    const [dataset] = catalogue['dcat:dataset'];
    expect(dataset['@type']).toBe('dcat:Dataset');
    for (const key of ['dct:title', 'dct:description']) {
      expect(dataset[key].map((t: any) => t['@language'])).toEqual(['id', 'en']);
      expect(dataset[key].every((t: any) => t['@value'].includes('Kabupaten Sumedang'))).toBe(true);
    }
    expect(dataset['dct:description'][1]['@value']).toContain(page.figures[0].title.en);
    expect(dataset['dct:publisher']['foaf:name']).toBe('Kabupaten Sumedang');
    expect(dataset['dct:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' });
    const latest = Math.max(...page.figures.map((f: any) => Date.parse(f.takenAt)));
    expect(dataset['dct:modified']).toEqual({ '@value': new Date(latest).toISOString(), '@type': 'xsd:dateTime' });
    const firstMonth = page.months.find((m: string) => page.figures.some((f: any) => f.months.some((x: any) => x.month === m && x.takenAt)));
    expect(dataset['dct:temporal']).toMatchObject({ '@type': 'dct:PeriodOfTime', 'dcat:startDate': { '@value': `${firstMonth}-01`, '@type': 'xsd:date' } });
    expect(dataset['dct:temporal']['dcat:endDate']['@value']).toMatch(new RegExp(`^${page.months.at(-1)}-\\d{2}$`));
    const keywords = dataset['dcat:keyword'].map((k: any) => k['@value']);
    expect(keywords).toEqual(expect.arrayContaining(['data terbuka', 'open data', ...page.figures.map((f: any) => f.moduleTitle.id)]));
    // No contact until the region names one.
    expect(dataset['dcat:contactPoint']).toBeUndefined();

    const distributions = dataset['dcat:distribution'];
    expect(distributions.map((d: any) => [d['dcat:downloadURL']['@id'], d['dcat:mediaType']['@id']])).toEqual([
      ['http://pamong.test/api/regions/32.11/pimpinan/publik', 'https://www.iana.org/assignments/media-types/application/json'],
      ['http://pamong.test/api/regions/32.11/pimpinan/publik.csv', 'https://www.iana.org/assignments/media-types/text/csv'],
      ['http://pamong.test/api/regions/32.11/pimpinan/publik.csv?lang=en', 'https://www.iana.org/assignments/media-types/text/csv'],
    ]);
    for (const d of distributions) {
      expect(d['@type']).toBe('dcat:Distribution');
      const url = new URL(d['dcat:downloadURL']['@id']);
      const got = await h.api('GET', `${url.pathname}${url.search}`);
      expect({ url: url.href, status: got.status }).toEqual({ url: url.href, status: 200 });
      expect(String(got.headers['content-type'])).toContain(d['dcat:mediaType']['@id'].split('/media-types/')[1]);
    }
    // Made from the configured public address, never from the request's Host.
    const spoofed = await h.api('GET', `${R}/pimpinan/publik/dcat.jsonld`, { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
    expect(spoofed.raw).not.toContain('evil.example');

    // The region names its open-data contact in its settings: the catalogue gives it.
    const admin = await h.signIn('admin@sumedang.demo');
    const settings = (await h.api('GET', `${R}/settings`, { session: admin })).body.pimpinan;
    expect(settings.openDataEmail).toBeNull();
    expect((await h.api('PUT', `${R}/settings`, { session: admin, body: { pimpinan: { ...settings, openDataEmail: 'data@sumedangkab.go.id' } } })).status).toBe(200);
    const named = JSON.parse((await h.api('GET', `${R}/pimpinan/publik/dcat.jsonld`)).raw)['dcat:dataset'][0];
    expect(named['dcat:contactPoint']).toEqual({ '@type': 'vcard:Organization', 'vcard:fn': 'Kabupaten Sumedang', 'vcard:hasEmail': { '@id': 'mailto:data@sumedangkab.go.id' } });
  });

  it('answers 404 for a region that is not switched on, and an empty list for one that publishes nothing', async () => {
    for (const url of ['/api/regions/32.05/pimpinan/publik', '/api/regions/32.05/pimpinan/publik.csv', '/api/regions/99.99/pimpinan/publik', '/api/regions/x/pimpinan/publik.csv']) {
      const res = await h.api('GET', url);
      expect({ url, status: res.status, code: res.body.error.code }).toEqual({ url, status: 404, code: 'region.not_found' });
    }
    await enableRegion(h.ctx.database.db, '32.73');
    await refreshFigures(h.ctx, '32.73');
    const other = await h.api('GET', '/api/regions/32.73/pimpinan/publik');
    expect(other.body).toMatchObject({ region: { code: '32.73' }, figures: [] });
    expect((await csvOf('/api/regions/32.73/pimpinan/publik.csv')).rows).toEqual([PUBLIC_CSV_HEADER]);
    // Its catalogue lists no dataset: not an error.
    const empty = await h.api('GET', '/api/regions/32.73/pimpinan/publik/dcat.jsonld');
    expect(empty.status).toBe(200);
    expect(JSON.parse(empty.raw)).toMatchObject({ '@type': 'dcat:Catalog', 'dct:publisher': { 'foaf:name': 'Kota Bandung' }, 'dcat:dataset': [] });
    expect((await h.api('GET', '/api/regions/32.05/pimpinan/publik/dcat.jsonld')).status).toBe(404);
  });

  it('lets only the region\'s own admin change its choice: not another region\'s admin, not its leader, not anyone signed out', async () => {
    const body = { refs: tiles.map((t) => t.ref) };
    const foreignAdmin = await h.sessionWithRole('32.73', 'region_admin', 'admin.publik@bandung.uji');
    const head = await h.signIn('bupati@sumedang.demo');
    for (const [who, session] of [['foreign admin', foreignAdmin], ['head of region', head]] as const) {
      for (const method of ['GET', 'PUT'] as const) {
        const res = await h.api(method, `${R}/pimpinan/publik/pilihan`, { session, ...(method === 'PUT' ? { body } : {}) });
        expect({ who, method, status: res.status, code: res.body.error.code }).toEqual({ who, method, status: 403, code: 'auth.forbidden' });
      }
    }
    expect((await h.api('PUT', `${R}/pimpinan/publik/pilihan`, { body })).status).toBe(401);
    // Their own region they may change; Sumedang's choice stays as it was.
    expect((await h.api('PUT', '/api/regions/32.73/pimpinan/publik/pilihan', { session: foreignAdmin, body: { refs: ['spbe.index'] } })).status).toBe(200);
    expect((await h.api('GET', `${R}/pimpinan/publik`)).body.figures.map((f: any) => f.ref)).toEqual(PUBLISHED);
  });

  it('refuses to save the region settings with a published figure no tile offers, naming it, and saves nothing', async () => {
    const admin = await h.signIn('admin@sumedang.demo');
    const settings = (await h.api('GET', `${R}/settings`, { session: admin })).body.pimpinan;
    for (const refs of [['lama.dihapus'], [PUBLISHED[0], 'complaints.nothing-like-this', 'lama.dihapus']]) {
      const res = await h.api('PUT', `${R}/settings`, { session: admin, body: { pimpinan: { ...settings, figuresMinutes: 45, published: refs } } });
      const unknown = refs.filter((r) => !PUBLISHED.includes(r));
      expect({ status: res.status, code: res.body.error.code, details: res.body.error.details }).toEqual({ status: 422, code: 'pimpinan.unknown_tile', details: { refs: unknown } });
      for (const r of unknown) {
        expect(res.body.error.messages.id).toContain(r);
        expect(res.body.error.messages.en).toContain(r);
      }
    }
    // A ref of the wrong form is still refused by its form.
    const malformed = await h.api('PUT', `${R}/settings`, { session: admin, body: { pimpinan: { ...settings, published: ['Bukan Ref'] } } });
    expect({ status: malformed.status, code: malformed.body.error.code }).toEqual({ status: 400, code: 'request.invalid' });
    expect((await h.api('GET', `${R}/settings`, { session: admin })).body.pimpinan).toEqual(settings);
    // Figures some module offers save as before.
    expect((await h.api('PUT', `${R}/settings`, { session: admin, body: { pimpinan: { ...settings, published: [PUBLISHED[1]] } } })).status).toBe(200);
    expect((await h.api('PUT', `${R}/settings`, { session: admin, body: { pimpinan: settings } })).status).toBe(200);
  });

  it('leaves out a published figure no tile answers to any more (its module removed), and publishes nothing when the choice is emptied', async () => {
    // Stored before its module was removed: still read, not shown.
    const region = await getRegion(h.ctx.database.db, '32.11');
    await updateSettings(h.ctx.database.db, '32.11', { ...region.settings, pimpinan: { ...region.settings.pimpinan, published: [...PUBLISHED, 'lama.dihapus'] } });
    const admin = await h.signIn('admin@sumedang.demo');
    expect((await h.api('GET', `${R}/settings`, { session: admin })).body.pimpinan.published).toEqual([...PUBLISHED, 'lama.dihapus']);
    expect((await h.api('GET', `${R}/pimpinan/publik`)).body.figures.map((f: any) => f.ref)).toEqual(PUBLISHED);
    // Saving the choice drops it.
    expect((await h.api('PUT', `${R}/pimpinan/publik/pilihan`, { session: admin, body: { refs: PUBLISHED } })).status).toBe(200);
    expect((await h.api('GET', `${R}/settings`, { session: admin })).body.pimpinan.published).toEqual(PUBLISHED);
    expect((await h.api('PUT', `${R}/pimpinan/publik/pilihan`, { session: admin, body: { refs: [] } })).status).toBe(200);
    expect((await h.api('GET', `${R}/pimpinan/publik`)).body.figures).toEqual([]);
    expect((await csvOf()).rows).toEqual([PUBLIC_CSV_HEADER]);
    expect(JSON.parse((await h.api('GET', `${R}/pimpinan/publik/dcat.jsonld`)).raw)['dcat:dataset']).toEqual([]);
  });
});
