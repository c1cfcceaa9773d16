// The demo region's SAKIP people signed in, for the agreement and report
// tests: the demo's coordinator, planners and evaluator, and a head for each
// of the two demo units (the demo has none), created here.
import { sql } from 'drizzle-orm';
import type { Harness, Session } from '../../../test/harness.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';

export async function signInSakipPeople(h: Harness, s: Record<string, Session>, unitIds: Record<string, string>): Promise<void> {
  for (const r of await h.ctx.database.rows<{ id: string; code: string }>(sql`select id, code from units where region_code = '32.11'`)) unitIds[r.code] = r.id;
  await h.ctx.database.db.transaction(async (tx) => {
    for (const code of ['DINKES', 'DISKOMINFO']) {
      const userId = await createUser(tx, { email: `kepala.${code.toLowerCase()}@sumedang.test`, name: `Kepala ${code}`, password: DEMO_PASSWORD });
      await grantRole(tx, '32.11', userId, 'unit_head', unitIds[code]);
    }
  });
  for (const [k, email] of Object.entries({
    coordinator: 'sakip@sumedang.demo', dinkes: 'perencana.dinkes@sumedang.demo', kominfo: 'perencana.kominfo@sumedang.demo',
    headDinkes: 'kepala.dinkes@sumedang.test', headKominfo: 'kepala.diskominfo@sumedang.test', evaluator: 'evaluator@sumedang.demo',
  })) s[k] = await h.signIn(email);
}
