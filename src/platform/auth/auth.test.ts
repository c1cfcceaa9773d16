// Sign-in, sessions, CSRF and password reset by real email.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';
import { startSmtp } from '../../../test/support/smtp.js';
import { createTransport, sendPendingEmails } from '../notify/outbox.js';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

describeWithApp('sign-in and sessions', (h) => {
  it('refuses a wrong password with the same answer as an unknown email', async () => {
    const wrong = await h.api('POST', '/api/auth/sign-in', { body: { email: 'admin@sumedang.demo', password: 'salah-sandi-123' } });
    const unknown = await h.api('POST', '/api/auth/sign-in', { body: { email: 'nobody@sumedang.demo', password: 'salah-sandi-123' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('auth.invalid_credentials');
  });

  it('gives a new session id at every sign-in, HttpOnly and SameSite=Lax', async () => {
    const a = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'admin@sumedang.demo', password: 'pamong-demo-2026' } });
    const b = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'admin@sumedang.demo', password: 'pamong-demo-2026' } });
    const ca = a.cookies.find((c) => c.name === 'pamong_session')!;
    const cb = b.cookies.find((c) => c.name === 'pamong_session')!;
    expect(ca.value).not.toBe(cb.value);
    expect(ca.httpOnly).toBe(true);
    expect(ca.sameSite).toBe('Lax');
    // The answer says who signed in and what they may do, as /api/auth/me does.
    expect(a.json().grants).toEqual([{ regionCode: '32.11', role: 'region_admin', unitId: null }]);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const s = await h.signIn('admin@sumedang.demo');
    const res = await h.api('POST', '/api/regions/32.11/units', { body: { code: 'X1', name: 'Unit X' }, headers: { cookie: s.cookie } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.csrf');
    const ok = await h.api('POST', '/api/regions/32.11/units', { body: { code: 'X1', name: 'Unit X' }, session: s });
    expect(ok.status).toBe(201);
  });

  it('says the session expired after 14 days', async () => {
    const s = await h.signIn('koordinator@sumedang.demo');
    h.clock.advanceHours(14 * 24 + 1);
    const res = await h.api('GET', '/api/regions/32.11/inbox', { session: s });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.session_expired');
    expect(res.body.error.messages.id).toContain('Sesi');
  });

  it('resets a password through a link sent over SMTP, once', async () => {
    // One SMTP server serves both engines' runs of this suite: start from an empty mailbox.
    smtp.mails.length = 0;
    const ctx = { ...h.ctx, config: { ...h.ctx.config, smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Pamong <no-reply@pamong.test>' } } };
    expect((await h.api('POST', '/api/auth/password-reset', { body: { email: 'loket@sumedang.demo' } })).status).toBe(200);
    // An unknown address gets the same answer and no email.
    expect((await h.api('POST', '/api/auth/password-reset', { body: { email: 'siapa@sumedang.demo' } })).status).toBe(200);
    const transport = createTransport(ctx);
    expect(await sendPendingEmails(ctx, transport)).toBe(1);
    expect(await sendPendingEmails(ctx, transport)).toBe(0);
    transport!.close();
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(['loket@sumedang.demo']);
    // Undo quoted-printable: soft line breaks and =XX escapes.
    const body = smtp.mails[0].raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const token = /token=([A-Za-z0-9_-]+)/.exec(body)![1];
    const weak = await h.api('POST', '/api/auth/password-reset/confirm', { body: { token, password: 'pendek' } });
    expect(weak.body.error.code).toBe('auth.weak_password');
    expect((await h.api('POST', '/api/auth/password-reset/confirm', { body: { token, password: 'sandi-baru-yang-panjang' } })).status).toBe(200);
    expect((await h.api('POST', '/api/auth/password-reset/confirm', { body: { token, password: 'sandi-lain-yang-panjang' } })).body.error.code).toBe('auth.reset_token_invalid');
    await h.signIn('loket@sumedang.demo', 'sandi-baru-yang-panjang');
    const old = await h.api('POST', '/api/auth/sign-in', { body: { email: 'loket@sumedang.demo', password: 'pamong-demo-2026' } });
    expect(old.status).toBe(401);
  });
});
