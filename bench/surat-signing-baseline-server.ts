// The bare baseline for signing letters (bench/surat-signing.ts): a node:http
// server on its own copy of the data that signs an outgoing letter on paper
// with the same rows as Pamong: a first transaction that locks the letter,
// raises the series' counter (the same INSERT … ON CONFLICT DO UPDATE row
// lock) and ties the number to the letter; the same PDF rendered outside it
// with Pamong's own renderer; a second transaction that stores the PDF, its
// hash and token, and writes the same notifications and audit row. What never
// changes during a run (the region, its numbering pattern, units, document
// types, letterheads, clerks) is read once at start; no framework, no schema
// validation, the session read with the letter.
import { createServer } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import '../src/modules/registry.js'; // installs the modules (a region's settings need them)
import { openDatabase } from '../src/platform/db/client.js';
import { getRegion } from '../src/platform/regions/service.js';
import { localDateOf } from '../src/platform/calendar/calendar.js';
import { calendarOf } from '../src/platform/calendar/region.js';
import { usersWithRole } from '../src/platform/notify/staff.js';
import { letterheadFor } from '../src/modules/layanan/index.js';
import { outgoingPdf } from '../src/modules/surat/service/pdf.js';
import { letterPattern } from '../src/modules/surat/service/settings.js';
import { formatLetterNumber, letterSeries } from '../src/modules/surat/domain/numbering.js';
import { SECURITY_CODE, type LetterBody, type SecurityClass } from '../src/modules/surat/domain/letter.js';

const REGION = '32.11';
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 10 });
const region = await getRegion(database.db, REGION);
const calendar = calendarOf(region, []);
const pattern = await letterPattern(database.db, REGION);
const publicUrl = (process.env.PAMONG_PUBLIC_URL ?? `http://localhost:${process.env.PORT}`).replace(/\/$/, '');
const unitRows = await database.rows<{ id: string; code: string }>(sql`select id, code from units where region_code = ${REGION}`);
const unitCodes = new Map(unitRows.map((u) => [u.id, u.code]));
const letterheads = new Map(await Promise.all(unitRows.map(async (u) => [u.id, await letterheadFor(database.db, REGION, u.id)] as const)));
const clerks = new Map(await Promise.all(unitRows.map(async (u) => [u.id, await usersWithRole(database.db, REGION, ['surat_clerk'], u.id)] as const)));
const types = new Map((await database.rows<{ code: string; name: string; title: string | null; layout: 'korespondensi' | 'berjudul' }>(sql`select code, name, title, layout from surat_document_types`)).map((t) => [t.code, t]));

class Refused extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

interface LetterRow {
  user_id: string; email: string; csrf: string; status: string; direction: string; signer_user_id: string; unit_id: string; document_type_code: string;
  classification_code: string; security: SecurityClass; subject: string; body: LetterBody; signer_position: string | null; signer_name: string | null; created_by: string;
}

async function sign(letterId: string, sessionHash: string, csrf: string): Promise<{ number: string; sha256: string; verifyUrl: string }> {
  const now = new Date();
  const numbered = await database.db.transaction(async (tx) => {
    const [l] = await database.rows<LetterRow>(sql`select s.user_id, u.email, s.csrf_token as csrf, l.status, l.direction, l.signer_user_id, l.unit_id, l.document_type_code, l.classification_code,
        l.security, l.subject, l.body, l.signer_position, l.signer_name, l.created_by
      from sessions s join users u on u.id = s.user_id, surat_letters l
      where s.id_hash = ${sessionHash} and s.expires_at > ${now} and l.region_code = ${REGION} and l.id = ${letterId}::uuid for update of l`, tx);
    if (!l) throw new Refused(404);
    if (l.csrf !== csrf) throw new Refused(403);
    if (l.status !== 'to_sign' || l.signer_user_id !== l.user_id) throw new Refused(409);
    const localDate = localDateOf(now, calendar);
    const values = { classification: l.classification_code, unitCode: unitCodes.get(l.unit_id)!, documentTypeCode: l.document_type_code, securityCode: SECURITY_CODE[l.security], localDate };
    const [{ last }] = await database.rows<{ last: number }>(sql`insert into surat_number_counters as c (region_code, series, year, last) values (${REGION}, ${letterSeries(pattern, values)}, ${Number(localDate.slice(0, 4))}, 1)
      on conflict (region_code, series, year) do update set last = c.last + 1 returning last`, tx);
    const number = formatLetterNumber(pattern, values, last);
    await database.rows(sql`update surat_letters set number = ${number}, letter_date = ${localDate}, updated_at = ${now} where region_code = ${REGION} and id = ${letterId}::uuid`, tx);
    return { l, number, localDate };
  });
  const { l, number, localDate } = numbered;
  const type = types.get(l.document_type_code)!;
  const copies = await database.rows<{ name: string }>(sql`select name from surat_recipients where region_code = ${REGION} and letter_id = ${letterId}::uuid and role = 'cc' order by position`);
  const token = randomBytes(16).toString('base64url');
  const verifyUrl = `${publicUrl}/v/${token}`;
  const pdf = await outgoingPdf(letterheads.get(l.unit_id)!, {
    layout: type.layout, title: l.direction === 'memo' ? 'NOTA DINAS' : type.title, number, localDate, security: l.security, subject: l.subject, body: l.body,
    signerPosition: l.signer_position ?? '', signerName: l.signer_name ?? '', copies: copies.map((c) => c.name), verifyUrl, signature: null,
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await database.db.transaction(async (tx) => {
    const stored = await database.rows(sql`update surat_letters set status = 'signed', sign_method = 'paper', signed_at = ${now}, signer_subject = null, signer_fingerprint = null,
        pdf = ${pdf}, sha256 = ${sha256}, token = ${token}, updated_at = ${now}
      where region_code = ${REGION} and id = ${letterId}::uuid and status = 'to_sign' and number = ${number} returning id`, tx);
    if (stored.length === 0) throw new Refused(409);
    const told = [...new Set([...clerks.get(l.unit_id)!, l.created_by])];
    const subject = JSON.stringify({ id: 'Naskah ditandatangani, siap dikirim', en: 'A letter was signed and is ready to send' });
    const body = JSON.stringify({ id: `${number}: ${l.subject}`, en: `${number}: ${l.subject}` });
    await database.rows(sql`insert into notifications (region_code, user_id, at, subject, body, link)
      select ${REGION}, u, ${now}, ${subject}::jsonb, ${body}::jsonb, ${`/staff/${REGION}/surat/outgoing/${letterId}`} from unnest(${`{${told.join(",")}}`}::uuid[]) u`, tx);
    await database.rows(sql`insert into audit_log (region_code, at, actor_user_id, actor_label, action, entity, entity_id, detail)
      values (${REGION}, ${now}, ${l.user_id}::uuid, ${l.email}, 'surat.sign', 'letter', ${letterId}, ${JSON.stringify({ number, method: 'paper', sha256 })}::jsonb)`, tx);
  });
  return { number, sha256, verifyUrl };
}

const server = createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  const m = /^\/api\/regions\/32\.11\/surat\/outgoing\/([0-9a-f-]{36})\/sign$/.exec(req.url ?? '');
  if (!m || req.method !== 'POST') return res.writeHead(404).end();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const session = /pamong_session=([^;]+)/.exec(String(req.headers.cookie ?? ''))?.[1] ?? '';
    sign(m[1], createHash('sha256').update(session).digest('hex'), String(req.headers['x-csrf-token'] ?? '')).then(
      (answer) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
      (err) => res.writeHead(err instanceof Refused ? err.status : 500).end(),
    );
  });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
