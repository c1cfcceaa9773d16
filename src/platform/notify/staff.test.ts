// Telling staff by role: the right people, the template's words in both
// languages, an email in each person's own language first.
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';
import { emailsTo } from '../../../test/support/mailbox.js';
import { units, users } from '../schema.js';
import { prepare, runPrepared } from '../db/prepared.js';
import { notifyStaff, renderNotice, staffNoticeValues, staffNoticeWith, type NoticeTemplate, type StaffNotice } from './staff.js';

const waiting: NoticeTemplate = {
  subject: { id: 'Menunggu: <%= it.code %> & <%= it.stage.id %>', en: 'Waiting: <%= it.code %> & <%= it.stage.en %>' },
  body: { id: '<%= it.n %> hari lagi.', en: '<%= it.n %> days left.' },
};

it('fills a template in both languages, leaving text as written (plain text, nothing HTML-escaped)', () => {
  expect(renderNotice(waiting, { code: 'SMD-1', stage: { id: 'tanggapan <pertama>', en: 'first <response>' }, n: 3 })).toEqual({
    subject: { id: 'Menunggu: SMD-1 & tanggapan <pertama>', en: 'Waiting: SMD-1 & first <response>' },
    body: { id: '3 hari lagi.', en: '3 days left.' },
  });
});

describeWithApp('notifying staff by role', (h) => {
  const inbox = async (email: string) => h.ctx.database.rows<{ subject: { id: string } }>(
    sql`select n.subject from notifications n join users u on u.id = n.user_id where u.email = ${email} order by n.id`);

  it('tells the holders of a role in one unit, in-app and by email, in each person\'s language first', async () => {
    const db = h.ctx.database.db;
    await db.update(users).set({ locale: 'en' }).where(eq(users.email, 'kepala.pupr@sumedang.demo'));
    const [pupr] = await db.select().from(units).where(eq(units.code, 'PUPR'));
    const told = await db.transaction((tx) => notifyStaff(tx, h.clock.now(), {
      regionCode: '32.11', roles: ['officer', 'unit_head'], unitId: pupr.id, template: waiting,
      data: { code: 'SMD-1', stage: { id: 'tanggapan', en: 'response' }, n: 2 }, link: '/staff/32.11/x', email: { publicUrl: 'http://pamong.test' },
    }));
    expect(told).toHaveLength(2);
    expect((await inbox('petugas.pupr@sumedang.demo')).map((n) => n.subject.id)).toEqual(['Menunggu: SMD-1 & tanggapan']);
    // Another unit's officer hears nothing.
    expect(await inbox('petugas.dlh@sumedang.demo')).toEqual([]);
    const [officerMail] = await emailsTo(h.ctx.database, 'petugas.pupr@sumedang.demo');
    expect(officerMail).toEqual({ to: 'petugas.pupr@sumedang.demo', subject: 'Menunggu: SMD-1 & tanggapan / Waiting: SMD-1 & response', text: '2 hari lagi.\nhttp://pamong.test/staff/32.11/x\n\n---\n2 days left.' });
    const [headMail] = await emailsTo(h.ctx.database, 'kepala.pupr@sumedang.demo');
    expect(headMail.subject).toBe('Waiting: SMD-1 & response / Menunggu: SMD-1 & tanggapan');
  });

  it('tells the fallback roles when nobody holds the first, and emails nobody when asked for in-app only', async () => {
    const told = await h.ctx.database.db.transaction((tx) => notifyStaff(tx, h.clock.now(), {
      regionCode: '32.11', roles: ['head_of_region_deputy'], otherwise: ['coordinator'], template: waiting,
      data: { code: 'SMD-2', stage: { id: 'verifikasi', en: 'verification' }, n: 1 }, link: '/staff/32.11/y', email: false,
    }));
    expect(told).toHaveLength(1);
    expect((await inbox('koordinator@sumedang.demo')).map((n) => n.subject.id)).toEqual(['Menunggu: SMD-2 & verifikasi']);
    expect(await emailsTo(h.ctx.database, 'koordinator@sumedang.demo')).toEqual([]);
  });

  it('writes as part of one statement (staffNoticeWith) exactly the rows notifyStaff writes: the unit\'s holders or the fallback, in each one\'s language', async () => {
    const db = h.ctx.database.db;
    await db.update(users).set({ locale: 'en' }).where(eq(users.email, 'kepala.pupr@sumedang.demo'));
    const [pupr] = await db.select().from(units).where(eq(units.code, 'PUPR'));
    const written = async (link: string) => ({
      inbox: await h.ctx.database.rows(sql`select n.region_code, u.email, n.at, n.subject, n.body, n.link from notifications n join users u on u.id = n.user_id where n.link = ${link} order by u.email`),
      mail: await h.ctx.database.rows(sql`select region_code, kind, payload, created_at, next_attempt_at, attempts from outbox where payload->>'text' like ${`%${link}%`} order by payload->>'to'`),
    });
    const cases: { link: string; notice: Omit<StaffNotice, 'link'> }[] = [
      { link: '/staff/32.11/unit', notice: { regionCode: '32.11', roles: ['officer', 'unit_head'], unitId: pupr.id, otherwise: ['coordinator'], template: waiting, data: { code: 'SMD-3', stage: { id: 'a', en: 'b' }, n: 4 }, email: { publicUrl: 'http://pamong.test' } } },
      { link: '/staff/32.11/fallback', notice: { regionCode: '32.11', roles: ['head_of_region_deputy'], unitId: null, otherwise: ['coordinator'], template: waiting, data: { code: 'SMD-4', stage: { id: 'a', en: 'b' }, n: 5 }, email: { publicUrl: 'http://pamong.test' } } },
    ];
    const statement = prepare('test_staff_notice', sql`with ${staffNoticeWith('n', true)} select 1`);
    for (const { link, notice } of cases) {
      await db.transaction((tx) => notifyStaff(tx, h.clock.now(), { ...notice, link }));
      const before = await written(link);
      expect(before.inbox.length).toBeGreaterThan(0);
      expect(before.mail).toHaveLength(before.inbox.length);
      await h.ctx.database.rows(sql`delete from notifications where link = ${link}`);
      await h.ctx.database.rows(sql`delete from outbox where payload->>'text' like ${`%${link}%`}`);
      await runPrepared(h.ctx.database, statement, staffNoticeValues('n', h.clock.now(), { ...notice, link }));
      expect(await written(link)).toEqual(before);
    }
  });
});
