// Open311 GeoReport v2 through the real API: answers checked against the
// official JSON schemas, XML against JSON, privacy and refusals.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';
import { DEMO_API_KEY } from '../../demo/seed.js';
import { buildServer } from '../../server.js';
import { anonymousActor } from '../../platform/auth/policy.js';
import { createApiKey } from '../../platform/auth/service.js';
import { enableRegion } from '../../platform/regions/service.js';
import { complaints } from './schema.js';
import { attributesOf, parseW3cDatetime, requestWindow } from './http/open311/parse.js';
import { w3cDatetime } from './http/open311/format.js';

// CI checks the repository out with shared/ beside it.
const schemaDir = new URL('../../../reference/open311-georeport-v2/', import.meta.url);
const readSchema = (name: string) => JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8'));
const swagger = readSchema('swagger.json');

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const f of ['uid', 'uint', 'double']) ajv.addFormat(f, true); // swagger's type hints, not constraints
ajv.addSchema(readSchema('service.json'), 'service.json');
ajv.addSchema(readSchema('request.json'), 'request.json');

/** The official JSON schemas relax swagger the same way: a field that is not required may be null. */
function nullableOptional(def: { required?: string[]; properties: Record<string, object> }) {
  const properties = Object.fromEntries(Object.entries(def.properties).map(([k, v]) => [k, def.required?.includes(k) ? v : { anyOf: [v, { type: 'null' }] }]));
  return { ...def, properties };
}
const validators = {
  services: ajv.compile(readSchema('services.json')),
  serviceDefinition: ajv.compile(readSchema('service-definition.json')),
  requests: ajv.compile(readSchema('requests.json')),
  request: ajv.compile(readSchema('request.json')),
  created: ajv.compile({ type: 'array', items: { ...nullableOptional(swagger.definitions.RequestResponse), required: ['service_request_id'] } }),
  token: ajv.compile({ type: 'array', items: { ...swagger.definitions.TokenResponse, required: ['service_request_id', 'token'] } }),
};

function expectValid(validator: keyof typeof validators, body: unknown) {
  const validate = validators[validator];
  expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
}

// Per the spec, these XML elements are lists (a wrapper holding one element per item).
const listItems: Record<string, string> = {
  services: 'service', service_requests: 'request', errors: 'error', endpoints: 'endpoint', formats: 'format', attributes: 'attribute', values: 'value',
};
const parser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => Object.values(listItems).includes(name) });

/** What a JSON answer looks like once written as the spec's XML and parsed back (every leaf is text). */
function asXml(value: unknown, name: string): unknown {
  if (Array.isArray(value)) return value.length === 0 ? '' : { [listItems[name]]: value.map((v) => asXml(v, listItems[name])) };
  if (value === null) return '';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asXml(v, k)]));
  return String(value);
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) p.append(k, x);
  return p.toString();
};
const base = '/open311/v2';
const J = 'jurisdiction_id=32.11';
/** Sumedang's time as the spec's W3C datetime: whole seconds and the region's offset (WIB). */
const wib = (at: Date | string) => w3cDatetime(new Date(at), 7 * 60);
/** What the 2010 reference validator accepts as a datetime: no fraction of a second, an explicit offset. */
const W3C_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describeWithApp('Open311 GeoReport v2', (h) => {
  const get = (path: string) => h.api('GET', `${base}${path}`);
  const postForm = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
    h.api('POST', `${base}${path}`, { body: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  const stored = async () => (await h.ctx.database.db.select({ n: count() }).from(complaints))[0].n;
  /** Fetches one path as JSON and as XML and checks both say the same. */
  async function both(path: string, root: string, status = 200) {
    const [query, rest] = [path.split('?')[0], path.includes('?') ? `?${path.split('?')[1]}` : ''];
    const json = await get(`${query}.json${rest}`);
    const xml = await get(`${query}.xml${rest}`);
    expect(json.status, json.raw).toBe(status);
    expect(xml.status, xml.raw).toBe(status);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.raw.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(parser.parse(xml.raw)).toEqual({ [root]: asXml(json.body, root) });
    return json.body;
  }
  /** The one error of an Open311 error answer, JSON or XML. */
  const expectOpen311Error = (res: { status: number; body: any; raw: string; headers: Record<string, unknown> }, status: number, code: string) => {
    expect(res.status, res.raw).toBe(status);
    const xml = res.headers['content-type'] === 'text/xml; charset=utf-8';
    const errors = xml ? parser.parse(res.raw).errors.error.map((e: any) => ({ ...e, code: Number(e.code) })) : res.body;
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe(status);
    expect(errors[0].description.startsWith(`${code}: `), errors[0].description).toBe(true);
  };
  const webComplaint = async (body: Record<string, unknown>) => {
    const res = await h.api('POST', '/api/regions/32.11/complaints', { body });
    expect(res.status, res.raw).toBe(201);
    return res.body as { id: string; trackingCode: string };
  };

  let roadId: string;
  let created: string; // the Open311 request
  const demoRequest = {
    jurisdiction_id: '32.11', api_key: DEMO_API_KEY, service_code: 'jalan-rusak', lat: '-6.8581', long: '107.9196',
    address_string: 'Jl. Prabu Geusan Ulun depan alun-alun', 'attribute[tingkat_kerusakan]': 'berat',
    first_name: 'Ujang', last_name: 'Open311', email: 'ujang.open311@example.id', phone: '+62 812 3456 7890',
    description: 'Lubang besar di tengah jalan, sudah ada pengendara jatuh.',
  };

  it('announces itself in discovery, with no jurisdiction needed', async () => {
    const body = await both('/discovery', 'discovery');
    expect(body).toEqual({
      changeset: '2026-11-22T00:00:00Z',
      contact: 'Pertanyaan tentang API ini: hubungi admin pemerintah daerah Anda di Pamong.',
      key_service: 'Kunci API (api_key) diterbitkan oleh admin pemerintah daerah di http://pamong.test.',
      endpoints: [{
        specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://pamong.test/open311/v2', changeset: '2026-11-22T00:00:00Z',
        type: 'production', formats: ['application/json', 'text/xml'],
      }],
    });
  });

  it('lists the region\'s categories as services, in Indonesian or English', async () => {
    const body = await both(`/services?${J}`, 'services');
    expectValid('services', body);
    expect(body).toHaveLength(8);
    expect(body.find((s: any) => s.service_code === 'jalan-rusak')).toEqual({
      service_code: 'jalan-rusak', service_name: 'Jalan rusak atau berlubang',
      description: 'Jalan kabupaten yang berlubang, retak, amblas atau aspalnya mengelupas sehingga membahayakan pengguna jalan.', metadata: true,
      type: 'realtime', keywords: 'jalan, lubang, aspal', group: 'Infrastruktur',
    });
    expect(body.find((s: any) => s.service_code === 'sampah').metadata).toBe(false);
    const en = await get(`/services.json?${J}&lang=en`);
    expect(en.body.find((s: any) => s.service_code === 'jalan-rusak').service_name).toBe('Damaged road or pothole');
    roadId = (await h.api('GET', '/api/regions/32.11/categories')).body.find((c: any) => c.code === 'jalan-rusak').id;
  });

  it('defines a service with its questions as attributes', async () => {
    const body = await both(`/services/jalan-rusak?${J}`, 'service_definition');
    expectValid('serviceDefinition', body);
    expect(body).toEqual({
      service_code: 'jalan-rusak',
      attributes: [{
        variable: true, code: 'tingkat_kerusakan', datatype: 'singlevaluelist', required: true,
        datatype_description: 'Satu key dari values.', order: 1, description: 'Seberapa parah kerusakannya?',
        values: [{ key: 'ringan', name: 'Ringan' }, { key: 'sedang', name: 'Sedang' }, { key: 'berat', name: 'Berat, membahayakan' }],
      }],
    });
    const noQuestions = await both(`/services/sampah?${J}`, 'service_definition');
    expect(noQuestions).toEqual({ service_code: 'sampah', attributes: [] });
    const en = await get(`/services/jalan-rusak.json?${J}&lang=en`);
    expect(en.body.attributes[0].values[2]).toEqual({ key: 'berat', name: 'Severe, dangerous' });
  });

  it('answers an unknown service, jurisdiction or format with the spec\'s error list, in JSON or XML', async () => {
    const unknown = await get(`/services/tidak-ada.json?${J}`);
    expectOpen311Error(unknown, 404, 'open311.service_not_found');
    expect(unknown.body[0].description).toBe('open311.service_not_found: Layanan tidak ditemukan. / Service not found.');
    const xml = await get(`/services/tidak-ada.xml?${J}`);
    expect(xml.status).toBe(404);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(parser.parse(xml.raw)).toEqual({ errors: { error: [{ code: '404', description: 'open311.service_not_found: Layanan tidak ditemukan. / Service not found.' }] } });
    expectOpen311Error(await get('/services.json'), 400, 'open311.jurisdiction_required');
    const xmlMissing = await get('/requests.xml');
    expect(xmlMissing.headers['content-type']).toBe('text/xml; charset=utf-8');
    expectOpen311Error(xmlMissing, 400, 'open311.jurisdiction_required');
    expectOpen311Error(await get('/services.json?jurisdiction_id=99.99'), 404, 'region.not_found');
    expectOpen311Error(await get('/services.json?jurisdiction_id=32.73'), 404, 'region.not_found'); // exists, not enabled
    expectOpen311Error(await get(`/services.csv?${J}`), 400, 'open311.format');
    expectOpen311Error(await get(`/requests.html?${J}`), 400, 'open311.format');
    expectOpen311Error(await get(`/nothing-here.json?${J}`), 404, 'route.not_found');
  });

  it('creates a request from a form post with the demo key: the complaint reaches the staff inbox', async () => {
    const res = await postForm('/requests.json', demoRequest);
    expect(res.status, res.raw).toBe(201);
    expectValid('created', res.body);
    expect(res.body).toEqual([{ service_request_id: expect.stringMatching(/^ADU-[2-9A-Z]{4}-[2-9A-Z]{4}$/), service_notice: 'Menunggu verifikasi', account_id: null }]);
    created = res.body[0].service_request_id;

    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const inbox = await h.api('GET', `/api/regions/32.11/inbox?q=${created}`, { session: coordinator });
    expect(inbox.body.map((c: any) => c.trackingCode)).toEqual([created]);
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${inbox.body[0].id}`, { session: coordinator });
    expect(detail.body).toMatchObject({
      channel: 'open311', status: 'submitted', anonymous: true, confidential: false,
      description: 'Lubang besar di tengah jalan, sudah ada pengendara jatuh.', answers: { tingkat_kerusakan: 'berat' },
      location: { lat: -6.8581, lng: 107.9196, address: 'Jl. Prabu Geusan Ulun depan alun-alun' },
      reporter: { name: 'Ujang Open311', email: 'ujang.open311@example.id', phone: '+62 812 3456 7890' },
    });
    expect(detail.body.category.code).toBe('jalan-rusak');
  });

  it('creates a request from JSON with the key in a header, answering in XML', async () => {
    const res = await h.api('POST', `${base}/requests.xml`, {
      headers: { 'x-api-key': DEMO_API_KEY },
      // Open311 stays lenient: a client's own extra keys are ignored, unlike the JSON API, which refuses them.
      body: { jurisdiction_id: '32.11', service_code: 'sampah', address_id: '32.11.01', description: 'Sampah & puing menumpuk di pinggir sungai "dekat pasar".', media_url: 'https://foto.example.id/123.jpg', x_client_version: '2.1' },
    });
    expect(res.status, res.raw).toBe(201);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const parsed = parser.parse(res.raw);
    const id = parsed.service_requests.request[0].service_request_id;
    expect(parsed).toEqual({ service_requests: { request: [{ service_request_id: id, service_notice: 'Menunggu verifikasi', account_id: '' }] } });
    const [one] = (await get(`/requests/${id}.json?${J}`)).body;
    expect(one).toMatchObject({
      service_code: 'sampah', address_id: '32.11.01', address: 'Kecamatan Wado, Kabupaten Sumedang', lat: null, long: null,
      description: 'Sampah & puing menumpuk di pinggir sungai "dekat pasar".\n\nMedia: https://foto.example.id/123.jpg',
    });
  });

  it('stores every answer of a multivaluelist sent as attribute[CODE][]', async () => {
    const admin = await h.signIn('admin@sumedang.demo');
    const category = await h.api('POST', '/api/regions/32.11/admin/categories', {
      session: admin,
      body: {
        code: 'pohon-tumbang', nameId: 'Pohon tumbang', nameEn: 'Fallen tree', keywords: 'pohon, angin, tumbang',
        description: 'Pohon tumbang atau dahan patah yang menutup jalan, menimpa rumah atau kabel listrik.',
        questions: [
          { code: 'menghalangi', datatype: 'multivaluelist', required: true, description: { id: 'Apa yang terhalang?', en: 'What is blocked?' },
            values: [{ key: 'jalan', name: { id: 'Jalan', en: 'Road' } }, { key: 'rumah', name: { id: 'Rumah', en: 'House' } }, { key: 'kabel', name: { id: 'Kabel listrik', en: 'Power line' } }] },
          { code: 'jumlah', datatype: 'number', required: false, description: { id: 'Berapa pohon?', en: 'How many trees?' } },
        ],
      },
    });
    expect(category.status, category.raw).toBe(201);
    // The region admin's description is the service's.
    const services = (await get(`/services.json?${J}`)).body;
    expect(services.find((x: any) => x.service_code === 'pohon-tumbang').description).toBe('Pohon tumbang atau dahan patah yang menutup jalan, menimpa rumah atau kabel listrik.');
    const definition = await both(`/services/pohon-tumbang?${J}`, 'service_definition');
    expectValid('serviceDefinition', definition);
    expect(definition.attributes.map((a: any) => [a.code, a.datatype, a.order, a.datatype_description])).toEqual([
      ['menghalangi', 'multivaluelist', 1, 'Satu atau lebih key dari values: ulangi attribute[kode][].'],
      ['jumlah', 'number', 2, 'Angka, mis. 12 atau 3.5.'],
    ]);
    const res = await postForm('/requests.json', {
      jurisdiction_id: '32.11', api_key: DEMO_API_KEY, service_code: 'pohon-tumbang', address_string: 'Jl. Mayor Abdurahman',
      'attribute[menghalangi][]': ['jalan', 'kabel'], 'attribute[jumlah]': '2', description: 'Pohon tumbang menutup jalan dan menimpa kabel.',
    });
    expect(res.status, res.raw).toBe(201);
    const [row] = await h.ctx.database.db.select({ answers: complaints.answers, channel: complaints.channel }).from(complaints)
      .where(eq(complaints.trackingCode, res.body[0].service_request_id));
    expect(row).toEqual({ answers: { menghalangi: ['jalan', 'kabel'], jumlah: 2 }, channel: 'open311' });
  });

  it('refuses a request without a valid key of this jurisdiction, and stores nothing', async () => {
    const before = await stored();
    const { api_key: _key, ...withoutKey } = demoRequest;
    expectOpen311Error(await postForm('/requests.json', withoutKey), 403, 'auth.invalid_api_key');
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, api_key: 'pmg_nope_0000000000000000' }), 403, 'auth.invalid_api_key');
    await enableRegion(h.ctx.database.db, '32.73');
    const { key: bandungKey } = await createApiKey(h.ctx, anonymousActor, '32.73', 'Bandung');
    const foreign = await postForm('/requests.xml', { ...demoRequest, api_key: bandungKey });
    expect(foreign.status).toBe(403);
    expect(parser.parse(foreign.raw)).toEqual({ errors: { error: [{ code: '403', description: 'auth.forbidden: Anda tidak berwenang melakukan ini. / You are not allowed to do this.' }] } });
    // Bandung's key works in Bandung, which sees none of Sumedang's requests.
    expect((await get('/requests.json?jurisdiction_id=32.73')).body).toEqual([]);
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, jurisdiction_id: '32.73', api_key: bandungKey }), 404, 'open311.service_not_found');
    expect(await stored()).toBe(before);
  });

  it('refuses bad input with a 4xx in the spec\'s error format, and stores nothing', async () => {
    const before = await stored();
    // From a client of its own, so these many posts stay clear of the others' rate limit.
    const postForm = (path: string, fields: Record<string, string | string[]>) => h.api('POST', `${base}${path}`, {
      body: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const { lat: _lat, long: _long, address_string: _address, ...nowhere } = demoRequest;
    expectOpen311Error(await postForm('/requests.json', nowhere), 400, 'open311.location_required');
    expectOpen311Error(await postForm('/requests.json', { ...nowhere, lat: '-6.85' }), 400, 'request.invalid');
    expectOpen311Error(await postForm('/requests.json', { ...nowhere, address_id: '33.01.01' }), 400, 'area.not_in_region');
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, service_code: 'tidak-ada' }), 404, 'open311.service_not_found');
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, 'attribute[tingkat_kerusakan]': 'parah sekali' }), 400, 'complaint.answers_invalid');
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, 'attribute[warna]': 'merah' }), 400, 'complaint.answers_invalid');
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, description: 'Rusak' }), 400, 'request.invalid');
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, lat: 'utara' }), 400, 'request.invalid');
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, long: '200' }), 400, 'request.invalid');
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, media_url: 'javascript:alert(1)' }), 400, 'request.invalid');
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, email: 'bukan-email' }), 400, 'request.invalid');
    const { jurisdiction_id: _j, ...noJurisdiction } = demoRequest;
    expectOpen311Error(await postForm('/requests.json', noJurisdiction), 400, 'open311.jurisdiction_required');
    expectOpen311Error(await postForm('/requests.json', { ...demoRequest, jurisdiction_id: '31.99' }), 404, 'region.not_found');
    expectOpen311Error(await postForm('/requests.txt', demoRequest), 400, 'open311.format');
    const badJson = await h.api('POST', `${base}/requests.json`, {
      body: '{"service_code":', headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY },
    });
    expectOpen311Error(badJson, 400, 'request.invalid');
    expect(JSON.stringify(badJson.body)).not.toMatch(/at |\.ts|stack/);
    expect(await stored()).toBe(before);
  });

  it('lists requests newest first, valid against the schema, the same in XML', async () => {
    h.clock.advanceHours(1);
    const web = await webComplaint({ categoryId: roadId, description: 'Jalan amblas di Desa Ganjaresik dekat sekolah', answers: { tingkat_kerusakan: 'sedang' }, districtCode: '32.11.01', villageCode: '32.11.01.2002', address: 'Gg. Sukaresmi' });
    const body = await both(`/requests?${J}`, 'service_requests');
    expectValid('requests', body);
    for (const r of body) expectValid('request', r);
    expect(body[0].service_request_id).toBe(web.trackingCode);
    expect(body.map((r: any) => r.requested_datetime)).toEqual([...body.map((r: any) => r.requested_datetime)].sort().reverse());
    const mine = body.find((r: any) => r.service_request_id === created);
    expect(mine).toEqual({
      service_request_id: created, status: 'open', status_notes: null, service_name: 'Jalan rusak atau berlubang', service_code: 'jalan-rusak',
      description: 'Lubang besar di tengah jalan, sudah ada pengendara jatuh.', agency_responsible: null, service_notice: 'Menunggu verifikasi',
      requested_datetime: '2026-11-02T09:00:00+07:00', updated_datetime: '2026-11-02T09:00:00+07:00', expected_datetime: null,
      address: 'Jl. Prabu Geusan Ulun depan alun-alun, Kabupaten Sumedang', address_id: null, zipcode: null, lat: -6.8581, long: 107.9196, media_url: null,
    });
    expect(body[0]).toMatchObject({ address: 'Gg. Sukaresmi, Desa Ganjaresik, Kecamatan Wado, Kabupaten Sumedang', address_id: '32.11.01.2002' });
    const one = await both(`/requests/${created}?${J}`, 'service_requests');
    expectValid('requests', one);
    expect(one).toEqual([mine]);
    const token = await both(`/tokens/${created}?${J}`, 'service_requests');
    expectValid('token', token);
    expect(token).toEqual([{ service_request_id: created, token: created }]);
    expectOpen311Error(await get(`/tokens/ADU-2222-2222.json?${J}`), 404, 'complaint.not_found');
    expectOpen311Error(await get(`/requests/ADU-2222-2222.json?${J}`), 404, 'complaint.not_found');
    expectOpen311Error(await get(`/requests/12345.xml?${J}`), 404, 'complaint.not_found');
  });

  it('shows the unit, the resolution deadline and the latest public message as the request moves', async () => {
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const [{ id }] = (await h.api('GET', `/api/regions/32.11/inbox?q=${created}`, { session: coordinator })).body;
    const units = (await h.api('GET', '/api/regions/32.11/units', { session: await h.signIn('admin@sumedang.demo') })).body;
    const pupr = units.find((u: any) => u.code === 'PUPR');
    await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: coordinator, body: { action: 'dispatch', unitId: pupr.id, note: 'Diteruskan ke Dinas PUPR.' } });
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${id}`, { session: coordinator });
    const resolutionDue: string = detail.body.deadlines.find((d: any) => d.stage === 'resolution').dueAt;
    let [r] = (await get(`/requests/${created}.json?${J}`)).body;
    expect(r).toMatchObject({
      status: 'open', status_notes: 'Diteruskan ke Dinas PUPR.', agency_responsible: pupr.name, service_notice: 'Diteruskan ke perangkat daerah',
      expected_datetime: wib(resolutionDue), updated_datetime: wib(h.clock.now()),
    });
    h.clock.advanceHours(2);
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    await h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: officer, body: { action: 'resolve', message: 'Lubang sudah ditambal.' } });
    [r] = (await get(`/requests/${created}.json?${J}&lang=en`)).body;
    expect(r).toMatchObject({ status: 'closed', status_notes: 'Lubang sudah ditambal.', service_notice: 'Resolved', service_name: 'Damaged road or pothole', updated_datetime: wib(h.clock.now()) });
  });

  it('keeps a rejected request as closed with the rejection message', async () => {
    const c = await webComplaint({ categoryId: roadId, description: 'Jalan di luar wilayah kabupaten rusak parah', answers: { tingkat_kerusakan: 'ringan' } });
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const res = await h.api('POST', `/api/regions/32.11/complaints/${c.id}/actions`, { session: coordinator, body: { action: 'reject', reason: 'not_our_authority', message: 'Ini jalan nasional, kami teruskan ke BPJN.' } });
    expect(res.status).toBe(200);
    const [r] = (await get(`/requests/${c.trackingCode}.json?${J}`)).body;
    expect(r).toMatchObject({ status: 'closed', status_notes: 'Ini jalan nasional, kami teruskan ke BPJN.', service_notice: 'Ditolak' });
  });

  it('never shows a confidential complaint, nor any reporter\'s identity', async () => {
    const secret = await webComplaint({
      categoryId: roadId, description: 'Rahasia: pungutan liar di proyek jalan desa', answers: { tingkat_kerusakan: 'ringan' },
      confidential: true, anonymous: false, reporter: { name: 'Rahmat Rahasia', email: 'rahmat@example.id' },
    });
    const anonymous = await webComplaint({
      categoryId: roadId, description: 'Jalan retak memanjang di depan SD Negeri 1', answers: { tingkat_kerusakan: 'ringan' },
      reporter: { name: 'Siti Anonim', email: 'siti.anonim@example.id', phone: '081234567890' },
    });
    const named = await webComplaint({
      categoryId: roadId, description: 'Jalan licin karena tumpahan oli di tanjakan', answers: { tingkat_kerusakan: 'ringan' },
      anonymous: false, reporter: { name: 'Dadang Terbuka', email: 'dadang@example.id' },
    });
    for (const ext of ['json', 'xml']) {
      const list = await get(`/requests.${ext}?${J}`);
      expect(list.status).toBe(200);
      expect(list.raw).toContain(anonymous.trackingCode);
      expect(list.raw).toContain(named.trackingCode);
      expect(list.raw).not.toContain(secret.trackingCode);
      expect(list.raw).not.toContain('pungutan liar');
      for (const who of ['Rahmat', 'Siti Anonim', 'siti.anonim@example.id', '081234567890', 'Dadang', 'dadang@example.id', 'Ujang', 'ujang.open311@example.id', '3456 7890']) {
        expect(list.raw).not.toContain(who);
      }
      const byIds = await get(`/requests.${ext}?${J}&service_request_id=${secret.trackingCode},${anonymous.trackingCode}`);
      expect(byIds.raw).not.toContain(secret.trackingCode);
      expect(byIds.raw).toContain(anonymous.trackingCode);
      expectOpen311Error(await get(`/requests/${secret.trackingCode}.json?${J}`), 404, 'complaint.not_found');
      expectOpen311Error(await get(`/tokens/${secret.trackingCode}.json?${J}`), 404, 'complaint.not_found');
    }
    const one = await get(`/requests/${anonymous.trackingCode}.json?${J}`);
    expect(one.raw).not.toContain('Siti');
  });

  it('gives the first photo as an absolute media_url that serves the photo', async () => {
    const boundary = 'pamong-open311-test';
    const complaint = JSON.stringify({ categoryId: roadId, description: 'Jalan berlubang di depan kantor desa, ada fotonya', answers: { tingkat_kerusakan: 'berat' } });
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="complaint"\r\n\r\n${complaint}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await h.api('POST', '/api/regions/32.11/complaints', { body: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.status, res.raw).toBe(201);
    const [r] = (await get(`/requests/${res.body.trackingCode}.json?${J}`)).body;
    expectValid('request', r);
    const prefix = `http://pamong.test/api/regions/32.11/complaints/${res.body.trackingCode}/photos/`;
    expect(r.media_url.startsWith(prefix)).toBe(true);
    const image = await h.app.inject({ method: 'GET', url: r.media_url.slice('http://pamong.test'.length) });
    expect(image.statusCode).toBe(200);
    // Stored re-encoded: the PNG comes back as a JPEG.
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
  });

  describe('filters', () => {
    const ids = async (query: string) => (await get(`/requests.json?${J}&${query}`)).body.map((r: any) => r.service_request_id);
    let all: { id: string; status: string; code: string; at: string }[];

    it('by a list of ids, overriding the other filters', async () => {
      all = (await get(`/requests.json?${J}`)).body.map((r: any) => ({ id: r.service_request_id, status: r.status, code: r.service_code, at: r.requested_datetime }));
      expect(all.length).toBe(8);
      const [a, , c] = all;
      expect(await ids(`service_request_id=${c.id},${a.id}`)).toEqual([a.id, c.id]);
      expect(await ids(`service_request_id=${a.id}&service_request_id=${c.id}`)).toEqual([a.id, c.id]);
      expect(await ids(`service_request_id=${a.id}&status=${a.status === 'open' ? 'closed' : 'open'}&service_code=tidak-ada`)).toEqual([a.id]);
    });

    it('by status and by service code', async () => {
      expect(await ids('status=open')).toEqual(all.filter((r) => r.status === 'open').map((r) => r.id));
      expect(await ids('status=closed')).toEqual(all.filter((r) => r.status === 'closed').map((r) => r.id));
      expect((await ids('status=closed')).length).toBe(2);
      expect(await ids('status=open,closed')).toEqual(all.map((r) => r.id));
      expect(await ids('service_code=sampah')).toEqual(all.filter((r) => r.code === 'sampah').map((r) => r.id));
      expect((await ids('service_code=sampah')).length).toBe(1);
      expect(await ids('service_code=sampah&status=closed')).toEqual([]);
      expectOpen311Error(await get(`/requests.json?${J}&status=pending`), 400, 'request.invalid');
    });

    it('by start and end date, 90 days back by default', async () => {
      // Everything so far happened on 2 November 2026 (WIB); one more comes 100 days later.
      h.clock.advanceHours(100 * 24);
      const late = await webComplaint({ categoryId: roadId, description: 'Jalan berlubang lagi setelah musim hujan', answers: { tingkat_kerusakan: 'sedang' } });
      expect(await ids('')).toEqual([late.trackingCode]);
      expect(await ids('start_date=2026-11-02')).toEqual(all.map((r) => r.id));
      expect(await ids('start_date=2026-11-02&end_date=2026-11-02')).toEqual(all.map((r) => r.id));
      expect(await ids('start_date=2026-11-03&end_date=2027-01-31')).toEqual([]);
      expect(await ids('end_date=2026-11-01T23:59:59%2B07:00')).toEqual([]);
      expect(await ids('start_date=2026-11-02T02:30:00Z&end_date=2026-11-02T23:59:59Z')).toEqual(all.filter((r) => new Date(r.at) >= new Date('2026-11-02T02:30:00Z')).map((r) => r.id));
      expect(await ids(`start_date=${h.clock.now().toISOString()}`)).toEqual([late.trackingCode]);
    });

    it('refuses dates that are not W3C datetimes or span more than 90 days', async () => {
      for (const q of ['start_date=kemarin', 'end_date=2026-13-01', 'start_date=2026-02-30', 'start_date=2026-11-02T25:00:00Z', 'start_date=2026-11-02T10:00:00',
        'start_date=2026-11-03&end_date=2026-11-02', 'start_date=2026-01-01&end_date=2026-06-01']) {
        const res = await get(`/requests.json?${J}&${q}`);
        expectOpen311Error(res, 400, 'open311.date_range');
      }
      expectOpen311Error(await get(`/requests.xml?${J}&start_date=kemarin`), 400, 'open311.date_range');
    });
  });

  it('passes the 2010 reference validator\'s rules: a description for every service, whole-second datetimes with the offset, an address for every request', async () => {
    // A category the admin left without a description is described by its name.
    const admin = await h.signIn('admin@sumedang.demo');
    const bare = await h.api('POST', '/api/regions/32.11/admin/categories', { session: admin, body: { code: 'pasar', nameId: 'Pasar tradisional', nameEn: 'Traditional market' } });
    expect(bare.status, bare.raw).toBe(201);
    for (const ext of ['json', 'xml']) {
      const services = await get(`/services.${ext}?${J}`);
      const list = ext === 'json' ? services.body : parser.parse(services.raw).services.service;
      expect(list).toHaveLength(10);
      for (const service of list) expect(service.description, service.service_code).toMatch(/\S{3,}/);
      expect(list.find((x: any) => x.service_code === 'pasar').description).toBe('Pasar tradisional');
    }
    // A request with only a map pin, filed at a moment with milliseconds.
    h.clock.advance(1234);
    const pinOnly = await postForm('/requests.json', { jurisdiction_id: '32.11', api_key: DEMO_API_KEY, service_code: 'pju', lat: '-6.8570', long: '107.9210', description: 'Lampu jalan mati di tikungan dekat masjid.' });
    expect(pinOnly.status, pinOnly.raw).toBe(201);
    const id = pinOnly.body[0].service_request_id;
    const [one] = await both(`/requests/${id}?${J}`, 'service_requests');
    expect(one).toMatchObject({ address: 'Kabupaten Sumedang', lat: -6.857, long: 107.921, requested_datetime: wib(h.clock.now()) });
    expect(one.requested_datetime).toMatch(W3C_SECONDS);
    expect(one.requested_datetime.endsWith('+07:00')).toBe(true);

    const everything = await both(`/requests?${J}&start_date=2026-11-01`, 'service_requests');
    const xml = parser.parse((await get(`/requests.xml?${J}&start_date=2026-11-01`)).raw).service_requests.request;
    expect(everything.length).toBeGreaterThan(1);
    for (const r of [...everything, ...xml]) {
      expect(r.requested_datetime).toMatch(W3C_SECONDS);
      expect(r.updated_datetime).toMatch(W3C_SECONDS);
      if (r.expected_datetime) expect(r.expected_datetime).toMatch(W3C_SECONDS);
      expect(r.address, r.service_request_id).toMatch(/Kabupaten Sumedang$/);
    }
  });

  it('answers every failure under /open311 in the spec\'s error format, even before any route: bad escapes, long URLs, unknown versions, keys, big bodies', async () => {
    const expectFormat = (res: { headers: Record<string, unknown> }, ext: 'json' | 'xml') =>
      expect(res.headers['content-type']).toBe(ext === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8');
    for (const ext of ['json', 'xml'] as const) {
      const cases: [Awaited<ReturnType<typeof get>>, number, string][] = [
        [await get(`/services/%zz.${ext}?${J}`), 404, 'route.not_found'],
        [await get(`/requests/%.${ext}?${J}`), 404, 'route.not_found'],
        [await get(`/requests/${'A'.repeat(300)}.${ext}?${J}`), 400, 'request.invalid'],
        [await get(`/requests.${ext}?${J}&service_code=${'x'.repeat(5000)}`), 400, 'request.text_too_long'],
        [await h.api('GET', `/open311/v3/services.${ext}?${J}`), 404, 'route.not_found'],
        [await h.api('GET', `/open311/services.${ext}`), 404, 'route.not_found'],
        [await postForm(`/requests.${ext}`, { ...demoRequest, api_key: 'pmg_nope_0000000000000000' }), 403, 'auth.invalid_api_key'],
        [await postForm(`/requests.${ext}`, { ...demoRequest, description: 'x'.repeat(1024 * 1024) }), 413, 'request.body_too_large'],
      ];
      for (const [res, status, code] of cases) {
        expectFormat(res, ext);
        expectOpen311Error(res, status, code);
      }
    }
  });

  it('documents every Open311 route in the OpenAPI description', async () => {
    const doc = await h.api('GET', '/api/docs/json');
    expect(doc.status).toBe(200);
    const paths = Object.entries(doc.body.paths as Record<string, Record<string, { tags: string[] }>>).filter(([p]) => p.startsWith(base));
    expect(paths.map(([p]) => p).sort()).toEqual([
      '/open311/v2/discovery.{format}', '/open311/v2/requests.{format}', '/open311/v2/requests/{service_request_id}.{format}',
      '/open311/v2/services.{format}', '/open311/v2/services/{service_code}.{format}', '/open311/v2/tokens/{token}.{format}',
    ]);
    for (const [, ops] of paths) for (const op of Object.values(ops)) expect(op.tags).toEqual(['open311']);
  });

  it('limits the rate of creates like the web intake, answering in the spec\'s format', async () => {
    // A second instance on the same database with a small limit: counters are shared, so it sees this address's posts too.
    const strict = await buildServer({ ...h.ctx, config: { ...h.ctx.config, intakePerMinute: 3 } });
    try {
      const before = await stored();
      let last: Awaited<ReturnType<typeof strict.inject>> | undefined;
      for (let i = 0; i <= 3 && last?.statusCode !== 429; i++) {
        last = await strict.inject({ method: 'POST', url: `${base}/requests.json`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ ...demoRequest, service_code: 'tidak-ada' }) });
      }
      expectOpen311Error({ status: last!.statusCode, body: last!.json(), raw: last!.body, headers: last!.headers }, 429, 'request.rate_limited');
      expect(await stored()).toBe(before);
    } finally {
      await strict.close();
    }
  });
}, { config: { intakePerMinute: 1000 } });

describe('Open311 parsing', () => {
  const WIB = 7 * 60;
  it('reads W3C datetimes, a bare date as the whole local day', () => {
    expect(parseW3cDatetime('2026-11-02', WIB)).toEqual({ start: new Date('2026-11-01T17:00:00Z'), end: new Date('2026-11-02T17:00:00Z') });
    expect(parseW3cDatetime('2026-02', WIB)).toEqual({ start: new Date('2026-01-31T17:00:00Z'), end: new Date('2026-02-28T17:00:00Z') });
    expect(parseW3cDatetime('2026', 0)).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
    expect(parseW3cDatetime('2010-04-14T06:37:38-08:00', WIB)?.start).toEqual(new Date('2010-04-14T14:37:38Z'));
    expect(parseW3cDatetime('2010-04-19T14:37:38.5Z', WIB)?.start).toEqual(new Date('2010-04-19T14:37:38.500Z'));
    expect(parseW3cDatetime('2026-11-02T09:00+07:00', WIB)?.start).toEqual(new Date('2026-11-02T02:00:00Z'));
    for (const bad of ['2026-11-02T09:00:00', '2026-11-31', '2026-11-02 09:00Z', '02-11-2026', '2026-11-02T09:60Z', '2026-11-02T09:00+15:00', '']) {
      expect(parseW3cDatetime(bad, WIB)).toBeNull();
    }
  });

  it('writes datetimes to the second in the region\'s offset', () => {
    expect(w3cDatetime(new Date('2026-12-05T02:03:27.456Z'), WIB)).toBe('2026-12-05T09:03:27+07:00');
    expect(w3cDatetime(new Date('2026-12-05T20:00:00.999Z'), WIB)).toBe('2026-12-06T03:00:00+07:00');
    expect(w3cDatetime(new Date('2026-12-05T20:00:00Z'), 9 * 60)).toBe('2026-12-06T05:00:00+09:00');
    expect(w3cDatetime(new Date('2026-12-05T20:00:00Z'), -(3 * 60 + 30))).toBe('2026-12-05T16:30:00-03:30');
    // What we write, we read back as the same second.
    expect(parseW3cDatetime(w3cDatetime(new Date('2026-12-05T02:03:27Z'), WIB), WIB)?.start).toEqual(new Date('2026-12-05T02:03:27Z'));
  });

  it('bounds the window to 90 days', () => {
    const now = new Date('2026-11-02T02:00:00Z');
    expect(requestWindow(now, undefined, undefined, WIB)).toEqual({ start: new Date(now.getTime() + 1 - 90 * 86_400_000), end: new Date(now.getTime() + 1) });
    expect(requestWindow(now, '2026-01-01T00:00:00Z', undefined, WIB)).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') });
    expect(requestWindow(now, undefined, '2026-04-01T00:00:00Z', WIB)).toEqual({ start: new Date('2026-01-01T00:00:00.001Z'), end: new Date('2026-04-01T00:00:00.001Z') });
    expect(() => requestWindow(now, '2026-01-01T00:00:00Z', '2026-04-01T00:00:00.001Z', WIB)).toThrow();
    expect(() => requestWindow(now, '2026-01-02', '2026-01-01', WIB)).toThrow();
  });

  it('collects attribute[CODE] and attribute[CODE][] fields', () => {
    expect(attributesOf({ 'attribute[a]': 'x', 'attribute[b][]': 'y', 'attribute[c][]': ['p', 'q'], 'attribute[d]': ['1', '2'], other: 'z' }))
      .toEqual({ a: 'x', b: ['y'], c: ['p', 'q'], d: ['1', '2'] });
    expect(attributesOf({ attribute: { a: 'x', n: 3 } })).toEqual({ a: 'x', n: 3 });
    const hostile = attributesOf({ 'attribute[__proto__]': 'x' });
    expect(Object.keys(hostile)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
