// Letters other modules produce through the region's letter book, on both
// engines: a complaint transferred from a regency to its province writes a
// letter (pelimpahan pengaduan) numbered in the regency's letter numbering,
// in its register as outgoing and sent, and delivered to the province's
// register as incoming, in the transfer's transaction; the letter names
// both tracking codes, the category and the note, never the reporter.
// A public service's result revoked in public services is marked revoked on
// its row in the register and on its page, the reason with it.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { pdfText } from './service/pdf-text.js';

const REGION = '32.11';
const PROVINCE = '32';

describeWithApp('Letters produced by complaints', (h) => {
  let coordinator: Session;
  let records: Session;

  it('writes a transfer\'s letter in the regency\'s register and delivers it to the province\'s, without the reporter', async () => {
    coordinator = await h.signIn('koordinator@sumedang.demo');
    records = await h.signIn('arsip@sumedang.demo');
    const categories = (await h.api('GET', `/api/regions/${REGION}/categories`)).body as { id: string; code: string; nameId: string }[];
    const road = categories.find((c) => c.code === 'jalan-rusak')!;
    const filed = await h.api('POST', `/api/regions/${REGION}/complaints`, { body: {
      categoryId: road.id, description: 'Jalan provinsi Sumedang-Cirebon amblas di km 14, dekat rumah saya', answers: { tingkat_kerusakan: 'berat' },
      anonymous: false, reporter: { name: 'Wawan Setiawan', phone: '0813 2222 9191', email: 'wawan.setiawan@example.id' },
    } });
    expect(filed.status, filed.raw).toBe(201);
    const note = 'Ruas jalan provinsi, kewenangan Dinas Bina Marga Provinsi';
    const moved = await h.api('POST', `/api/regions/${REGION}/complaints/${filed.body.id}/actions`, { session: coordinator, body: { action: 'transfer', regionCode: PROVINCE, note } });
    expect(moved.body.status).toBe('transferred');
    const toCode = (await h.api('GET', `/api/regions/${REGION}/complaints/track/${filed.body.trackingCode}`)).body.transferredTo as string;

    const outgoing = await h.api('GET', `/api/regions/${REGION}/surat/letters?box=all&direction=outgoing&limit=100`, { session: records });
    const item = outgoing.body.items.find((l: { subject: string | null }) => l.subject?.includes(filed.body.trackingCode));
    expect(item).toBeTruthy();
    const letter = await h.api('GET', `/api/regions/${REGION}/surat/outgoing/${item.id}`, { session: records });
    const year = letter.body.letterDate.slice(0, 4);
    expect(letter.body).toMatchObject({
      origin: 'complaints', status: 'sent', documentTypeCode: 'surat-pengantar', classificationCode: '000.8.3.4', security: 'biasa',
      number: expect.stringMatching(new RegExp(`^000\\.8\\.3\\.4/\\d{3}/[A-Z-]+/${year}$`)),
      recipients: [{ role: 'to', kind: 'region', regionCode: PROVINCE, name: 'Pemerintah Provinsi Jawa Barat', deliveredAt: expect.any(String) }],
    });

    const pdf = await h.app.inject({ method: 'GET', url: `/api/regions/${REGION}/surat/outgoing/${item.id}/pdf`, headers: { cookie: records.cookie } });
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    for (const words of [filed.body.trackingCode, toCode, road.nameId, note, letter.body.number]) expect(text).toContain(words);
    for (const personal of ['Wawan', 'Setiawan', '0813', '2222 9191', 'wawan.setiawan', 'dekat rumah saya']) expect(text).not.toContain(personal);
    // Its QR code verifies the letter publicly, naming the province it was written to.
    const [{ token }] = await h.ctx.database.rows<{ token: string }>(sql`select token from surat_letters where region_code = ${REGION} and id = ${item.id}`);
    expect((await h.api('GET', `/api/verify/${token}`)).body).toMatchObject({ kind: 'letter', number: letter.body.number, holder: 'Pemerintah Provinsi Jawa Barat', sha256: letter.body.sha256 });

    const clerk = await h.signIn('tu.setda@jabarprov.demo');
    const incoming = await h.api('GET', `/api/regions/${PROVINCE}/surat/letters?box=unit&direction=incoming&limit=100&number=${encodeURIComponent(letter.body.number)}`, { session: clerk });
    expect(incoming.body.items).toHaveLength(1);
    const arrived = await h.api('GET', `/api/regions/${PROVINCE}/surat/letters/${incoming.body.items[0].id}`, { session: clerk });
    expect(arrived.body).toMatchObject({ direction: 'incoming', number: letter.body.number, senderName: expect.stringContaining('Kabupaten Sumedang'), status: 'registered' });
  });

  it('writes nothing when the transfer is refused', async () => {
    const before = await h.ctx.database.rows(sql`select 1 from surat_letters where origin = 'complaints'`);
    const categories = (await h.api('GET', `/api/regions/${REGION}/categories`)).body as { id: string; code: string }[];
    const filed = await h.api('POST', `/api/regions/${REGION}/complaints`, { body: { categoryId: categories.find((c) => c.code === 'jalan-rusak')!.id, description: 'Jalan rusak di jalur alternatif Cadas Pangeran', answers: { tingkat_kerusakan: 'sedang' } } });
    const refused = await h.api('POST', `/api/regions/${REGION}/complaints/${filed.body.id}/actions`, { session: coordinator, body: { action: 'transfer', regionCode: '33', note: 'salah daerah' } });
    expect(refused.body.error.code).toBe('complaint.transfer_target_invalid');
    expect(await h.ctx.database.rows(sql`select 1 from surat_letters where origin = 'complaints'`)).toHaveLength(before.length);
  });
});

describeWithApp('Letters produced by public services', (h) => {
  it('marks a revoked result as revoked in the register and on its page, with the reason', async () => {
    const records = await h.signIn('arsip@sumedang.demo');
    const manager = await h.signIn('layanan@sumedang.demo');
    const results = await h.ctx.database.rows<{ id: string; holder: string; letter: string; number: string }>(sql`select d.id, d.holder_name as holder, l.id as letter, l.number
      from layanan_documents d join surat_letters l on l.region_code = d.region_code and l.external_ref = 'layanan:document:' || d.id
      where d.region_code = ${REGION} and d.kind = 'result' order by d.issued_at`);
    const [inForce, revokedInDemo] = results;
    expect([inForce.holder, revokedInDemo.holder]).toEqual(['Ujang Saepudin', 'Euis Komariah']);
    const row = async (letter: { letter: string; number: string }) => {
      const list = await h.api('GET', `/api/regions/${REGION}/surat/letters?box=all&direction=outgoing&number=${encodeURIComponent(letter.number)}`, { session: records });
      expect(list.status, list.raw).toBe(200);
      return list.body.items.find((l: { id: string }) => l.id === letter.letter) as { revokedAt: string | null };
    };
    const page = async (letter: { letter: string }) => (await h.api('GET', `/api/regions/${REGION}/surat/outgoing/${letter.letter}`, { session: records })).body;

    // The demo's revoked certificate says so in the register; the one in force does not.
    expect((await row(revokedInDemo)).revokedAt).toEqual(expect.any(String));
    expect((await page(revokedInDemo)).revoked).toEqual({ at: expect.any(String), reason: expect.stringContaining('tidak sesuai hasil verifikasi lapangan') });
    expect((await row(inForce)).revokedAt).toBeNull();
    expect((await page(inForce)).revoked).toBeNull();

    const reason = 'Pemohon pindah domisili sebelum surat digunakan';
    const revoked = await h.api('POST', `/api/regions/${REGION}/layanan/documents/${inForce.id}/revoke`, { session: manager, body: { reason } });
    expect(revoked.status, revoked.raw).toBe(200);
    expect((await row(inForce)).revokedAt).toBe(h.clock.now().toISOString());
    expect(await page(inForce)).toMatchObject({ status: 'sent', number: inForce.number, revoked: { at: h.clock.now().toISOString(), reason } });
  });
});
