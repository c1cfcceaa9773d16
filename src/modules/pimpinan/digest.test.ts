// The weekly digest: on Monday morning (the demo clock starts Monday 09:00
// WIB) the head of region, their delegate and the unit heads each get one
// email through the outbox, in their language, with text and HTML parts,
// holding only what they may see; each chooses the day or switches it off;
// nothing goes twice or before 06:00 local time.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';
import { startSmtp } from '../../../test/support/smtp.js';
import { can } from '../../platform/auth/policy.js';
import { loadActor } from '../../platform/auth/service.js';
import { createTransport, sendPendingEmails, type EmailPayload } from '../../platform/notify/outbox.js';
import { listTiles } from '../../platform/modules/tiles.js';
import { outbox, units, users } from '../../platform/schema.js';
import { sweepDigests } from './service/digest.js';

const R = '32.11';
const HOUR = 3_600_000;

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

describeWithApp('The weekly digest', (h) => {
  const db = () => h.ctx.database.db;
  const userId = async (email: string) => (await db().select({ id: users.id }).from(users).where(eq(users.email, email)))[0].id;
  /** The digests queued so far, by recipient. */
  const digests = async () => {
    const rows = await db().select({ payload: outbox.payload }).from(outbox).where(sql`${outbox.payload}->>'html' is not null`);
    const by = new Map<string, EmailPayload[]>();
    for (const { payload } of rows as { payload: EmailPayload }[]) by.set(payload.to, [...(by.get(payload.to) ?? []), payload]);
    return by;
  };

  it('sends the head of region, an English-speaking delegate and a unit head their own digest on Monday, once', async () => {
    await h.sessionWithRole(R, 'pimpinan_delegate', 'kepala.staf@sumedang.test');
    await db().update(users).set({ locale: 'en' }).where(eq(users.email, 'kepala.staf@sumedang.test'));
    // A unit's name with markup: the HTML part shows it as text.
    await db().update(units).set({ name: 'Dinas <b>PU</b> & Penataan Ruang' }).where(and(eq(units.regionCode, R), eq(units.code, 'PUPR')));

    expect(await sweepDigests(h.ctx)).toBeGreaterThanOrEqual(3);
    const sent = await digests();
    // Everyone holding a digest role gets one; a coordinator does not.
    expect([...sent.keys()]).toEqual(expect.arrayContaining(['bupati@sumedang.demo', 'kepala.staf@sumedang.test', 'kepala.pupr@sumedang.demo']));
    expect(sent.has('koordinator@sumedang.demo')).toBe(false);
    // The governor: the province's own digest.
    expect(sent.get('gubernur@jabarprov.demo')![0].subject).toMatch(/^Ringkasan mingguan: .*Jawa Barat, Senin/);

    const head = sent.get('bupati@sumedang.demo')!;
    expect(head).toHaveLength(1);
    expect(head[0].subject).toBe('Ringkasan mingguan: Kabupaten Sumedang, Senin, 2 November 2026');
    // The leader sees every module's figures, by their Indonesian titles, and the units that need help.
    for (const { tile } of listTiles()) expect(head[0].text).toContain(tile.title.id);
    expect(head[0].text).toContain('Unit yang paling perlu dibantu (adopsi digital 2026)');
    expect(head[0].text).toContain('http://pamong.test/staff/32.11/pimpinan/ringkasan');
    expect(head[0].html).toMatch(/^<!doctype html>\n<html lang="id">/);

    const delegate = sent.get('kepala.staf@sumedang.test')!;
    expect(delegate[0].subject).toBe('Weekly digest: Kabupaten Sumedang, Monday, 2 November 2026');
    for (const { tile } of listTiles()) expect(delegate[0].text).toContain(tile.title.en);
    expect(delegate[0].html).toContain('<html lang="en">');

    // The unit head: only the figures their roles may read, their own unit's adoption, no other unit.
    const unitHead = sent.get('kepala.pupr@sumedang.demo')![0];
    const actor = (await loadActor(db(), await userId('kepala.pupr@sumedang.demo')))!;
    const hidden = listTiles().filter(({ tile }) => !can(actor, tile.permission, R));
    expect(hidden.length).toBeGreaterThan(0);
    for (const { tile } of listTiles()) expect(unitHead.text.includes(tile.title.id), tile.key).toBe(!hidden.some((x) => x.tile === tile));
    expect(unitHead.text).toContain('Adopsi digital unit Anda (2026)');
    expect(unitHead.text).not.toContain('Dinas Lingkungan Hidup');
    expect(unitHead.text).toContain('http://pamong.test/staff/32.11/pimpinan/adopsi');
    expect(unitHead.html).toContain('Dinas &lt;b&gt;PU&lt;/b&gt; &amp; Penataan Ruang');
    expect(unitHead.html).not.toContain('<b>PU</b>');

    // A second run that morning sends nothing again.
    expect(await sweepDigests(h.ctx)).toBe(0);
    expect((await digests()).get('bupati@sumedang.demo')).toHaveLength(1);

    // Delivered over SMTP as one message with text and HTML alternatives.
    smtp.mails.length = 0;
    const ctx = { ...h.ctx, config: { ...h.ctx.config, smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Pamong <no-reply@pamong.test>' } } };
    while ((await sendPendingEmails(ctx, createTransport(ctx))) > 0);
    const mail = smtp.mails.find((m) => m.to.includes('bupati@sumedang.demo'))!;
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(mail.raw).toMatch(/Content-Type: text\/html; charset=utf-8/);
  });

  it('lets each person choose the day or switch it off, and never sends before 06:00 local time', async () => {
    const unitHead = await h.signIn('kepala.pupr@sumedang.demo');
    const delegate = await h.sessionWithRole(R, 'pimpinan_delegate', 'delegasi.dua@sumedang.test');
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const path = `/api/regions/${R}/pimpinan/ringkasan`;

    const first = await h.api('GET', path, { session: unitHead });
    expect(first.status, first.raw).toBe(200);
    expect(first.body).toMatchObject({ day: 1, chosen: false, receives: true, lastSentOn: '2026-11-02' });
    expect((await h.api('GET', path, { session: coordinator })).body.error.code).toBe('auth.forbidden');
    expect((await h.api('PUT', path, { session: unitHead, body: { day: 8 } })).status).toBe(400);
    expect((await h.api('PUT', path, { session: unitHead, body: { day: 3, extra: 1 } })).status).toBe(400);

    const wednesday = await h.api('PUT', path, { session: unitHead, body: { day: 3 } });
    expect(wednesday.status, wednesday.raw).toBe(200);
    expect(wednesday.body).toMatchObject({ day: 3, chosen: true });
    const off = await h.api('PUT', path, { session: delegate, body: { day: null } });
    expect(off.body).toMatchObject({ day: null, chosen: true });

    // The next Monday, 05:00 WIB: too early for anyone.
    h.clock.advance(7 * 24 * HOUR - 4 * HOUR);
    expect(await sweepDigests(h.ctx)).toBe(0);
    // 06:00 WIB: the head of region's goes; the unit head's waits for Wednesday, the delegate's never comes.
    h.clock.advance(HOUR);
    await sweepDigests(h.ctx);
    let sent = await digests();
    expect(sent.get('bupati@sumedang.demo')).toHaveLength(2);
    expect(sent.get('kepala.pupr@sumedang.demo')).toHaveLength(1);
    expect(sent.has('delegasi.dua@sumedang.test')).toBe(false);

    h.clock.advance(2 * 24 * HOUR);
    await sweepDigests(h.ctx);
    sent = await digests();
    expect(sent.get('kepala.pupr@sumedang.demo')).toHaveLength(2);
    expect(sent.get('kepala.pupr@sumedang.demo')![1].subject).toBe('Ringkasan mingguan: Kabupaten Sumedang, Rabu, 11 November 2026');
    expect(sent.get('bupati@sumedang.demo')).toHaveLength(2);
    expect(sent.has('delegasi.dua@sumedang.test')).toBe(false);
    expect((await h.api('GET', path, { session: unitHead })).body.lastSentOn).toBe('2026-11-11');
  });
});
