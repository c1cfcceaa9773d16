// The exchange with SRIKANDI by files, as a records clerk uses it: export a
// unit's letters of a period as a package, import a package as incoming
// letters of a unit's register once, and a wrong package refused whole.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { multipart } from '../../../test/support/multipart.js';
import { units } from '../../platform/schema.js';
import { suratAttachments, suratLetters } from './schema.js';
import { nextAgendaNumber } from './service/incoming.js';
import { a4Pdf } from '../../platform/fonts.js';

const R = '/api/regions/32.11/surat/exchange';
const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% naskah ${n}\ntrailer<<>>\n%%EOF\n`);

describeWithApp('Correspondence exchange packages', (h) => {
  const s: Record<string, Session> = {};
  const unit: Record<string, string> = {};

  const letter = async (unitId: string, subject: string, letterDate: string, security: 'biasa' | 'terbatas' = 'biasa') => {
    const now = h.clock.now();
    const agendaNumber = await nextAgendaNumber(h.ctx.database.db, '32.11', unitId, 2026);
    const [row] = await h.ctx.database.db.insert(suratLetters).values({
      regionCode: '32.11', direction: 'incoming', unitId, agendaYear: 2026, agendaNumber, number: `000/${subject.length}/X/2026`, letterDate,
      receivedAt: now, senderName: 'Kementerian Dalam Negeri', subject, classificationCode: '000.1.1', security, urgency: 'segera', status: 'done', createdAt: now, createdByLabel: 'Uji', updatedAt: now,
    }).returning({ id: suratLetters.id });
    await h.ctx.database.db.insert(suratAttachments).values({ regionCode: '32.11', letterId: row.id, fileName: `Pindaian ${subject}.pdf`, contentType: 'application/pdf', size: 40, data: pdf(1), sha256: '0'.repeat(64), uploadedAt: now });
    return row.id;
  };
  const exportOf = async (session: Session, unitId: string, from = '2026-01-01', to = '2026-12-31') => {
    const res = await h.app.inject({ method: 'GET', url: `${R}/export?unit=${unitId}&from=${from}&to=${to}`, headers: { cookie: session.cookie } });
    return { status: res.statusCode, type: res.headers['content-type'], data: res.rawPayload, body: res.statusCode === 200 ? null : res.json() };
  };
  const importOf = (data: Buffer, unitId: string, session = s.dinkes) => {
    const form = multipart([{ name: 'options', json: { unitId } }, { name: 'file', fileName: 'paket.zip', data }]);
    return h.api('POST', `${R}/import`, { session, body: form.body, headers: form.headers });
  };
  const count = async () => (await h.ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(suratLetters).where(eq(suratLetters.origin, 'import')))[0].n;

  it('sets up a clerk in each of two units and the records manager, and letters of one unit', async () => {
    for (const u of await h.ctx.database.db.select().from(units).where(eq(units.regionCode, '32.11'))) unit[u.code] = u.id;
    s.pupr = await h.sessionWithRole('32.11', 'surat_clerk', 'tu-pupr@tukar.test', unit.PUPR);
    s.dinkes = await h.sessionWithRole('32.11', 'surat_clerk', 'tu-dinkes@tukar.test', unit.DINKES);
    s.manager = await h.sessionWithRole('32.11', 'surat_records_manager', 'arsiparis@tukar.test');
    s.staff = await h.sessionWithRole('32.11', 'surat_staff', 'staf@tukar.test', unit.PUPR);
    await letter(unit.PUPR, 'Undangan rapat koordinasi', '2026-10-01');
    await letter(unit.PUPR, 'Laporan terbatas', '2026-10-02', 'terbatas');
    await letter(unit.PUPR, 'Surat tahun lalu', '2025-06-01');
    // The receiving unit's register already holds one letter this year.
    await letter(unit.DINKES, 'Surat Dinkes', '2026-10-01');
  });

  it('exports the letters of the unit and period the person may open, with their PDFs, in the documented format', async () => {
    const clerk = await exportOf(s.pupr, unit.PUPR);
    expect(clerk.status).toBe(200);
    expect(clerk.type).toBe('application/zip');
    const parts = unzipSync(new Uint8Array(clerk.data));
    const manifest = JSON.parse(Buffer.from(parts['naskah.json']).toString('utf8'));
    expect(manifest).toMatchObject({ format: 'pamong-naskah-dinas', version: 1, period: { from: '2026-01-01', to: '2026-12-31' } });
    // The restricted letter only shows to its clerk as existing: it is not exported to them.
    expect(manifest.letters.map((l: { subject: string }) => l.subject)).toEqual(['Undangan rapat koordinasi']);
    const [one] = manifest.letters;
    expect(one).toMatchObject({ direction: 'incoming', date: '2026-10-01', sender: 'Kementerian Dalam Negeri', classification: '000.1.1', security: 'biasa', urgency: 'segera' });
    expect(one.ref).toMatch(/^pamong:32\.11:/);
    expect(one.files).toHaveLength(1);
    expect(Buffer.from(parts[one.files[0].name]).subarray(0, 5).toString()).toBe('%PDF-');
    const manager = await exportOf(s.manager, unit.PUPR);
    const all = JSON.parse(Buffer.from(unzipSync(new Uint8Array(manager.data))['naskah.json']).toString('utf8'));
    expect(all.letters.map((l: { subject: string }) => l.subject)).toEqual(['Undangan rapat koordinasi', 'Laporan terbatas']);
  });

  it('refuses an export of another unit, by someone without the exchange role, or of a wrong period', async () => {
    expect((await exportOf(s.dinkes, unit.PUPR)).body.error.code).toBe('surat.unit_not_yours');
    expect((await exportOf(s.staff, unit.PUPR)).status).toBe(403);
    expect((await exportOf(s.pupr, unit.PUPR, '2026-12-31', '2026-01-01')).status).toBe(400);
    expect((await exportOf(s.pupr, unit.PUPR, '2024-01-01', '2026-01-01')).status).toBe(400);
  });

  it('imports a package as incoming letters of the unit\'s register once, however often it is imported', async () => {
    const pkg = (await exportOf(s.manager, unit.PUPR)).data;
    const done = await importOf(pkg, unit.DINKES);
    expect(done.status, done.raw).toBe(200);
    expect(done.body.imported.map((l: { agendaNumber: number }) => l.agendaNumber)).toEqual([2, 3]);
    const [row] = await h.ctx.database.db.select().from(suratLetters).where(and(eq(suratLetters.regionCode, '32.11'), eq(suratLetters.id, done.body.imported[0].id)));
    expect(row).toMatchObject({ direction: 'incoming', unitId: unit.DINKES, subject: 'Undangan rapat koordinasi', origin: 'import', status: 'registered', agendaYear: 2026, security: 'biasa' });
    expect(row.externalRef).toBe(done.body.imported[0].ref);
    const files = await h.ctx.database.db.select().from(suratAttachments).where(eq(suratAttachments.letterId, row.id));
    expect(files.map((f) => f.data.subarray(0, 5).toString())).toEqual(['%PDF-']);
    const again = await importOf(pkg, unit.DINKES);
    expect(again.body).toEqual({ imported: [], skipped: done.body.imported.map((l: { ref: string }) => l.ref) });
    expect(await count()).toBe(2);
    // Exported again from the receiving unit, an imported letter keeps its ref, so it is still not imported twice.
    const onward = JSON.parse(Buffer.from(unzipSync(new Uint8Array((await exportOf(s.dinkes, unit.DINKES)).data))['naskah.json']).toString('utf8'));
    expect(onward.letters.map((l: { ref: string }) => l.ref)).toEqual(expect.arrayContaining(done.body.imported.map((l: { ref: string }) => l.ref)));
  });

  it('refuses a wrong package whole, naming its problems, and imports nothing', async () => {
    const good = unzipSync(new Uint8Array((await exportOf(s.pupr, unit.PUPR)).data));
    const manifest = JSON.parse(Buffer.from(good['naskah.json']).toString('utf8'));
    const fresh = (letters: unknown[], extra: Record<string, unknown> = {}) => ({ ...manifest, ...extra, letters });
    const zipOf = (json: unknown, files: Record<string, Uint8Array> = {}) => Buffer.from(zipSync({ 'naskah.json': strToU8(typeof json === 'string' ? json : JSON.stringify(json)), ...files }));
    const renamed = { ...manifest.letters[0], ref: 'srikandi:baru-1' };
    const pdfName = renamed.files[0].name;
    const cases: [string, Buffer, RegExp][] = [
      ['not a zip', pdf(2), /bukan ZIP/],
      ['no manifest', Buffer.from(zipSync({ 'lain.json': strToU8('{}') })), /naskah\.json tidak ada/],
      ['not JSON', zipOf('{ naskah'), /bukan JSON/],
      ['another format', zipOf(fresh([renamed], { format: 'srikandi-lain' }), { [pdfName]: good[pdfName] }), /format harus/],
      ['another version', zipOf(fresh([renamed], { version: 2 }), { [pdfName]: good[pdfName] }), /versi 1/],
      ['bad fields', zipOf(fresh([{ ...renamed, security: 'top', date: '2026-13-01' }]), { [pdfName]: good[pdfName] }), /letters\.0\.security(.|\n)*letters\.0\.date|letters\.0\.date(.|\n)*letters\.0\.security/],
      ['missing PDF', zipOf(fresh([renamed])), /tidak ada dalam ZIP/],
      ['not a PDF', zipOf(fresh([renamed]), { [pdfName]: strToU8('<html>bukan pdf</html>') }), /bukan PDF/],
      ['unknown code', zipOf(fresh([{ ...renamed, classification: '999.9' }]), { [pdfName]: good[pdfName] }), /999\.9/],
      ['path out of the package', zipOf(fresh([{ ...renamed, files: [{ ...renamed.files[0], name: '../etc/passwd' }] }])), /files/],
    ];
    for (const [what, data, problem] of cases) {
      const res = await importOf(data, unit.DINKES);
      expect([what, res.status, res.body.error.code]).toEqual([what, 422, 'surat.import_format']);
      expect(res.body.error.details.issues.join('\n'), what).toMatch(problem);
    }
    // A package with one good and one bad letter imports neither.
    const mixed = zipOf(fresh([renamed, { ...renamed, ref: 'srikandi:baru-2', classification: '999.9' }]), { [pdfName]: good[pdfName] });
    expect((await importOf(mixed, unit.DINKES)).status).toBe(422);
    expect(await count()).toBe(2);
    const foreign = await importOf(zipOf(fresh([renamed]), { [pdfName]: good[pdfName] }), unit.DINKES, s.pupr);
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'surat.unit_not_yours']);
    const noUnit = await h.api('POST', `${R}/import`, { session: s.dinkes, body: multipart([{ name: 'file', fileName: 'p.zip', data: mixed }]).body, headers: multipart([]).headers });
    expect(noUnit.status).toBe(400);
    expect(await count()).toBe(2);
  });

  it('makes the words inside an imported letter\'s PDF searchable', async () => {
    const good = unzipSync(new Uint8Array((await exportOf(s.pupr, unit.PUPR)).data));
    const manifest = JSON.parse(Buffer.from(good['naskah.json']).toString('utf8'));
    const { doc, done } = a4Pdf({ Title: 'Nota dinas', Author: 'SRIKANDI' }, 72);
    doc.text('Diminta menyiapkan data sarana prasarana puskesmas keliling untuk musrenbang.');
    doc.end();
    const file = await done;
    const entry = { ...manifest.letters[0], ref: 'srikandi:teks-1', subject: 'Permintaan data', files: [{ ...manifest.letters[0].files[0], sha256: createHash('sha256').update(file).digest('hex') }] };
    const zip = Buffer.from(zipSync({ 'naskah.json': strToU8(JSON.stringify({ ...manifest, letters: [entry] })), [entry.files[0].name]: new Uint8Array(file) }));
    const res = await importOf(zip, unit.DINKES);
    expect(res.status, res.raw).toBe(200);
    const found = await h.api('GET', `/api/regions/32.11/surat/letters?box=all&q=${encodeURIComponent('puskesmas keliling')}`, { session: s.dinkes });
    expect(found.body.items.map((l: { id: string }) => l.id)).toEqual([res.body.imported[0].id]);
  });
});
