// Who may hold an account and a role: registration proves control of the
// address, staff join by invitation, and nothing about an account reaches a
// region before its owner accepts.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { emailsTo, tokenFromLastEmail } from '../../../test/support/mailbox.js';

describeWithApp('accounts and invitations', (h) => {
  const db = () => h.ctx.database;
  const users = async (email: string) => (await db().rows<{ n: number }>(sql`select count(*)::int as n from users where lower(email) = lower(${email})`))[0].n;
  const signInStatus = async (email: string, password: string) => (await h.api('POST', '/api/auth/sign-in', { body: { email, password } })).status;
  let admin: Session;

  it('answers a registration the same whether or not the address has an account, and tells the owner', async () => {
    const fresh = await h.api('POST', '/api/auth/register', { body: { email: 'warga.baru@example.id', name: 'Warga Baru', password: 'sandi-warga-panjang' } });
    const taken = await h.api('POST', '/api/auth/register', { body: { email: 'Koordinator@Sumedang.demo', name: 'Penyusup', password: 'sandi-penyusup-123' } });
    expect([fresh.status, fresh.body]).toEqual([202, { ok: true }]);
    expect([taken.status, taken.body]).toEqual([fresh.status, fresh.body]);
    // The owner of the existing account hears about it, in Indonesian and English.
    const [note] = await emailsTo(db(), 'koordinator@sumedang.demo');
    expect(note.subject).toBe('Percobaan pendaftaran dengan email Anda / Someone tried to register with your email');
    expect(note.text).toContain('http://pamong.test/lupa-sandi');
    expect(note.text).toContain('If it was you, just sign in');
    // Their account is untouched.
    expect(await signInStatus('koordinator@sumedang.demo', 'sandi-penyusup-123')).toBe(401);
    await h.signIn('koordinator@sumedang.demo');
  });

  it('creates a citizen account only when the emailed link is opened, once, within 24 hours', async () => {
    await h.api('POST', '/api/auth/register', { body: { email: 'siti@example.id', name: 'Siti Warga', password: 'sandi-siti-panjang' } });
    expect(await users('siti@example.id')).toBe(0);
    expect(await signInStatus('siti@example.id', 'sandi-siti-panjang')).toBe(401);
    const token = await tokenFromLastEmail(db(), 'siti@example.id', '/verifikasi-email');
    const verified = await h.api('POST', '/api/auth/verify-email', { body: { token } });
    expect(verified.status).toBe(200);
    expect(verified.body.user).toMatchObject({ name: 'Siti Warga', email: 'siti@example.id' });
    expect(verified.headers['set-cookie']).toContain('pamong_session=');
    expect((await h.api('POST', '/api/auth/verify-email', { body: { token } })).body.error.code).toBe('auth.verification_invalid');
    await h.signIn('siti@example.id', 'sandi-siti-panjang');

    await h.api('POST', '/api/auth/register', { body: { email: 'lambat@example.id', name: 'Lambat', password: 'sandi-lambat-panjang' } });
    const late = await tokenFromLastEmail(db(), 'lambat@example.id', '/verifikasi-email');
    h.clock.advanceHours(25);
    expect((await h.api('POST', '/api/auth/verify-email', { body: { token: late } })).body.error.code).toBe('auth.verification_invalid');
    expect(await users('lambat@example.id')).toBe(0);
  });

  it('never gives a role to an account someone registered for an official\'s address first', async () => {
    // The attacker registers the official's address before the admin adds them: no account exists, the link goes to the official.
    await h.api('POST', '/api/auth/register', { body: { email: 'kabid@sumedang.go.id', name: 'Penyerang', password: 'sandi-penyerang-123' } });
    expect(await users('kabid@sumedang.go.id')).toBe(0);
    admin = await h.signIn('admin@sumedang.demo');
    // The admin invites; a password in the request is not how accounts are made any more, and is refused as a key the API does not read.
    const withPassword = await h.api('POST', '/api/regions/32.11/invitations', { session: admin, body: { email: 'Kabid@sumedang.go.id', role: 'coordinator', password: 'sandi-pilihan-admin' } });
    expect(withPassword.status).toBe(400);
    const invited = await h.api('POST', '/api/regions/32.11/invitations', { session: admin, body: { email: 'Kabid@sumedang.go.id', role: 'coordinator' } });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: 'kabid@sumedang.go.id', role: 'coordinator', unitId: null });
    expect(await users('kabid@sumedang.go.id')).toBe(0);
    expect(await signInStatus('kabid@sumedang.go.id', 'sandi-pilihan-admin')).toBe(401);
    expect(await signInStatus('kabid@sumedang.go.id', 'sandi-penyerang-123')).toBe(401);

    const mail = (await emailsTo(db(), 'kabid@sumedang.go.id')).at(-1)!;
    expect(mail.subject).toBe('Undangan peran Koordinator pengaduan di Pamong Kabupaten Sumedang / Invitation to the role Complaints coordinator in Pamong Kabupaten Sumedang');
    const token = await tokenFromLastEmail(db(), 'kabid@sumedang.go.id', '/undangan');
    const view = await h.api('POST', '/api/auth/invitation', { body: { token } });
    expect(view.body).toMatchObject({ regionCode: '32.11', regionName: 'Kabupaten Sumedang', email: 'kabid@sumedang.go.id', role: 'coordinator', hasAccount: false });
    const weak = await h.api('POST', '/api/auth/invitation/accept', { body: { token, name: 'Ibu Kabid', password: 'pendek' } });
    expect(weak.body.error.code).toBe('auth.weak_password');
    const accepted = await h.api('POST', '/api/auth/invitation/accept', { body: { token, name: 'Ibu Kabid', password: 'sandi-kabid-sendiri' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.grants).toEqual([{ regionCode: '32.11', role: 'coordinator', unitId: null }]);
    // Single use.
    expect((await h.api('POST', '/api/auth/invitation/accept', { body: { token, name: 'Lagi', password: 'sandi-kabid-lain-lagi' } })).body.error.code).toBe('invitation.invalid');
    // The attacker's registration link, opened late, no longer makes an account for the address.
    const attackerLink = (await emailsTo(db(), 'kabid@sumedang.go.id')).map((m) => /verifikasi-email\?token=([\w-]+)/.exec(m.text)?.[1]).find(Boolean)!;
    expect((await h.api('POST', '/api/auth/verify-email', { body: { token: attackerLink } })).body.error.code).toBe('auth.verification_invalid');

    const kabid = await h.signIn('kabid@sumedang.go.id', 'sandi-kabid-sendiri');
    expect((await h.api('GET', '/api/regions/32.11/inbox', { session: kabid })).status).toBe(200);
    const staff = (await h.api('GET', '/api/regions/32.11/staff', { session: admin })).body;
    expect(staff.find((g: any) => g.email === 'kabid@sumedang.go.id')).toMatchObject({ name: 'Ibu Kabid', role: 'coordinator' });
    expect((await h.api('GET', '/api/regions/32.11/invitations', { session: admin })).body).toEqual([]);
    const trail = (await h.api('GET', '/api/regions/32.11/audit?entity=invitation', { session: admin })).body;
    expect(trail.map((a: any) => a.action)).toEqual(['invitation.create']);
  });

  it('shows a region nothing about an existing account, not even that it exists, until its owner accepts', async () => {
    // The province's coordinator has an account; Sumedang's admin invites that address.
    const exists = await h.api('POST', '/api/regions/32.11/invitations', { session: admin, body: { email: 'koordinator@jabarprov.demo', role: 'head_of_region' } });
    const unknown = await h.api('POST', '/api/regions/32.11/invitations', { session: admin, body: { email: 'belum.ada@jabarprov.go.id', role: 'head_of_region' } });
    expect(exists.status).toBe(201);
    expect(Object.keys(exists.body).sort()).toEqual(Object.keys(unknown.body).sort());
    expect(JSON.stringify(exists.body)).not.toContain('Koordinator Provinsi');
    const pending = (await h.api('GET', '/api/regions/32.11/invitations', { session: admin })).body;
    expect(pending.map((i: any) => i.email)).toEqual(['belum.ada@jabarprov.go.id', 'koordinator@jabarprov.demo']);
    expect(JSON.stringify(pending)).not.toContain('Koordinator Provinsi');
    const staff = (await h.api('GET', '/api/regions/32.11/staff', { session: admin })).body;
    expect(staff.some((g: any) => g.email === 'koordinator@jabarprov.demo')).toBe(false);

    // Accepting needs the invited account signed in: not anonymous, not someone else.
    const token = await tokenFromLastEmail(db(), 'koordinator@jabarprov.demo', '/undangan');
    expect((await h.api('POST', '/api/auth/invitation', { body: { token } })).body.hasAccount).toBe(true);
    const anonymous = await h.api('POST', '/api/auth/invitation/accept', { body: { token, name: 'Pembajak', password: 'sandi-pembajak-123' } });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'invitation.sign_in_required']);
    expect(await signInStatus('koordinator@jabarprov.demo', 'sandi-pembajak-123')).toBe(401);
    const other = await h.signIn('loket@sumedang.demo');
    expect((await h.api('POST', '/api/auth/invitation/accept', { session: other, body: { token } })).body.error.code).toBe('invitation.wrong_account');
    const owner = await h.signIn('koordinator@jabarprov.demo');
    const accepted = await h.api('POST', '/api/auth/invitation/accept', { session: owner, body: { token } });
    expect(accepted.body).toEqual({ regionCode: '32.11' });
    const me = (await h.api('GET', '/api/auth/me', { session: owner })).body;
    expect(me.grants).toContainEqual({ regionCode: '32.11', role: 'head_of_region', unitId: null });
    expect((await h.api('GET', '/api/regions/32.11/staff', { session: admin })).body.some((g: any) => g.email === 'koordinator@jabarprov.demo')).toBe(true);
  });

  it('lets the admin resend (a new link; the old one stops working) and cancel; links expire after 7 days', async () => {
    const invited = (await h.api('POST', '/api/regions/32.11/invitations', { session: admin, body: { email: 'operator@sumedang.go.id', role: 'counter_staff' } })).body;
    const first = await tokenFromLastEmail(db(), 'operator@sumedang.go.id', '/undangan');
    const resent = await h.api('POST', `/api/regions/32.11/invitations/${invited.id}/resend`, { session: admin });
    expect(resent.status).toBe(200);
    const second = await tokenFromLastEmail(db(), 'operator@sumedang.go.id', '/undangan');
    expect(second).not.toBe(first);
    expect((await h.api('POST', '/api/auth/invitation', { body: { token: first } })).body.error.code).toBe('invitation.invalid');
    h.clock.advanceHours(7 * 24 + 1);
    expect((await h.api('POST', '/api/auth/invitation', { body: { token: second } })).body.error.code).toBe('invitation.invalid');
    // Expired invitations stay listed, with their expiry, until resent or cancelled.
    const listed = (await h.api('GET', '/api/regions/32.11/invitations', { session: admin })).body.find((i: any) => i.id === invited.id);
    expect(new Date(listed.expiresAt).getTime()).toBeLessThan(h.clock.now().getTime());
    await h.api('POST', `/api/regions/32.11/invitations/${invited.id}/resend`, { session: admin });
    const third = await tokenFromLastEmail(db(), 'operator@sumedang.go.id', '/undangan');
    expect((await h.api('DELETE', `/api/regions/32.11/invitations/${invited.id}`, { session: admin })).status).toBe(200);
    expect((await h.api('POST', '/api/auth/invitation/accept', { body: { token: third, name: 'Operator', password: 'sandi-operator-123' } })).body.error.code).toBe('invitation.invalid');
    expect(await users('operator@sumedang.go.id')).toBe(0);
    expect((await h.api('DELETE', `/api/regions/32.11/invitations/${invited.id}`, { session: admin })).body.error.code).toBe('invitation.not_found');
  });

  it('keeps one region\'s invitation from reaching another region\'s role', async () => {
    // The province invites an address; Sumedang's admin cannot see, resend or cancel it, nor make an account for that address.
    const platform = await h.signIn('admin@pamong.demo');
    const province = (await h.api('POST', '/api/regions/32/invitations', { session: platform, body: { email: 'kasubag@jabarprov.go.id', role: 'coordinator' } })).body;
    expect((await h.api('GET', '/api/regions/32/invitations', { session: admin })).status).toBe(403);
    expect((await h.api('DELETE', `/api/regions/32.11/invitations/${province.id}`, { session: admin })).body.error.code).toBe('invitation.not_found');
    await h.api('POST', '/api/regions/32.11/invitations', { session: admin, body: { email: 'kasubag@jabarprov.go.id', role: 'counter_staff' } });
    expect(await users('kasubag@jabarprov.go.id')).toBe(0);
  });

  it('invites the first admin of a region a platform admin switches on', async () => {
    const platform = await h.signIn('admin@pamong.demo');
    const res = await h.api('POST', '/api/regions', { session: platform, body: { code: '91.71', admin: { email: 'admin@jayapura.go.id', name: 'Admin Jayapura', password: 'sandi-jayapura-123' } } });
    expect(res.status).toBe(201);
    expect(await users('admin@jayapura.go.id')).toBe(0);
    const token = await tokenFromLastEmail(db(), 'admin@jayapura.go.id', '/undangan');
    const accepted = await h.api('POST', '/api/auth/invitation/accept', { body: { token, name: 'Admin Jayapura', password: 'sandi-jayapura-sendiri' } });
    expect(accepted.body.grants).toEqual([{ regionCode: '91.71', role: 'region_admin', unitId: null }]);
  });
});
