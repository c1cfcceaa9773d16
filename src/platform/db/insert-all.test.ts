// Many rows in one statement: what is written is what was given, whether a
// column's value varies per row or is the same for all (then it is sent once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { cloneDatabase, engines } from '../../../test/harness.js';
import type { Database } from './client.js';
import { insertAll, insertPart, insertTogether } from './insert-all.js';
import { auditLog, units } from '../schema.js';

describe.each(engines)('insertAll / insertTogether (%s)', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await cloneDatabase(engine);
  });
  afterAll(() => database.close());

  it('writes shared and varying values, null, dates and JSON as given, and keeps defaults for columns no row sets', async () => {
    const region = '32.11';
    const at = new Date('2026-12-07T03:04:05.678Z');
    const actor = randomUUID();
    const rows = [
      { regionCode: region, at: new Date(at), actorUserId: actor, actorLabel: 'Dewi', action: 'x.one', entity: 'thing', entityId: 'a', detail: { n: 1 }, before: null, after: { v: true } },
      { regionCode: region, at: new Date(at), actorUserId: actor, actorLabel: 'Dewi', action: 'x.two', entity: 'thing', entityId: 'b', detail: { n: 2 }, before: null, after: null },
      { regionCode: region, at: new Date(at), actorUserId: actor, actorLabel: 'Dewi', action: 'x.two', entity: 'thing', entityId: 'c', detail: { n: 1 }, before: null },
    ];
    expect(await insertAll(database.db, auditLog, rows)).toBe(3);
    const written = await database.db.select().from(auditLog).where(and(eq(auditLog.regionCode, region), eq(auditLog.actorUserId, actor))).orderBy(asc(auditLog.entityId));
    expect(written.map(({ id: _id, ...r }) => r)).toEqual(rows.map((r) => ({ after: null, ...r })));
    expect(written.every((r) => r.at.getTime() === at.getTime())).toBe(true);
  });

  it('writes rows whose every column is the same, and counts conflicts left out', async () => {
    const region = '32.73';
    const code = `T${randomUUID().slice(0, 6)}`;
    // Two identical rows: every column shared, one record set column still sent per row.
    const same = { regionCode: region, code: `${code}-x`, name: 'Sama' };
    const [first] = await insertTogether(database.db, [insertPart(units, [same, same], true)]);
    expect(first).toBe(1);
    const [counted] = await insertTogether(database.db, [insertPart(units, [{ ...same, active: true }, { regionCode: region, code: `${code}-y`, name: 'Baru', active: false }], true)]);
    expect(counted).toBe(1);
    const found = await database.db.select({ code: units.code, name: units.name, active: units.active }).from(units)
      .where(eq(units.regionCode, region)).orderBy(asc(units.code));
    expect(found.filter((u) => u.code.startsWith(code))).toEqual([
      { code: `${code}-x`, name: 'Sama', active: true },
      { code: `${code}-y`, name: 'Baru', active: false },
    ]);
  });

  it('refuses rows that leave a required column out of only some of them', async () => {
    await expect(insertAll(database.db, units, [{ regionCode: '32.73', code: 'A', name: 'A' }, { regionCode: '32.73', name: 'B' } as never])).rejects.toThrow(/leave code out/);
  });
});
