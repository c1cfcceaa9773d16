// The schema stays distributable with Citus by region: every key of a
// region's table includes region_code (src/platform/db/distribution.ts), on
// the live schema with every module installed, and `pamong citus-ddl` writes
// what an operator runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { citusDdl, distributionProblems, placementOf, readSchemaShape, type SchemaShape } from '../src/platform/db/distribution.js';
import { describeWithApp } from './harness.js';

describeWithApp('the schema on Citus', (h) => {
  it('keys every region table by region_code, so Citus can shard it by region', async () => {
    const shape = await readSchemaShape(h.ctx.database);
    expect(distributionProblems(shape)).toEqual([]);
    const placement = Object.fromEntries(shape.tables.map((t) => [t.name, placementOf(t)]));
    // A region's records are sharded; shared data is copied; queues and counters stay on the coordinator.
    expect(placement).toMatchObject({
      complaints: 'distributed', complaint_events: 'distributed', units: 'distributed', grants: 'distributed', api_keys: 'distributed',
      invitations: 'distributed', spbe_answers: 'distributed', stage_deadlines: 'distributed',
      areas: 'reference', regions: 'reference', users: 'reference', spbe_frameworks: 'reference',
      sessions: 'coordinator', rate_limits: 'coordinator', jobs: 'coordinator', outbox: 'coordinator',
    });
    const ddl = citusDdl(shape);
    expect(ddl).not.toContain('NOT READY');
    expect(ddl).toContain("SELECT create_reference_table('areas');");
    expect(ddl).toMatch(/SELECT create_distributed_table\('complaints', 'region_code', colocate_with => '\w+'\);/);
    for (const t of shape.tables) expect(ddl, t.name).toContain(`'${t.name}'`);
  });
});

describe('what would stop Citus', () => {
  const shape = (keys: SchemaShape['keys'], tables: SchemaShape['tables'] = []): SchemaShape => ({
    tables: [{ name: 'complaints', regionCode: 'not null' }, { name: 'units', regionCode: 'not null' }, { name: 'areas', regionCode: 'none' }, ...tables],
    keys,
  });

  it('names a unique index or primary key of a region table that leaves region_code out', () => {
    expect(distributionProblems(shape([
      { table: 'complaints', name: 'complaints_pkey', kind: 'primary key', columns: ['region_code', 'id'] },
      { table: 'complaints', name: 'complaints_tracking_idx', kind: 'unique', columns: ['tracking_code'] },
      { table: 'units', name: 'units_pkey', kind: 'primary key', columns: ['id'] },
      { table: 'areas', name: 'areas_pkey', kind: 'primary key', columns: ['code'] },
    ]))).toEqual([
      'complaints: unique complaints_tracking_idx (tracking_code) leaves out region_code',
      'units: primary key units_pkey (id) leaves out region_code',
    ]);
  });

  it('names a foreign key into a region table that does not pair region_code, and a nullable region_code', () => {
    expect(distributionProblems(shape([
      { table: 'complaints', name: 'complaints_unit_fk', kind: 'foreign key', columns: ['region_code', 'unit_id'], references: { table: 'units', columns: ['region_code', 'id'] } },
      { table: 'complaints', name: 'complaints_area_fk', kind: 'foreign key', columns: ['region_code', 'district_code'], references: { table: 'areas', columns: ['code', 'code'] } },
      { table: 'complaints', name: 'complaints_unit_only_fk', kind: 'foreign key', columns: ['region_code', 'unit_id'], references: { table: 'units', columns: ['id', 'region_code'] } },
      { table: 'areas', name: 'areas_unit_fk', kind: 'foreign key', columns: ['code'], references: { table: 'units', columns: ['id'] } },
    ], [{ name: 'notes', regionCode: 'nullable' }]))).toEqual([
      'notes: region_code may be null, so its rows cannot be sharded by region (make it not null, or keep the table on the coordinator)',
      'complaints: foreign key complaints_unit_only_fk points into the sharded table units without pairing region_code with region_code',
      'areas: foreign key areas_unit_fk points into the sharded table units without pairing region_code with region_code',
    ]);
  });
});

describe('pamong citus-ddl', () => {
  it('prints the statements for an operator, from a fresh database', () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const dataDir = mkdtempSync(join(tmpdir(), 'pamong-citus-'));
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'citus-ddl'], {
        cwd: root, env: { ...process.env, PAMONG_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, encoding: 'utf8',
      });
      expect(out).toMatch(/^-- Pamong on Citus/);
      expect(out).toContain('CREATE EXTENSION IF NOT EXISTS citus;');
      expect(out).toContain("SELECT create_distributed_table('complaints', 'region_code'");
      expect(out).not.toContain('NOT READY');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
