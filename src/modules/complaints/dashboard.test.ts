// The dashboard through the real API: complaints filed and handled at known
// times, then exact numbers by unit, category, district and month, the CSV, the
// province roll-up, the public statistics, access, and the rebuild.
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { enableRegion, updateSettings, getRegion } from '../../platform/regions/service.js';
import { rebuildStats } from './service/stats.js';
import { ALL_DISTRICTS } from './domain/dashboard.js';
import { overdueQuery, tallyQuery } from './service/dashboard.js';

/** A time as the API gives it: known to its bucket [from, to) minutes, placed inside by interpolation. */
const time = (fromMinutes: number, toMinutes: number | null, minutes: number) => ({ fromMinutes, toMinutes, minutes });

describeWithApp('complaint dashboard', (h) => {
  const R = '/api/regions/32.11';
  const cat: Record<string, string> = {};
  const unit: Record<string, string> = {};
  const c: Record<string, { id: string; trackingCode: string; reporterKey: string }> = {};
  let coordinator: Session;
  let pupr: Session;
  let bupati: Session;

  const submit = async (name: string, category: string, districtCode: string | null) => {
    const res = await h.api('POST', `${R}/complaints`, {
      body: { categoryId: cat[category], description: `Laporan ${name}: mohon segera ditangani`, answers: category === 'jalan-rusak' ? { tingkat_kerusakan: 'sedang' } : {}, districtCode },
    });
    expect(res.status).toBe(201);
    c[name] = res.body;
  };
  const act = async (session: Session, name: string, body: Record<string, unknown>) => {
    const res = await h.api('POST', `${R}/complaints/${c[name].id}/actions`, { session, body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const citizen = async (name: string, action: 'rate' | 'reopen', body: Record<string, unknown>) => {
    const res = await h.api('POST', `${R}/complaints/track/${c[name].trackingCode}/${action}`, { body: { key: c[name].reporterKey, ...body } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const statsRows = () => h.ctx.database.rows(sql`select * from complaint_stats order by region_code, month, category_id, unit_id, district_code`);

  beforeAll(async () => {
    for (const k of (await h.api('GET', `${R}/categories`)).body) cat[k.code] = k.id;
    coordinator = await h.signIn('koordinator@sumedang.demo');
    pupr = await h.signIn('petugas.pupr@sumedang.demo');
    for (const u of (await h.api('GET', `${R}/units`, { session: coordinator })).body) unit[u.code] = u.id;
    // A second kabupaten/kota under Jawa Barat, with its own head.
    await enableRegion(h.ctx.database.db, '32.73');
    await grantRole(h.ctx.database.db, '32.73', await createUser(h.ctx.database.db, { email: 'walikota@bandung.test', name: 'Wali Kota', password: 'pamong-demo-2026' }), 'head_of_region', null);
  });

  it('follows complaints through their lifecycle (Monday 2 November 2026, 09:00 WIB = t0)', async () => {
    const dlh = await h.signIn('petugas.dlh@sumedang.demo');
    await submit('A', 'jalan-rusak', '32.11.01');
    await submit('B', 'jalan-rusak', '32.11.02');
    await submit('C', 'sampah', '32.11.01');
    await submit('D', 'sampah', null);
    await submit('E', 'pju', '32.11.03');
    await submit('G', 'jalan-rusak', '32.11.01');
    await submit('H', 'sampah', '32.11.01');
    h.clock.advanceHours(1); // t0+1h: triage; response deadlines fall at t0+49h
    await act(coordinator, 'A', { action: 'dispatch', unitId: unit.PUPR });
    await act(coordinator, 'B', { action: 'dispatch', unitId: unit.PUPR });
    await act(coordinator, 'C', { action: 'dispatch', unitId: unit.DLH });
    await act(coordinator, 'E', { action: 'dispatch', unitId: unit.PUPR }); // the wrong unit
    await act(coordinator, 'D', { action: 'reject', reason: 'incomplete', message: 'Lokasi tidak jelas' });
    await act(coordinator, 'G', { action: 'transfer', regionCode: '32', note: 'Jalan provinsi' });
    await act(coordinator, 'H', { action: 'merge', intoTrackingCode: c.C.trackingCode });
    h.clock.advanceHours(2); // t0+3h
    await act(pupr, 'A', { action: 'respond', message: 'Tim menuju lokasi' });
    h.clock.advanceHours(2); // t0+5h
    await act(pupr, 'E', { action: 'dispose', unitId: unit.DISHUB, note: 'Lampu jalan urusan Dishub' });
    h.clock.advanceHours(5); // t0+10h
    await act(pupr, 'A', { action: 'resolve', message: 'Sudah ditambal' });
    h.clock.advanceHours(20); // t0+30h
    await act(dlh, 'C', { action: 'respond', message: 'Kami jadwalkan pengangkutan' });
    h.clock.advanceHours(30); // t0+60h: past B's response deadline
    await act(pupr, 'B', { action: 'respond', message: 'Maaf terlambat, kami cek' });
    h.clock.advanceHours(2); // t0+62h
    await act(pupr, 'B', { action: 'resolve', message: 'Selesai' });
    h.clock.advanceHours(8); // t0+70h: the citizen reopens; the response deadline restarts, B's late response stays late
    await citizen('B', 'reopen', { reason: 'Masih berlubang' });
    h.clock.advanceHours(10); // t0+80h
    await act(pupr, 'B', { action: 'resolve', message: 'Sudah diperbaiki ulang' });
    h.clock.advanceHours(1); // t0+81h
    await citizen('A', 'rate', { rating: 5 });
    // 00:30 WIB on 1 December is still 30 November in UTC: F belongs to December.
    h.clock.advance(Date.parse('2026-11-30T17:30:00Z') - h.clock.now().getTime());
    await submit('F', 'sampah', '32.11.01');
    h.clock.advance(Date.parse('2026-12-01T02:00:00Z') - h.clock.now().getTime()); // 09:00 WIB, 1 December
    // Sessions signed in a month ago have expired.
    pupr = await h.signIn('petugas.pupr@sumedang.demo');
    bupati = await h.signIn('bupati@sumedang.demo');
  });

  // Received 8: A, B closed/resolved; C, E, F open; D rejected, G transferred, H merged.
  // First responses: A 3h (in time), C 30h (in time), B 60h (late) -> 2 of 3, median in 24-36h (24+0.5*12 = 30h),
  // p90 in 48-72h (48+0.7*24 = 64.8h). Resolutions: A 10h, B 80h (in time against the restarted deadline) -> median
  // in 8-12h (8+1*4 = 12h), p90 in 72-96h (72+0.8*24 = 91.2h). Overdue now: C (resolution deadline ~20 November) and E (never answered).
  const totals = {
    received: 8, responded: 3, respondedInTime: 2, responseCompliancePct: 66.7, resolved: 2, resolvedInTime: 2, resolutionCompliancePct: 100,
    responseTimeMedian: time(1440, 2160, 1800), responseTimeP90: time(2880, 4320, 3888), resolutionTimeMedian: time(480, 720, 720), resolutionTimeP90: time(4320, 5760, 5472),
    rejected: 1, merged: 1, transferred: 1, backlog: 3, overdue: 2,
  };

  it('shows the region by unit, with the disposed complaint under its new unit', async () => {
    const res = await h.api('GET', `${R}/dashboard?by=unit`, { session: bupati });
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ from: '2026-01', to: '2026-12', timezone: 'WIB' });
    expect(res.body.totals).toEqual(totals);
    const rows = res.body.rows.map((r: any) => [r.key, r.label.id, r.received, r.backlog, r.overdue, r.responseCompliancePct, r.responseTimeMedian, r.responseTimeP90]);
    expect(rows).toEqual([
      [null, 'Belum didisposisikan', 4, 1, 0, null, null, null], // D, G, H, F
      [unit.PUPR, 'Dinas Pekerjaan Umum dan Penataan Ruang', 2, 0, 0, 50, time(120, 240, 240), time(2880, 4320, 4032)], // A 3h, B 60h
      [unit.DLH, 'Dinas Lingkungan Hidup dan Kehutanan', 1, 1, 1, 100, time(1440, 2160, 1800), time(1440, 2160, 2088)], // C 30h
      [unit.DISHUB, 'Dinas Perhubungan', 1, 1, 1, null, null, null], // E
    ]);
    expect(res.body.rows[0].label.en).toBe('Not yet assigned to a unit');
    expect(res.body.rows[1]).toMatchObject({ resolved: 2, resolvedInTime: 2, resolutionTimeMedian: time(480, 720, 720), resolutionTimeP90: time(4320, 5760, 5472) });
  });

  it('shows the region by category', async () => {
    const res = await h.api('GET', `${R}/dashboard?by=category&lang=en`, { session: bupati });
    expect(res.body.rows.map((r: any) => [r.key, r.label.en, r.received, r.backlog, r.overdue, r.rejected, r.merged, r.transferred, r.resolved, r.responded])).toEqual([
      [cat.sampah, 'Uncollected rubbish', 4, 2, 1, 1, 1, 0, 0, 1],
      [cat['jalan-rusak'], 'Damaged road or pothole', 3, 0, 0, 0, 0, 1, 2, 2],
      [cat.pju, 'Street light out', 1, 1, 1, 0, 0, 0, 0, 0],
    ]);
    expect(res.body.totals).toEqual(totals);
  });

  it('shows the region by kecamatan', async () => {
    const res = await h.api('GET', `${R}/dashboard?by=district`, { session: bupati });
    expect(res.body.rows.map((r: any) => [r.key, r.label.id, r.received, r.backlog, r.overdue])).toEqual([
      ['32.11.01', 'Wado', 5, 2, 1], // A, C, G, H, F
      ['32.11.03', 'Darmaraja', 1, 1, 1], // E
      ['32.11.02', 'Jatinunggal', 1, 0, 0], // B
      [null, 'Tanpa kecamatan', 1, 0, 0], // D
    ]);
  });

  it('shows every month of the period, by local month of submission', async () => {
    const res = await h.api('GET', `${R}/dashboard?by=month&from=2026-10&to=2027-01`, { session: bupati });
    expect(res.body.rows.map((r: any) => [r.key, r.label.id, r.received, r.backlog, r.overdue])).toEqual([
      ['2026-10', 'Oktober 2026', 0, 0, 0],
      ['2026-11', 'November 2026', 7, 2, 2],
      ['2026-12', 'Desember 2026', 1, 1, 0],
      ['2027-01', 'Januari 2027', 0, 0, 0],
    ]);
    expect(res.body.totals).toEqual(totals);
    const december = await h.api('GET', `${R}/dashboard?from=2026-12&to=2026-12`, { session: bupati });
    expect(december.body.totals).toMatchObject({ received: 1, backlog: 1, overdue: 0, responded: 0 });
  });

  it('exports exactly what is shown as CSV for Excel in Indonesian (BOM, semicolons, decimal comma) or English', async () => {
    const res = await h.api('GET', `${R}/dashboard.csv?by=unit`, { session: bupati });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="dasbor-32.11-unit-2026-01-2026-12.csv"');
    // Without the byte-order mark Excel reads UTF-8 as ANSI; without ';' Indonesian Excel shows one column.
    expect(res.raw.startsWith('\uFEFF')).toBe(true);
    expect(res.raw.slice(1).split('\r\n')).toEqual([
      'Perangkat daerah;Diterima;Ditanggapi;Ditanggapi tepat waktu;Kepatuhan tanggapan (%);Selesai;Selesai tepat waktu;Kepatuhan penyelesaian (%);'
        + 'Median waktu tanggapan (perkiraan);Persentil 90 waktu tanggapan (perkiraan);Median waktu penyelesaian (perkiraan);Persentil 90 waktu penyelesaian (perkiraan);'
        + 'Ditolak;Digabung;Dialihkan;Belum selesai;Lewat batas waktu',
      'Belum didisposisikan;4;0;0;;0;0;;;;;;1;1;1;1;0',
      'Dinas Pekerjaan Umum dan Penataan Ruang;2;2;1;50;2;2;100;2–4 jam;2–3 hari;8–12 jam;3–4 hari;0;0;0;0;0',
      'Dinas Lingkungan Hidup dan Kehutanan;1;1;1;100;0;0;;24–36 jam;24–36 jam;;;0;0;0;1;1',
      'Dinas Perhubungan;1;0;0;;0;0;;;;;;0;0;0;1;1',
      'Jumlah;8;3;2;66,7;2;2;100;24–36 jam;2–3 hari;8–12 jam;3–4 hari;1;1;1;3;2',
      '',
    ]);
    const en = await h.api('GET', `${R}/dashboard.csv?by=month&from=2026-11&to=2026-12&lang=en`, { session: bupati });
    expect(en.raw.startsWith('\uFEFF')).toBe(true);
    expect(en.raw.slice(1).split('\r\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['Month,Received', 'November 2026,7', 'December 2026,1', 'Total,8', '']);
    expect(en.raw).toContain('Total,8,3,2,66.7,2,2,100,24–36 h,2–3 days,8–12 h,3–4 days,');
  });

  it('keeps a unit head to their own unit', async () => {
    const head = await h.signIn('kepala.pupr@sumedang.demo');
    const res = await h.api('GET', `${R}/dashboard?by=category`, { session: head });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: any) => [r.key, r.received])).toEqual([[cat['jalan-rusak'], 2]]);
    expect(res.body.totals).toMatchObject({ received: 2, responseCompliancePct: 50, backlog: 0 });
  });

  it('rolls up the province: itself and each enabled kabupaten/kota', async () => {
    const governor = await h.signIn('gubernur@jabarprov.demo');
    const res = await h.api('GET', '/api/regions/32/dashboard/regions', { session: governor });
    expect(res.status).toBe(200);
    expect(res.body.by).toBe('region');
    expect(res.body.rows.map((r: any) => [r.key, r.label.id, r.received, r.backlog, r.overdue, r.transferred, r.responseCompliancePct])).toEqual([
      ['32', 'Jawa Barat', 1, 1, 1, 0, null], // G's copy, never verified
      ['32.11', 'Kabupaten Sumedang', 8, 3, 2, 1, 66.7],
      ['32.73', 'Kota Bandung', 0, 0, 0, 0, null],
    ]);
    expect(res.body.totals).toMatchObject({ received: 9, backlog: 4, overdue: 3, responded: 3, respondedInTime: 2 });
    const csv = await h.api('GET', '/api/regions/32/dashboard/regions.csv', { session: governor });
    expect(csv.raw.slice(1).split('\r\n').map((l) => l.split(';').slice(0, 2).join(','))).toEqual(['Daerah,Diterima', 'Jawa Barat,1', 'Kabupaten Sumedang,8', 'Kota Bandung,0', 'Jumlah,9', '']);
  });

  it('keeps each head to their own region', async () => {
    const bandung = await h.signIn('walikota@bandung.test');
    expect((await h.api('GET', '/api/regions/32.73/dashboard', { session: bandung })).body.totals.received).toBe(0);
    for (const url of [`${R}/dashboard`, `${R}/dashboard.csv`, '/api/regions/32/dashboard', '/api/regions/32/dashboard/regions']) {
      const res = await h.api('GET', url, { session: bandung });
      expect(res.status, url).toBe(403);
      expect(res.body.error.code).toBe('auth.forbidden');
    }
    expect((await h.api('GET', '/api/regions/32/dashboard/regions', { session: bupati })).status).toBe(403);
    expect((await h.api('GET', `${R}/dashboard`, { session: pupr })).status).toBe(403); // officers have no dashboard
    expect((await h.api('GET', `${R}/dashboard`)).status).toBe(401);
    const notProvince = await h.api('GET', `${R}/dashboard/regions`, { session: bupati });
    expect(notProvince.status).toBe(404);
    expect(notProvince.body.error.code).toBe('dashboard.not_province');
  });

  it('refuses bad parameters with the standard error', async () => {
    for (const [query, code] of [
      ['from=2026-13', 'request.invalid'],
      ['to=2026-1', 'request.invalid'],
      ['by=opd', 'request.invalid'],
      ['from=2026-05&to=2026-04', 'dashboard.period_invalid'],
      ['from=2020-01&to=2026-12', 'dashboard.period_invalid'],
    ]) {
      const res = await h.api('GET', `${R}/dashboard?${query}`, { session: bupati });
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe(code);
      expect(res.body.error.messages.en).toBeTruthy();
    }
    expect((await h.api('GET', `${R}/statistics?year=26`)).status).toBe(400);
  });

  it('publishes aggregated statistics only, and only when the region allows it', async () => {
    const res = await h.api('GET', `${R}/statistics?year=2026`);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      received: 8, resolved: 2, responseCompliancePct: 66.7, resolutionCompliancePct: 100, responseTimeMedian: time(1440, 2160, 1800), resolutionTimeMedian: time(480, 720, 720),
    });
    expect(res.body.byCategory.map((r: any) => [r.label.id, r.received])).toEqual([['Sampah menumpuk', 4], ['Jalan rusak atau berlubang', 3], ['Lampu penerangan jalan mati', 1]]);
    expect(res.body.byMonth).toHaveLength(12);
    expect(res.body.byMonth[10]).toMatchObject({ key: '2026-11', received: 7, resolved: 2 });
    // Never a single complaint: no tracking codes, descriptions or units.
    expect(res.raw).not.toMatch(/ADU-|Laporan|Dinas|backlog|overdue/);
    expect((await h.api('GET', `${R}/statistics?year=2025`)).body.totals.received).toBe(0);

    const region = await getRegion(h.ctx.database.db, '32.11');
    await updateSettings(h.ctx.database.db, '32.11', { ...region.settings, complaints: { ...region.settings.complaints, publicStatistics: false } });
    const closed = await h.api('GET', `${R}/statistics`);
    expect(closed.status).toBe(404);
    expect(closed.body.error.code).toBe('statistics.not_public');
    await updateSettings(h.ctx.database.db, '32.11', region.settings);
  });

  it('rebuilds exactly the summary the incremental path kept, and repairs a damaged one', async () => {
    const kept = await statsRows();
    expect(kept.length).toBeGreaterThan(0);
    expect(await rebuildStats(h.ctx)).toEqual({ regions: 3, rows: kept.length, differing: 0 });
    expect(await statsRows()).toEqual(kept);

    await h.ctx.database.db.execute(sql`update complaint_stats set received = received + 5, response_times[6] = 0 where region_code = '32.11' and unit_id = ${unit.PUPR} and district_code = ${ALL_DISTRICTS}`);
    expect((await h.api('GET', `${R}/dashboard`, { session: bupati })).body.totals.received).toBe(13);
    expect(await rebuildStats(h.ctx, '32.11')).toMatchObject({ regions: 1, differing: 2 });
    expect(await statsRows()).toEqual(kept);
    expect((await h.api('GET', `${R}/dashboard`, { session: bupati })).body.totals).toEqual(totals);
  });

  it('answers from the summary table, and counts overdue work through the open-deadline index', async () => {
    const scope = { regionCodes: ['32.11'], period: { from: '2026-01', to: '2026-12' }, offsetMinutes: 420, unitIds: null };
    const plan = async (q: ReturnType<typeof tallyQuery>) => h.ctx.database.db.transaction(async (tx) => {
      // Tiny test tables make a sequential scan cheapest; forbid it to see which index the query can use.
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await h.ctx.database.rows<Record<string, string>>(sql`explain ${q}`, tx);
      return rows.map((r) => Object.values(r)[0]).join('\n');
    });
    const summary = await plan(tallyQuery(scope, 'unit'));
    expect(summary).toMatch(/complaint_stats/);
    expect(summary).not.toMatch(/complaints|stage_deadlines/);
    expect(await plan(overdueQuery(scope, 'unit', h.clock.now()))).toMatch(/stage_deadlines_open_idx/);
  });

  it('shows answers within minutes as such: under 5 minutes, not "30 minutes", in the summary and in a rebuild', async () => {
    // 00:10 WIB on 1 January 2027 (still 31 December in UTC): three reports answered within minutes, one resolved within the hour.
    h.clock.advance(Date.parse('2026-12-31T17:10:00Z') - h.clock.now().getTime());
    coordinator = await h.signIn('koordinator@sumedang.demo');
    pupr = await h.signIn('petugas.pupr@sumedang.demo');
    bupati = await h.signIn('bupati@sumedang.demo');
    const minute = 60_000;
    for (const [name, answerAfter] of [['J', 2], ['K', 3], ['L', 7]] as const) {
      await submit(name, 'jalan-rusak', '32.11.02');
      h.clock.advance(minute);
      await act(coordinator, name, { action: 'dispatch', unitId: unit.PUPR });
      h.clock.advance((answerAfter - 1) * minute);
      await act(pupr, name, { action: 'respond', message: 'Tim menuju lokasi' });
    }
    h.clock.advance(28 * minute); // J was filed 40 minutes ago
    await act(pupr, 'J', { action: 'resolve', message: 'Sudah ditambal' });

    // Responses 2, 3 and 7 minutes: median in 0-5 min (1.5/2*5 = 3.75), p90 in 5-15 min (5 + 0.7*10); resolution 40 minutes.
    const january = { responseTimeMedian: time(0, 5, 3.8), responseTimeP90: time(5, 15, 12), resolutionTimeMedian: time(30, 60, 45) };
    const read = () => h.api('GET', `${R}/dashboard?by=district&from=2027-01&to=2027-01`, { session: bupati });
    const before = await read();
    expect(before.body.totals).toMatchObject({ received: 3, responded: 3, resolved: 1, ...january });
    expect(before.body.rows).toMatchObject([{ key: '32.11.02', ...january }]);
    const csv = await h.api('GET', `${R}/dashboard.csv?by=month&from=2027-01&to=2027-01`, { session: bupati });
    expect(csv.raw.split('\r\n')[1]).toBe('Januari 2027;3;3;3;100;1;1;100;< 5 menit;5–15 menit;30–60 menit;30–60 menit;0;0;0;2;0');
    // The rebuild's SQL buckets agree with the incremental path's to the minute.
    const kept = await statsRows();
    expect((await rebuildStats(h.ctx, '32.11')).differing).toBe(0);
    expect(await statsRows()).toEqual(kept);
    expect((await read()).body).toEqual(before.body);
  });

  it('upgrades a summary kept in hour buckets to the minute buckets, in the migration itself', async () => {
    const kept = await statsRows();
    expect(kept.some((r: any) => r.response_times[1] > 0 && r.response_times[0] > 0)).toBe(true); // J, K, L split over two minute buckets
    // The summary as the previous version kept it: [0, 1 h) in one bucket, columns named in hours.
    for (const name of ['response', 'resolution']) {
      await h.ctx.database.db.execute(sql.raw(`alter table complaint_stats rename column ${name}_times to ${name}_hours`));
      await h.ctx.database.db.execute(sql.raw(`update complaint_stats set ${name}_hours = array[${name}_hours[1] + ${name}_hours[2] + ${name}_hours[3] + ${name}_hours[4]] || ${name}_hours[5:17]`));
    }
    const migration = readFileSync(new URL('./migrations/0001_minute_buckets.sql', import.meta.url), 'utf8');
    await h.ctx.database.db.transaction(async (tx) => {
      for (const statement of migration.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
    });
    expect(await statsRows()).toEqual(kept);
    expect((await rebuildStats(h.ctx)).differing).toBe(0);
  });
});
