// The bare baseline for filing an application and its public status page
// (bench/layanan-filing.ts): a node:http server on its own copy of the data,
// written by hand for the one form it serves (the demo region's certificate
// of low income), doing what a careful bare server must and no more:
//
// - the session from the cookie and the CSRF header, with the region's
//   holidays for the deadline, in one prepared query;
// - the multipart body parsed (Node's own fetch implementation), each
//   document checked by its magic bytes (PDF, JPEG, PNG) and the form's size
//   limit, one per document field;
// - the answers checked by hand against the form: known keys only, the NIK's
//   structure (Pamong's own pure function) and its district, the address's
//   kecamatan and desa in the region (from the area registry, read once at
//   start, as Pamong keeps what it read), the purpose one of the options, the
//   other purpose when chosen;
// - the decision deadline in the region's working days (Pamong's own pure
//   calendar function), the registration number, the texts of the staff
//   notice and the applicant's email (Pamong's own templates);
// - every row Pamong writes (application, files with their bytes and
//   SHA-256, timeline event, decision clock and the first stage's when it has
//   days, in-app notices and emails to the stage's staff, the applicant's
//   email) in ONE prepared statement of data-modifying CTEs: one round trip,
//   atomic.
//
// What it skips: re-encoding images (Pamong decodes and re-encodes JPEG and
// PNG with sharp; the bench sends PDFs only, so neither side re-encodes), the
// rate limit per address, request logging, and reading the service's
// published version per filing (read once at start: it is the only form).
//
// The status page: Pamong's own prepared statement (the best SQL for it), its rows shaped and serialised by hand.
import '../src/modules/registry.js'; // installs the modules (a region's settings need them)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/client.js';
import { prepare, runPrepared } from '../src/platform/db/prepared.js';
import { sha256 } from '../src/platform/auth/secrets.js';
import { loadConfig } from '../src/platform/config.js';
import { getRegion } from '../src/platform/regions/service.js';
import { addDuration } from '../src/platform/calendar/calendar.js';
import { calendarOf, holidayWindow } from '../src/platform/calendar/region.js';
import { renderNotice } from '../src/platform/notify/staff.js';
import { newReadableCode, readableCodePattern } from '../src/platform/codes.js';
import { nikDistrict, nikStructure } from '../src/modules/layanan/domain/fields.js';
import { DECISION_STAGE, decisionWorkingDays, firstPosition, REMINDER_HOURS_BEFORE } from '../src/modules/layanan/domain/journey.js';
import { applicantEmail, arrivedAtStage } from '../src/modules/layanan/domain/notices.js';
import type { Stage } from '../src/modules/layanan/domain/workflow.js';
import { REGISTRATION_PREFIX } from '../src/modules/layanan/service/applications.js';
import { statusStatement, type StatusRow } from '../src/modules/layanan/service/application-reads.js';

const REGION = '32.11';
const SLUG = 'surat-keterangan-tidak-mampu';
const database = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: process.env.PAMONG_DATA_DIR! });
const publicUrl = loadConfig(process.env).publicUrl;
const region = await getRegion(database.db, REGION);

// The service's published version, read once.
const [service] = await database.rows<{ id: string; unitId: string; version: number; name: string; days: number | null; stages: Stage[]; form: { fields: { key: string; type: string; maxSizeMb?: number; options?: { value: string }[] }[] } }>(sql`
  select s.id, s.unit_id as "unitId", v.version, v.name, (v.standard->>'timeLimitDays')::int as days, v.workflow->'stages' as stages, v.form
  from layanan_services s join layanan_standard_versions v on v.region_code = s.region_code and v.service_id = s.id and v.version = s.version
  where s.region_code = ${REGION} and s.slug = ${SLUG} and s.status = 'published'`);
const first = firstPosition(service.stages);
const firstStage = service.stages[0];
const purposes = new Set(service.form.fields.find((f) => f.key === 'keperluan')!.options!.map((o) => o.value));
const documentFields = service.form.fields.filter((f) => f.type === 'document').map((f) => ({ key: f.key, maxBytes: f.maxSizeMb! * 1024 * 1024 }));
const answerKeys = new Set(service.form.fields.filter((f) => f.type !== 'document').map((f) => f.key));
// The area registry: every kecamatan (a NIK may name any), the region's desa.
const districts = new Map((await database.rows<{ code: string; name: string }>(sql`select code, name from areas where level = 'district'`)).map((a) => [a.code, a.name]));
const villages = new Map((await database.rows<{ code: string; name: string; parent: string }>(sql`select code, name, parent_code as parent from areas where level = 'village' and code like ${`${REGION}.%`}`)).map((a) => [a.code, a]));

const P = sql.placeholder;
const sessionRead = prepare('bench_filing_session', sql`
  select u.id, u.name, u.email, s.csrf_token as csrf, s.expires_at as "expiresAt",
    (select coalesce(json_agg(h.date order by h.date), '[]'::json) from (
      select date from national_holidays where date between ${P('start')}::date and ${P('end')}::date
      union select date from region_holidays where region_code = ${P('region')} and date between ${P('start')}::date and ${P('end')}::date) h) as holidays
  from sessions s join users u on u.id = s.user_id where s.id_hash = ${P('hash')}`);

const fileValues = [0, 1, 2].map((i) => sql`(${P(`k${i}`)}::text, ${P(`n${i}`)}::text, ${P(`t${i}`)}::text, ${P(`b${i}`)}::int, ${P(`h${i}`)}::text, ${P(`d${i}`)}::bytea)`);
const filingWrite = prepare('bench_filing_write', sql`
  with app as (
    insert into layanan_applications (region_code, id, registration_no, service_id, version, unit_id, channel, applicant_user_id, applicant_name, applicant_email,
      answers, status, stage, filed_at, updated_at, filed_by, filed_by_label)
    values (${P('region')}, ${P('id')}::uuid, ${P('no')}, ${P('service')}::uuid, ${P('version')}::int, ${P('unit')}::uuid, 'web', ${P('user')}::uuid, ${P('name')}, ${P('email')},
      ${P('answers')}::jsonb, ${P('status')}, ${P('stage')}, ${P('now')}::timestamptz, ${P('now')}::timestamptz, ${P('user')}::uuid, ${P('label')})
    returning id),
  files as (
    insert into layanan_application_files (region_code, application_id, field_key, file_name, content_type, bytes, sha256, data, round, uploaded_at)
    select ${P('region')}, app.id, f.k, f.n, f.t, f.b, f.h, f.d, 1, ${P('now')}::timestamptz from app, (values ${sql.join(fileValues, sql`, `)}) f(k, n, t, b, h, d)),
  event as (
    insert into layanan_application_events (region_code, application_id, at, kind, stage, actor_user_id, actor_label, public, message, detail)
    select ${P('region')}, id, ${P('now')}::timestamptz, 'filed', ${P('stage')}, ${P('user')}::uuid, ${P('label')}, true, null, ${P('detail')}::jsonb from app),
  clocks as (
    insert into stage_deadlines (region_code, module, record_type, record_id, stage, unit, due_at, target_at, next_check_at)
    select ${P('region')}, 'layanan', 'application', id, ${sql.raw(`'${DECISION_STAGE}'`)}, 'working_days', ${P('due')}::timestamptz, null::timestamptz, ${P('check')}::timestamptz from app
    union all select ${P('region')}, 'layanan', 'application', id, 'stage:' || ${P('stage')}, 'working_days', ${P('stageDue')}::timestamptz, null::timestamptz, ${P('stageDue')}::timestamptz
      from app where ${P('stageDue')}::timestamptz is not null),
  told as (select distinct user_id from grants where region_code = ${P('region')} and role = ${P('role')} and unit_id = ${P('actingUnit')}::uuid),
  people as (select user_id from told
    union select distinct user_id from grants where region_code = ${P('region')} and role = 'layanan_manager' and not exists (select 1 from told)),
  notices as (
    insert into notifications (region_code, user_id, at, subject, body, link)
    select ${P('region')}, user_id, ${P('now')}::timestamptz, ${P('subject')}::jsonb, ${P('body')}::jsonb, ${P('link')} from people),
  staff_mail as (
    insert into outbox (region_code, kind, payload, created_at, next_attempt_at)
    select ${P('region')}, 'email', jsonb_build_object('to', u.email,
        'subject', case when u.locale = 'en' then ${P('subjectEn')}::text else ${P('subjectId')}::text end,
        'text', case when u.locale = 'en' then ${P('textEn')}::text else ${P('textId')}::text end),
      ${P('now')}::timestamptz, ${P('now')}::timestamptz
    from people join users u on u.id = people.user_id),
  applicant_mail as (
    insert into outbox (region_code, kind, payload, created_at, next_attempt_at)
    select ${P('region')}, 'email', ${P('mail')}::jsonb, ${P('now')}::timestamptz, ${P('now')}::timestamptz where ${P('mail')}::jsonb is not null)
  select id from app`);

// The status page: Pamong's own prepared statement (the best SQL for it), the answer shaped and serialised here.
const statusBody = (r: StatusRow) => JSON.stringify({
  registrationNo: r.registration_no, service: r.service, status: r.status, stage: r.stage && r.stage_name ? { key: r.stage, name: r.stage_name } : null,
  decision: r.decision, filedAt: r.filed_at, decidedAt: r.decided_at, decisionDueAt: r.due_at, clockStopped: r.paused_at !== null, fiktifPositifAt: r.fiktif_positif_at,
  timeline: r.timeline.map((e) => ({ at: new Date(e.at), kind: e.kind, stage: e.stage })),
});
const registrationPattern = readableCodePattern(REGISTRATION_PREFIX);

class Refused extends Error {
  constructor(readonly status: number, readonly code: string) {
    super(code);
  }
}

const MAGIC: [string, number[]][] = [['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], ['image/jpeg', [0xff, 0xd8, 0xff]], ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]];
const typeOf = (data: Buffer) => MAGIC.find(([, magic]) => magic.every((b, i) => data[i] === b))?.[0] ?? null;

async function bodyOf(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) throw new Refused(413, 'file.too_large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The answers, checked by hand against the one form, with the address's names added as Pamong stores them. */
function checkAnswers(answers: unknown): Record<string, unknown> {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw new Refused(422, 'layanan.answers_invalid');
  const a = answers as Record<string, unknown>;
  if (Object.keys(a).some((k) => !answerKeys.has(k))) throw new Refused(422, 'layanan.answers_invalid');
  const { nik, nama, alamat, keperluan } = a;
  if (typeof nik !== 'string' || nikStructure(nik) || !districts.has(nikDistrict(nik))) throw new Refused(422, 'layanan.answers_invalid');
  if (typeof nama !== 'string' || nama.trim() === '' || nama.trim().length > 100) throw new Refused(422, 'layanan.answers_invalid');
  if (typeof keperluan !== 'string' || !purposes.has(keperluan)) throw new Refused(422, 'layanan.answers_invalid');
  const other = typeof a.keperluan_lain === 'string' ? a.keperluan_lain.trim() : '';
  if (keperluan === 'lainnya' && (other === '' || other.length > 200)) throw new Refused(422, 'layanan.answers_invalid');
  if (typeof alamat !== 'object' || alamat === null) throw new Refused(422, 'layanan.answers_invalid');
  const { street, district, village, ...rest } = alamat as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof street !== 'string' || typeof district !== 'string' || typeof village !== 'string') throw new Refused(422, 'layanan.answers_invalid');
  const desa = villages.get(village);
  if (street.trim() === '' || street.trim().length > 300 || !district.startsWith(`${REGION}.`) || !districts.has(district) || desa?.parent !== district) throw new Refused(422, 'layanan.answers_invalid');
  return {
    nik, nama: nama.trim(), alamat: { street: street.trim(), district, village, districtName: districts.get(district), villageName: desa.name }, keperluan,
    ...(keperluan === 'lainnya' ? { keperluan_lain: other } : {}),
  };
}

async function file(req: IncomingMessage, serviceId: string): Promise<unknown> {
  const sessionId = /(?:^|;\s*)pamong_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!sessionId) throw new Refused(401, 'auth.required');
  const now = new Date();
  const window = holidayWindow(now);
  const [who] = await runPrepared<{ id: string; name: string; email: string; csrf: string; expiresAt: Date; holidays: string[] }>(database, sessionRead,
    { hash: sha256(sessionId), region: REGION, ...window });
  if (!who || who.expiresAt <= now) throw new Refused(401, 'auth.required');
  if (req.headers['x-csrf-token'] !== who.csrf) throw new Refused(403, 'auth.csrf');
  if (serviceId !== service.id) throw new Refused(404, 'layanan.service_not_found');

  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) throw new Refused(415, 'request.media_type');
  const raw = await bodyOf(req, documentFields.reduce((s, f) => s + f.maxBytes, 0) + 65_536);
  const form = await new Request('http://baseline/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) }).formData();
  const answers = checkAnswers(JSON.parse(String(form.get('permohonan'))).answers);
  const files = await Promise.all(documentFields.map(async (f) => {
    const given = form.getAll(`berkas.${f.key}`);
    if (given.length !== 1 || typeof given[0] === 'string') throw new Refused(422, 'layanan.answers_invalid');
    const data = Buffer.from(await given[0].arrayBuffer());
    if (data.length > f.maxBytes) throw new Refused(422, 'layanan.document_too_large');
    const contentType = typeOf(data);
    if (!contentType) throw new Refused(422, 'layanan.document_type');
    return { key: f.key, name: given[0].name || 'berkas', contentType, data, hash: createHash('sha256').update(data).digest('hex') };
  }));
  if ([...form.keys()].some((k) => k !== 'permohonan' && !documentFields.some((f) => `berkas.${f.key}` === k))) throw new Refused(422, 'layanan.answers_invalid');

  const cal = calendarOf(region, who.holidays);
  const dueAt = addDuration(now, decisionWorkingDays(service.days), 'working_days', cal);
  const stageDue = firstStage.days ? addDuration(now, firstStage.days, 'working_days', cal) : null;
  const id = randomUUID();
  const no = newReadableCode(REGISTRATION_PREFIX);
  const link = `/staff/${REGION}/layanan/permohonan/${id}`;
  const notice = renderNotice(arrivedAtStage, { no, service: service.name, stage: { id: firstStage.name.id, en: firstStage.name.en ?? firstStage.name.id } });
  const mail = who.email ? applicantEmail({ no, service: service.name, status: first.status, reason: null, link: `${publicUrl}/r/${REGION}/layanan/permohonan/${no}`, filed: true }) : null;
  const url = `${publicUrl}${link}`;
  await runPrepared(database, filingWrite, {
    region: REGION, id, no, service: service.id, version: service.version, unit: service.unitId, user: who.id, name: who.name, email: who.email,
    answers: JSON.stringify(answers), status: first.status, stage: first.stage, now, label: who.email ?? who.name,
    ...Object.fromEntries(files.flatMap((f, i) => [[`k${i}`, f.key], [`n${i}`, f.name], [`t${i}`, f.contentType], [`b${i}`, f.data.length], [`h${i}`, f.hash], [`d${i}`, f.data]])),
    detail: JSON.stringify({ channel: 'web', version: service.version }),
    due: dueAt, check: new Date(dueAt.getTime() - REMINDER_HOURS_BEFORE * 3_600_000), stageDue,
    role: firstStage.actor.role, actingUnit: firstStage.actor.unitId ?? service.unitId,
    subject: JSON.stringify(notice.subject), body: JSON.stringify(notice.body), link,
    subjectId: `${notice.subject.id} / ${notice.subject.en}`, subjectEn: `${notice.subject.en} / ${notice.subject.id}`,
    textId: `${notice.body.id}\n${url}\n\n---\n${notice.body.en}`, textEn: `${notice.body.en}\n${url}\n\n---\n${notice.body.id}`,
    mail: mail && JSON.stringify({ to: who.email, ...mail }),
  });
  return { id, registrationNo: no, dueAt: dueAt.toISOString(), fee: 0 };
}

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
}

const filingPath = new RegExp(`^/api/regions/${REGION.replace('.', '\\.')}/layanan/services/([0-9a-f-]{36})/applications$`);
const statusPath = new RegExp(`^/api/regions/${REGION.replace('.', '\\.')}/layanan/public/applications/([^/?]+)$`);

const server = createServer((req, res) => {
  const failed = (err: unknown) => {
    if (err instanceof Refused) return send(res, err.status, JSON.stringify({ error: { code: err.code } }));
    console.error(err); // the run stops on a failing baseline: say why
    send(res, 500, JSON.stringify({ error: String(err) }));
  };
  if (req.url === '/healthz') return void res.end('ok');
  const filing = req.method === 'POST' && filingPath.exec(req.url ?? '');
  if (filing) return void file(req, filing[1]).then((receipt) => send(res, 201, JSON.stringify(receipt)), failed);
  const status = req.method === 'GET' && statusPath.exec(req.url ?? '');
  if (status) {
    if (!registrationPattern.test(status[1])) return send(res, 400, '{}');
    return void runPrepared<StatusRow>(database, statusStatement, { region: REGION, number: status[1] }).then(([row]) => (row ? send(res, 200, statusBody(row)) : send(res, 404, '{}')), failed);
  }
  send(res, 404, '{}');
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void database.close().then(() => process.exit(0))));
