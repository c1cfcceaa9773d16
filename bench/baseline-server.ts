// The physical limit for this stack: a bare node:http server doing the same
// database work as Pamong with hand-written SQL, no framework, no checks.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/client.js';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATABASE_URL ? undefined : process.env.PAMONG_DATA_DIR });
const [{ category_id }] = await database.rows<{ category_id: string }>(sql`select id as category_id from categories where region_code = '32.11' and code = 'sampah'`);
let seq = 0;

const server = createServer((req, res) => {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'POST' && req.url === '/intake') {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString());
        const id = randomUUID();
        const code = `BSL-${process.pid}-${++seq}`;
        const now = new Date();
        const due = new Date(now.getTime() + 86_400_000);
        // Same rows as Pamong's intake, in one transaction.
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`insert into complaints (region_code, id, tracking_code, category_id, status, description, answers, anonymous, confidential, channel, submitted_at, updated_at)
            values ('32.11', ${id}, ${code}, ${category_id}, 'submitted', ${body.description}, '{}', true, false, 'web', ${now}, ${now})`);
          await tx.execute(sql`insert into complaint_events (region_code, complaint_id, at, kind, actor_label, public) values ('32.11', ${id}, ${now}, 'submitted', 'pelapor', true)`);
          await tx.execute(sql`insert into stage_deadlines (region_code, module, record_type, record_id, stage, unit, due_at, next_check_at) values ('32.11', 'complaints', 'complaint', ${id}, 'verification', 'hours', ${due}, ${due})`);
          await tx.execute(sql`insert into outbox (region_code, kind, payload, created_at, next_attempt_at) values ('32.11', 'email', '{}', ${now}, ${now})`);
        });
        send(201, { id, trackingCode: code });
      } catch (err) {
        send(500, { error: String(err) });
      }
    });
    return;
  }
  const track = /^\/track\/(.+)$/.exec(req.url ?? '');
  if (req.method === 'GET' && track) {
    database.rows(sql`select * from complaints where region_code = '32.11' and tracking_code = ${track[1]}`).then(
      (rows) => (rows[0] ? send(200, rows[0]) : send(404, {})),
      (err) => send(500, { error: String(err) }),
    );
    return;
  }
  send(404, {});
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline ready'));
process.on('SIGTERM', () => server.close(() => database.close().then(() => process.exit(0))));
