// Triage, hand-overs and the citizen's second word: reject, merge, dispose,
// transfer between levels, counter filing, reopen, photos and duplicates.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { deflateSync } from 'node:zlib';
import { describeWithApp, type Session } from '../../../test/harness.js';

/** A real 2×2 PNG, built byte by byte. */
function png(): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return (~c >>> 0);
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const raw = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function multipart(complaint: unknown, files: { name: string; type: string; data: Buffer }[]) {
  const boundary = '----pamongtest';
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="complaint"\r\n\r\n${JSON.stringify(complaint)}\r\n`)];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeWithApp('complaint triage and hand-overs', (h) => {
  let cats: Record<string, string>;
  let units: Record<string, string>;
  let coordinator: Session;
  const submit = async (code: string, description: string, extra: Record<string, unknown> = {}) => {
    const res = await h.api('POST', '/api/regions/32.11/complaints', {
      body: { categoryId: cats[code], description, answers: code === 'jalan-rusak' ? { tingkat_kerusakan: 'sedang' } : {}, ...extra },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; trackingCode: string; reporterKey: string };
  };
  const act = (s: Session, id: string, body: unknown) => h.api('POST', `/api/regions/32.11/complaints/${id}/actions`, { session: s, body });

  it('prepares', async () => {
    cats = Object.fromEntries((await h.api('GET', '/api/regions/32.11/categories')).body.map((c: any) => [c.code, c.id]));
    coordinator = await h.signIn('koordinator@sumedang.demo');
    units = Object.fromEntries((await h.api('GET', '/api/regions/32.11/units', { session: coordinator })).body.map((u: any) => [u.code, u.id]));
  });

  it('rejects with a reason the citizen can read', async () => {
    const c = await submit('sampah', 'Iklan pinjaman online murah hubungi nomor ini');
    const res = await act(coordinator, c.id, { action: 'reject', reason: 'spam', message: 'Bukan pengaduan layanan publik.' });
    expect(res.body.status).toBe('rejected');
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${c.trackingCode}`);
    expect(track.body.status).toBe('rejected');
    expect(track.body.timeline.at(-1)).toMatchObject({ kind: 'rejected', message: 'Bukan pengaduan layanan publik.', detail: { reason: 'spam' } });
    // Nothing is left to escalate.
    expect(track.body.deadlines.every((d: any) => d.metAt !== null)).toBe(true);
    const again = await act(coordinator, c.id, { action: 'dispatch', unitId: units.DLH });
    expect(again.status).toBe(409);
  });

  it('suggests the earlier report as a duplicate and merges it', async () => {
    const first = await submit('sampah', 'Sampah menumpuk di TPS dekat pasar Jatinangor sudah seminggu bau', { villageCode: '32.11.03.2001', districtCode: '32.11.03' });
    const similar = await h.api('POST', '/api/regions/32.11/complaints/similar', {
      body: { categoryId: cats.sampah, description: 'Sampah di TPS pasar Jatinangor menumpuk dan bau', villageCode: '32.11.03.2001' },
    });
    expect(similar.body.map((s: any) => s.trackingCode)).toContain(first.trackingCode);
    const unrelated = await h.api('POST', '/api/regions/32.11/complaints/similar', {
      body: { categoryId: cats.sampah, description: 'Truk pengangkut tidak datang ke kompleks perumahan', villageCode: null },
    });
    expect(unrelated.body.map((s: any) => s.trackingCode)).not.toContain(first.trackingCode);
    const second = await submit('sampah', 'Sampah di TPS pasar Jatinangor menumpuk dan bau', { villageCode: '32.11.03.2001', districtCode: '32.11.03' });
    const staffSimilar = await h.api('GET', `/api/regions/32.11/complaints/${second.id}/similar`, { session: coordinator });
    expect(staffSimilar.body.map((s: any) => s.trackingCode)).toEqual([first.trackingCode]);
    const merged = await act(coordinator, second.id, { action: 'merge', intoTrackingCode: first.trackingCode });
    expect(merged.body.status).toBe('merged');
    const self = await act(coordinator, first.id, { action: 'merge', intoTrackingCode: first.trackingCode });
    expect(self.body.error.code).toBe('complaint.merge_self');
  });

  it('hands a complaint to another unit and keeps the trail', async () => {
    const c = await submit('drainase', 'Saluran air tersumbat di depan SD Negeri 1, air meluap ke jalan');
    await act(coordinator, c.id, { action: 'dispatch', unitId: units.PUPR });
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    const res = await act(officer, c.id, { action: 'dispose', unitId: units.DLH, note: 'Sumbatan sampah, kewenangan DLH' });
    expect(res.body.status).toBe('dispatched');
    // The old unit no longer sees it; the new one does.
    expect((await h.api('GET', `/api/regions/32.11/complaints/${c.id}`, { session: officer })).status).toBe(404);
    const dlh = await h.signIn('petugas.dlh@sumedang.demo');
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${c.id}`, { session: dlh });
    expect(detail.body.unit.name).toMatch(/Lingkungan Hidup/);
    expect(detail.body.timeline.map((e: any) => e.kind)).toEqual(['submitted', 'dispatched', 'disposed']);
  });

  it('transfers a provincial road complaint to the province with a new tracking code', async () => {
    const c = await submit('jalan-rusak', 'Jalan provinsi Sumedang-Cirebon amblas di km 12');
    const res = await act(coordinator, c.id, { action: 'transfer', regionCode: '32', note: 'Jalan provinsi, kewenangan Pemprov' });
    expect(res.body.status).toBe('transferred');
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${c.trackingCode}`);
    const to = track.body.transferredTo;
    expect(to).toMatch(/^ADU-/);
    const prov = await h.signIn('koordinator@jabarprov.demo');
    const inbox = await h.api('GET', '/api/regions/32/inbox', { session: prov });
    expect(inbox.body.map((r: any) => r.trackingCode)).toEqual([to]);
    const there = await h.api('GET', `/api/regions/32/complaints/track/${to}`);
    expect(there.body.transferredFrom).toBe(c.trackingCode);
    expect(there.body.category.code).toBe('jalan-rusak');
    // Not to an unrelated region.
    const c2 = await submit('jalan-rusak', 'Jalan rusak parah di jalur alternatif');
    const bad = await act(coordinator, c2.id, { action: 'transfer', regionCode: '33', note: 'salah' });
    expect(bad.body.error.code).toBe('complaint.transfer_target_invalid');
  });

  it('lets counter staff file for a walk-in caller, and not citizens', async () => {
    const loket = await h.signIn('loket@sumedang.demo');
    const res = await h.api('POST', '/api/regions/32.11/counter/complaints', {
      session: loket,
      body: { categoryId: cats.pju, description: 'Warga datang: lampu jalan mati sepanjang Jl. Prabu Geusan Ulun', anonymous: false, reporter: { name: 'Ibu Enok', phone: '0812 3456 7890' } },
    });
    expect(res.status).toBe(201);
    const detail = await h.api('GET', `/api/regions/32.11/complaints/${res.body.id}`, { session: coordinator });
    expect(detail.body.channel).toBe('counter');
    expect(detail.body.reporter.name).toBe('Ibu Enok');
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    const refused = await h.api('POST', '/api/regions/32.11/counter/complaints', { session: officer, body: { categoryId: cats.pju, description: 'Percobaan dari petugas biasa' } });
    expect(refused.status).toBe(403);
  });

  it('lets the citizen reopen within the window, restarting the deadlines, and not after', async () => {
    const c = await submit('pju', 'Lampu jalan di Jl. Mayor Abdurahman mati tiga titik');
    await act(coordinator, c.id, { action: 'dispatch', unitId: units.DISHUB });
    const admin = await h.signIn('admin@sumedang.demo');
    await act(admin, c.id, { action: 'resolve', message: 'Lampu sudah diganti.' }).then((r) => expect(r.status).toBe(403));
    await act(coordinator, c.id, { action: 'resolve', message: 'Lampu sudah diganti.' });
    h.clock.advanceHours(24);
    const reopened = await h.api('POST', `/api/regions/32.11/complaints/track/${c.trackingCode}/reopen`, { body: { key: c.reporterKey, reason: 'Masih mati satu titik' } });
    expect(reopened.body.status).toBe('dispatched');
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${c.trackingCode}`);
    const response = track.body.deadlines.find((d: any) => d.stage === 'response');
    expect(response.metAt).toBeNull();
    expect(new Date(response.dueAt).getTime()).toBe(h.clock.now().getTime() + 48 * 3_600_000);
    await act(coordinator, c.id, { action: 'resolve', message: 'Sudah semua.' });
    h.clock.advanceHours(15 * 24);
    const late = await h.api('POST', `/api/regions/32.11/complaints/track/${c.trackingCode}/reopen`, { body: { key: c.reporterKey, reason: 'Mati lagi' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('complaint.reopen_window_closed');
  });

  it('takes photos checked by content (stored re-encoded), and refuses a disguised file without storing the complaint', async () => {
    const ok = multipart({ categoryId: cats.sampah, description: 'Tumpukan sampah di bantaran sungai Cipeles' }, [{ name: 'a.png', type: 'image/png', data: png() }]);
    const res = await h.api('POST', '/api/regions/32.11/complaints', ok);
    expect(res.status).toBe(201);
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${res.body.trackingCode}`);
    expect(track.body.photos).toHaveLength(1);
    const img = await h.app.inject({ method: 'GET', url: track.body.photos[0].url });
    // The PNG is decoded and kept as a JPEG of the same 2×2 pixels (complaints/photos.test.ts has the details).
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect(img.rawPayload.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);

    const before = (await h.api('GET', '/api/regions/32.11/inbox?limit=200', { session: coordinator })).body.length;
    const fake = multipart({ categoryId: cats.sampah, description: 'Berkas palsu yang mengaku gambar' }, [{ name: 'x.png', type: 'image/png', data: Buffer.from('<html><script>alert(1)</script></html>') }]);
    const bad = await h.api('POST', '/api/regions/32.11/complaints', fake);
    expect(bad.status).toBe(415);
    expect(bad.body.error.code).toBe('file.type_not_allowed');
    const tooMany = multipart({ categoryId: cats.sampah, description: 'Empat foto sekaligus dikirim' }, [1, 2, 3, 4].map((i) => ({ name: `${i}.png`, type: 'image/png', data: png() })));
    expect((await h.api('POST', '/api/regions/32.11/complaints', tooMany)).body.error.code).toBe('file.too_many');
    const big = multipart({ categoryId: cats.sampah, description: 'Foto yang terlalu besar sekali' }, [{ name: 'big.png', type: 'image/png', data: Buffer.concat([png(), Buffer.alloc(6 * 1024 * 1024)]) }]);
    expect((await h.api('POST', '/api/regions/32.11/complaints', big)).body.error.code).toBe('file.too_large');
    expect((await h.api('GET', '/api/regions/32.11/inbox?limit=200', { session: coordinator })).body.length).toBe(before);
  });

  it('opens a confidential report only to its reporter\'s key and to the region\'s staff', async () => {
    const sent = multipart({ categoryId: cats.sampah, description: 'Pembuangan limbah pabrik ke sungai, saya karyawan di sana', confidential: true }, [{ name: 'a.png', type: 'image/png', data: png() }]);
    const res = await h.api('POST', '/api/regions/32.11/complaints', sent);
    const { trackingCode, reporterKey } = res.body;
    expect((await h.api('GET', `/api/regions/32.11/complaints/track/${trackingCode}`)).status).toBe(404);
    expect((await h.api('GET', `/api/regions/32.11/complaints/track/${trackingCode}?kunci=salah-kunci-123`)).status).toBe(404);
    const mine = await h.api('GET', `/api/regions/32.11/complaints/track/${trackingCode}?kunci=${reporterKey}`);
    expect(mine.status).toBe(200);
    expect(mine.body.isReporter).toBe(true);
    const photoUrl = mine.body.photos[0].url as string;
    expect((await h.app.inject({ method: 'GET', url: photoUrl })).statusCode).toBe(200);
    const bare = photoUrl.replace(/\?.*$/, '');
    expect((await h.app.inject({ method: 'GET', url: bare })).statusCode).toBe(404);
    const staff = await h.signIn('koordinator@sumedang.demo');
    expect((await h.app.inject({ method: 'GET', url: bare, headers: { cookie: staff.cookie } })).statusCode).toBe(200);
  });

  it('answers bad input with a 4xx in both languages, never a 500', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/regions/32.11/complaints', { categoryId: 'bukan-uuid', description: 'x' }, 400, 'request.invalid'],
      ['POST', '/api/regions/32.11/complaints', '{"categoryId": ', 400, 'request.invalid'],
      ['POST', '/api/regions/99.99/complaints', { categoryId: cats.pju, description: 'Lampu jalan mati total' }, 404, 'region.not_found'],
      ['POST', '/api/regions/32.11/complaints', { categoryId: cats.pju, description: 'Lampu jalan mati total', villageCode: '33.01.01.2001' }, 400, 'area.not_in_region'],
      ['POST', '/api/regions/32.11/complaints', { categoryId: '00000000-0000-4000-8000-000000000000', description: 'Lampu jalan mati total' }, 404, 'category.not_found'],
      ['GET', '/api/regions/32.11/complaints/track/ADU-0000-0000', undefined, 400, 'request.invalid'],
      ['GET', '/api/regions/32.11/complaints/track/ADU-2222-2222', undefined, 404, 'complaint.not_found'],
      ['GET', '/api/regions/32.11/inbox', undefined, 401, 'auth.required'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const res = await h.api(method as 'GET', url, { body: body as object, headers: typeof body === 'string' ? { 'content-type': 'application/json' } : {} });
      expect([url, res.status, res.body?.error?.code]).toEqual([url, status, code]);
      expect(res.body.error.messages.id).not.toBe(res.body.error.messages.en);
    }
    const huge = await h.api('POST', '/api/regions/32.11/complaints', { body: { categoryId: cats.pju, description: 'x'.repeat(2_000_000) } });
    expect(huge.status).toBe(413);
    const en = await h.api('GET', '/api/regions/99.99/categories?lang=en');
    expect(en.body.error.message).toBe('Region not found or not enabled.');
  });
  it('keeps every complaint\'s next deadline (the inbox order) in step with its open deadlines, through transfers, merges and reopens', async () => {
    const rows = await h.ctx.database.rows<{ code: string; kept: string | null; open: string | null }>(sql`select c.tracking_code as code, c.next_due_at::text as kept,
      (select min(d.due_at) from stage_deadlines d where d.region_code = c.region_code and d.record_id = c.id and d.met_at is null)::text as open
      from complaints c`);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.some((r) => r.kept === null) && rows.some((r) => r.kept !== null)).toBe(true);
    expect(rows.filter((r) => r.kept !== r.open)).toEqual([]);
  });
});
