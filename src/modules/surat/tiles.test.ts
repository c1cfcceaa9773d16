// What correspondence shows the head of region (issue 15): letters waiting
// for a signature and dispositions past their deadline in the region, and in
// "what needs me" the reader's own letters to sign and dispositions unread or late.
import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { actorByEmail, tilesOf } from '../../../test/support/leader.js';
import { readAttention } from '../../platform/modules/tiles.js';
import { units, users } from '../../platform/schema.js';

const REGION = '32.11';
const R = `/api/regions/${REGION}/surat`;

describeWithApp('correspondence tiles', (h) => {
  const s: Record<string, Session> = {};
  const id: Record<string, string> = {};
  const email = (key: string) => `${key}@surat-tiles.test`;
  const tiles = async () => tilesOf(h, await h.signIn('bupati@sumedang.demo'), REGION, 'surat');
  const attentionOf = async (key: string, source: string) =>
    (await readAttention(h.ctx, await actorByEmail(h, email(key)), REGION)).items.filter((a) => a.module === 'surat' && a.source === source).map((a) => a.link);

  beforeAll(async () => {
    // Past every deadline of the demo's own dispositions: only this test's move the figures.
    h.clock.advanceHours(24 * 60);
    const db = h.ctx.database.db;
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.regionCode, REGION)).orderBy(units.code).limit(1);
    id.unit = unit.id;
    const people: [string, Parameters<typeof h.sessionWithRole>[1]][] = [
      ['drafter', 'surat_staff'], ['signer', 'surat_signer'], ['clerk', 'surat_clerk'], ['leader', 'surat_leader'], ['staff', 'surat_staff'], ['staff2', 'surat_staff'],
    ];
    for (const [key, role] of people) {
      s[key] = await h.sessionWithRole(REGION, role, email(key), id.unit);
      [{ id: id[key] }] = await db.select({ id: users.id }).from(users).where(eq(users.email, email(key)));
    }
  });

  it('counts a letter waiting for its signer until it is signed, and lists it for the signer only', async () => {
    const before = await tiles();
    expect(before.get('letters-to-sign').link).toBe(`/staff/${REGION}/surat/outgoing?box=to_sign`);
    expect(before.get('letters-to-sign').items).toEqual([]);
    const draft = await h.api('POST', `${R}/outgoing`, {
      session: s.drafter, body: {
        direction: 'outgoing', unitId: id.unit, documentTypeCode: 'surat-undangan', classificationCode: '000.1.1', security: 'biasa', urgency: 'segera',
        subject: 'Undangan rapat evaluasi pelayanan publik', body: { addressee: 'Camat se-Kabupaten Sumedang', place: 'Sumedang', content: 'Kami mengundang Saudara pada rapat evaluasi.' },
        recipients: [{ role: 'to', kind: 'unit', unitId: id.unit }], signerUserId: id.signer, signerPosition: 'Kepala Dinas', verifierUserIds: [],
      },
    });
    expect(draft.status, draft.raw).toBe(200);
    const letter = `/staff/${REGION}/surat/outgoing/${draft.body.id}`;
    expect((await h.api('POST', `${R}/outgoing/${draft.body.id}/submit`, { session: s.drafter })).body.status).toBe('to_sign');
    expect((await tiles()).get('letters-to-sign').value).toBe(before.get('letters-to-sign').value + 1);
    expect(await attentionOf('signer', 'to-sign')).toEqual([letter]);
    expect(await attentionOf('drafter', 'to-sign')).toEqual([]);

    const signed = await h.api('POST', `${R}/outgoing/${draft.body.id}/sign`, { body: { method: 'paper' }, session: s.signer });
    expect(signed.status, signed.raw).toBe(200);
    expect((await tiles()).get('letters-to-sign').value).toBe(before.get('letters-to-sign').value);
    expect(await attentionOf('signer', 'to-sign')).toEqual([]);
  });

  it('lists a disposition for its recipient while unread, and again once past its deadline; the region\'s tile counts it while late', async () => {
    const before = await tiles();
    expect(before.get('dispositions-overdue').tone).toBe(before.get('dispositions-overdue').value === 0 ? 'good' : 'bad');
    const registered = await h.api('POST', `${R}/letters/incoming`, {
      session: s.clerk, body: {
        unitId: id.unit, number: '005/77/Bappeda/XII/2026', letterDate: '2026-12-01', senderName: 'Bappeda Provinsi Jawa Barat',
        subject: 'Permintaan data capaian pelayanan', classificationCode: '000.7.1.6',
      },
    });
    expect(registered.status, registered.raw).toBe(201);
    const letterId = registered.body.id as string;
    const letter = `/staff/${REGION}/surat/naskah/${letterId}`;
    await h.api('POST', `${R}/letters/${letterId}/distribute`, { body: { leaders: [id.leader] }, session: s.clerk });
    const given = await h.api('POST', `${R}/letters/${letterId}/dispositions`, { body: { to: [id.staff], instruction: 'Siapkan datanya', due: { amount: 4, unit: 'hours' } }, session: s.leader });
    expect(given.status, given.raw).toBe(201);

    // Unread: it waits on the recipient, nobody else.
    expect(await attentionOf('staff', 'dispositions')).toEqual([letter]);
    expect(await attentionOf('staff2', 'dispositions')).toEqual([]);
    // Opened, still in time: off their list.
    await h.api('GET', `${R}/letters/${letterId}`, { session: s.staff });
    expect(await attentionOf('staff', 'dispositions')).toEqual([]);
    expect((await tiles()).get('dispositions-overdue').value).toBe(before.get('dispositions-overdue').value);

    // Past the deadline: back on their list, and counted for the region.
    h.clock.advanceHours(5);
    const late = await tiles();
    expect(late.get('dispositions-overdue').value).toBe(before.get('dispositions-overdue').value + 1);
    expect(late.get('dispositions-overdue').tone).toBe('bad');
    const [item] = (await readAttention(h.ctx, await actorByEmail(h, email('staff')), REGION)).items.filter((a) => a.source === 'dispositions');
    expect(item).toMatchObject({ link: letter, title: { id: 'Permintaan data capaian pelayanan' } });
    expect(item.due!.getTime()).toBe(Date.parse(given.body.dueAt));

    // Done: neither.
    expect((await h.api('POST', `${R}/dispositions/${given.body.ids[0]}/done`, { body: { report: 'Data terkirim' }, session: s.staff })).status).toBe(200);
    expect((await tiles()).get('dispositions-overdue').value).toBe(before.get('dispositions-overdue').value);
    expect(await attentionOf('staff', 'dispositions')).toEqual([]);
  });
});
