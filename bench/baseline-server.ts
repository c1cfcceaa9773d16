// The physical limit for this stack: a bare node:http server doing the same
// database work as Pamong with no framework and no checks. It writes exactly
// the rows Pamong's intake writes (complaint, photo, timeline event, first
// deadline, receipt email only when there is an address, the two summary
// rows) with Pamong's own single prepared statement, and answers tracking
// with Pamong's own prepared view query: the ratio measures the framework,
// not different work. Photos are re-encoded with the same function, as the
// stored bytes are part of the row.
import { createServer, type IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src/platform/db/client.js';
import { runPrepared } from '../src/platform/db/prepared.js';
import { reencodeImage } from '../src/platform/images.js';
import { newToken, sha256 } from '../src/platform/auth/secrets.js';
import { intakeWrite } from '../src/modules/complaints/service/intake.js';
import { viewStatement } from '../src/modules/complaints/service/queries.js';
import { newComplaintStatsValues } from '../src/modules/complaints/service/stats.js';
import { newTrackingCode } from '../src/modules/complaints/domain/tracking.js';

const REGION = '32.11';
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATABASE_URL ? undefined : process.env.PAMONG_DATA_DIR });

interface Report {
  categoryId: string; description: string; answers?: Record<string, unknown>; districtCode?: string; villageCode?: string;
  anonymous?: boolean; reporter?: { name?: string; email?: string };
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The report and its photos, from JSON or multipart (parsed by Node's own fetch implementation). */
async function readReport(req: IncomingMessage): Promise<{ report: Report; photos: Buffer[] }> {
  const body = await bodyOf(req);
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/')) return { report: JSON.parse(body.toString()), photos: [] };
  const form = await new Request('http://baseline/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(body) }).formData();
  const files = form.getAll('photos').filter((f): f is File => typeof f !== 'string');
  return { report: JSON.parse(String(form.get('complaint'))), photos: await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer()))) };
}

async function intake(req: IncomingMessage) {
  const { report, photos } = await readReport(req);
  const stored = await Promise.all(photos.map(reencodeImage));
  const id = randomUUID();
  const trackingCode = newTrackingCode();
  const now = new Date();
  const dueAt = new Date(now.getTime() + 86_400_000);
  const email = report.reporter?.email
    ? { to: report.reporter.email, subject: `Pengaduan Anda diterima / Your complaint was received: ${trackingCode}`, text: `Kode ${trackingCode}` }
    : null;
  const districtCode = report.districtCode ?? null;
  await runPrepared(database, intakeWrite(database.db, `${stored.length}${email ? 'e' : 'n'}-`), {
    regionCode: REGION, id, trackingCode, categoryId: report.categoryId, status: 'submitted', description: report.description,
    answers: report.answers ?? {}, districtCode, villageCode: report.villageCode ?? null, lat: null, lng: null, address: null,
    anonymous: report.anonymous ?? true, confidential: false, reporterUserId: null, reporterName: report.reporter?.name ?? null,
    reporterEmail: report.reporter?.email ?? null, reporterPhone: null, reporterKeyHash: sha256(newToken(18)), channel: 'web',
    submittedAt: now, updatedAt: now, nextDueAt: dueAt,
    ...Object.fromEntries(stored.flatMap((p, i) => [[`photo${i}Type`, p.contentType], [`photo${i}Bytes`, p.data.length], [`photo${i}Data`, p.data]])),
    actorUserId: null, actorLabel: 'pelapor', eventDetail: { channel: 'web', photos: stored.length },
    dueUnit: 'working_days', dueAt, targetAt: null, email,
    ...newComplaintStatsValues({
      regionCode: REGION, categoryId: report.categoryId, unitId: null, districtCode, status: 'submitted', submittedAt: now,
      firstResponseAt: null, resolvedAt: null, firstResponseInTime: null, resolvedInTime: null,
    }),
  });
  return { id, trackingCode };
}

async function track(code: string) {
  const [row] = await runPrepared<{ view: unknown }>(database, viewStatement(database.db, 'tracking_public'), { region: REGION, key: code });
  return row?.view ?? null;
}

const server = createServer((req, res) => {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const failed = (err: unknown) => send(500, { error: String(err) });
  if (req.method === 'POST' && req.url === '/intake') {
    intake(req).then((receipt) => send(201, receipt), failed);
    return;
  }
  const tracked = /^\/track\/(.+)$/.exec(req.url ?? '');
  if (req.method === 'GET' && tracked) {
    track(tracked[1]).then((view) => (view ? send(200, view) : send(404, {})), failed);
    return;
  }
  send(404, {});
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline ready'));
process.on('SIGTERM', () => server.close(() => database.close().then(() => process.exit(0))));
