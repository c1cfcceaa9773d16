// A background job run as its own process so `npm run verify` can kill -9 it
// halfway: the SLA sweep or the email outbox, batch after batch, with the
// same code as the worker, printing a line after each committed batch.
//
//   tsx test/verify/child.ts sweep|send      (DATABASE_URL or PAMONG_DATA_DIR; SMTP_* for send)
import '../../src/modules/registry.js'; // installs the modules
import { loadConfig } from '../../src/platform/config.js';
import { openContext } from '../../src/platform/bootstrap.js';
import { sweepDeadlines } from '../../src/platform/deadlines/sweep.js';
import { createTransport, sendPendingEmails } from '../../src/platform/notify/outbox.js';

const job = process.argv[2];
const ctx = await openContext(loadConfig());
const transport = createTransport(ctx);
const step = job === 'sweep' ? () => sweepDeadlines(ctx, 50) : () => sendPendingEmails(ctx, transport, 10);
let total = 0;
for (let n = await step(); n > 0; n = await step()) {
  total += n;
  console.log(`batch ${n} total ${total}`);
}
console.log('done');
transport?.close();
await ctx.database.close();
