// The module's stored secrets at rest (issue 12): the region signer's
// PKCS#12 file and passphrase, a remote signing service's client secret and the QRIS
// channel's callback key are in the database only encrypted with the
// instance's key (read here with raw SQL), and still sign and verify; a row
// written in clear before encryption still works and is sealed at the next
// start (the module's prepare); under another instance key, signing and
// callbacks fail with an error that names the key, never as a wrong
// signature or silently.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { startBank, type Bank } from '../../../test/support/bank.js';
import { startSigningService, type SigningService } from '../../../test/support/signing-service.js';
import { systemActor } from '../../platform/auth/policy.js';
import { parseSecretKey, SecretKeyError, useSecretKey } from '../../platform/secrets.js';
import { DEMO_QRIS_CHANNEL } from './demo.js';
import { layananModule } from './module.js';
import { issueResult } from './service/documents.js';
import { createBill } from './service/payments/bills.js';
import { localToday } from './service/skm.js';
import { pdfSignature } from './service/signing/certificate.js';
import { selfSignedP12 } from './service/signing/self-signed.js';

const REGION = '32.11';
const R = `/api/regions/${REGION}/layanan`;
const D = `${R}/documents`;
const DAY = 86_400_000;
const WIB = { code: REGION, utcOffsetMinutes: 420 };
const PASSPHRASE = 'sandi-sertifikat-daerah-uji-rahasia';
const CHANNEL_SECRET = 'kunci-callback-bank-uji-rahasia-0123456789';
const instanceKey = () => parseSecretKey(process.env.PAMONG_SECRET_KEY!, 'PAMONG_SECRET_KEY');

function upload(file: Buffer, options: unknown) {
  const b = '----pamongrahasia';
  return {
    body: Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="options"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(options)}\r\n`),
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="certificate"; filename="daerah.p12"\r\nContent-Type: application/octet-stream\r\n\r\n`), file, Buffer.from(`\r\n--${b}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  };
}

describeWithApp('Stored secrets of public services', (h) => {
  const s: Record<string, Session> = {};
  let bank: Bank;
  let signing: SigningService;
  let sktm: { id: string; unit_id: string };
  const actor = systemActor('uji rahasia', REGION, ['layanan_manager']);
  const issue = () => h.ctx.database.db.transaction((tx) => issueResult(h.ctx, tx, {
    regionCode: REGION, actor, serviceId: sktm.id, unitId: sktm.unit_id, holder: 'Budi Santoso', title: 'Surat Keterangan Tidak Mampu', paragraphs: ['Uji rahasia.'],
  }));
  const signedBy = async (id: string) => {
    const pdf = (await h.app.inject({ method: 'GET', url: `${D}/${id}/pdf`, headers: { cookie: s.manager.cookie } })).rawPayload;
    return pdfSignature(pdf);
  };
  const signerRow = async () => (await h.ctx.database.rows<{ passphrase: string; client_secret: string | null }>(
    sql`select passphrase, client_secret from layanan_signers where region_code = ${REGION}`))[0];
  /** The certificate file as stored: an envelope, not the PKCS#12 (whose DER starts 0x30 0x82). */
  const storedP12 = async () => (await h.ctx.database.rows<{ p12: Uint8Array }>(sql`select p12 from layanan_signers where region_code = ${REGION}`)).map((r) => Buffer.from(r.p12))[0];
  const expectSealedP12 = async (file?: Buffer) => {
    const stored = await storedP12();
    expect([stored[0], stored[1]]).not.toEqual([0x30, 0x82]);
    expect(stored.toString('latin1')).toMatch(/^v1:[0-9a-f]{8}:/);
    if (file) expect(stored.includes(file.subarray(0, 64))).toBe(false);
  };
  const channelRow = async () => (await h.ctx.database.rows<{ secret: string }>(
    sql`select secret from layanan_payment_channels where region_code = ${REGION} and provider = 'qris'`))[0];
  const newBill = () => h.ctx.database.db.transaction((tx) => createBill(tx, WIB, h.clock.now(), {
    kind: 'pajak', taxType: 'PBB-P2', taxObjectNumber: String(Math.floor(Math.random() * 1e17)).padStart(18, '1'), taxYear: 2026, payerName: 'Budi Santoso',
    amount: 125_000, dueDate: localToday(h.clock.now(), WIB),
  }, 'uji'));
  const payableBill = async () => {
    const bill = await newBill();
    return (await h.api('GET', `${R}/public/bills/${bill.billingCode}`)).body.qris.payload as string;
  };
  const pay = async (payload: string) => (await bank.pay(payload, { paidAt: h.clock.now().toISOString() })).body.callbacks[0];
  const payNewBill = async () => pay(await payableBill());
  const setLocalSigner = async () => {
    const p12 = selfSignedP12({ commonName: 'Penanda tangan uji rahasia', organization: 'Uji', notBefore: new Date(h.clock.now().getTime() - DAY), notAfter: new Date(h.clock.now().getTime() + 365 * DAY), passphrase: PASSPHRASE });
    const res = await h.app.inject({ method: 'PUT', url: `${D}/signer/local`, ...upload(p12, { passphrase: PASSPHRASE }), headers: { ...upload(p12, {}).headers, cookie: s.admin.cookie, 'x-csrf-token': s.admin.csrf } });
    expect(res.statusCode).toBe(200);
    return p12;
  };

  beforeAll(async () => {
    for (const [k, email] of Object.entries({ manager: 'layanan@sumedang.demo', admin: 'admin@sumedang.demo' })) s[k] = await h.signIn(email);
    [sktm] = await h.ctx.database.rows<{ id: string; unit_id: string }>(sql`select id, unit_id from layanan_services where region_code = ${REGION} and slug = 'surat-keterangan-tidak-mampu'`);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    bank = await startBank(`http://127.0.0.1:${(h.app.server.address() as { port: number }).port}`);
    const now = new Date();
    signing = await startSigningService(selfSignedP12({ commonName: 'Layanan TTE (simulasi)', organization: 'Simulasi', notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 30 * DAY), passphrase: 'p' }), 'p');
  });
  afterAll(async () => {
    await bank?.close();
    await signing?.close();
  });
  afterEach(() => {
    useSecretKey(instanceKey());
  });

  it('keeps the demo\'s signer certificate, its passphrase and the channel secret encrypted, and still signs and credits with them', async () => {
    expect((await signerRow()).passphrase).toMatch(/^v1:[0-9a-f]{8}:/);
    await expectSealedP12();
    expect((await channelRow()).secret).toMatch(/^v1:[0-9a-f]{8}:/);
    expect((await channelRow()).secret).not.toContain(DEMO_QRIS_CHANNEL.secret);
    expect((await signedBy((await issue()).id))?.signatureValid).toBe(true);
    bank.accounts.set(DEMO_QRIS_CHANNEL.merchantPan, { region: REGION, secret: DEMO_QRIS_CHANNEL.secret });
    expect(await payNewBill()).toMatchObject({ status: 200, body: { status: 'paid' } });
  });

  it('stores what staff set encrypted: the certificate file and its passphrase, a remote service\'s client secret, the channel\'s key', async () => {
    const p12 = await setLocalSigner();
    expect([p12[0], p12[1]]).toEqual([0x30, 0x82]);
    await expectSealedP12(p12);
    const local = await signerRow();
    expect(local.passphrase).toMatch(/^v1:/);
    expect(local.passphrase).not.toContain(PASSPHRASE);
    expect((await signedBy((await issue()).id))?.signer?.subject).toContain('Penanda tangan uji rahasia');

    const remote = { url: signing.url, clientId: signing.clientId, clientSecret: signing.clientSecret, signerId: signing.signerId, passphrase: signing.passphrase };
    expect((await h.api('PUT', `${D}/signer/remote`, { session: s.admin, body: remote })).status).toBe(200);
    const row = await signerRow();
    expect([row.passphrase, row.client_secret]).not.toContain(signing.passphrase);
    expect(row.client_secret).toMatch(/^v1:/);
    expect(row.client_secret).not.toContain(signing.clientSecret);
    expect((await signedBy((await issue()).id))?.signer?.subject).toContain('Layanan TTE (simulasi)');

    const put = await h.api('PUT', `${R}/payments/channel`, { session: s.manager, body: { ...DEMO_QRIS_CHANNEL, secret: CHANNEL_SECRET } });
    expect(put.status).toBe(200);
    expect(put.raw).not.toContain(CHANNEL_SECRET);
    expect((await channelRow()).secret).not.toContain(CHANNEL_SECRET);
    bank.accounts.set(DEMO_QRIS_CHANNEL.merchantPan, { region: REGION, secret: CHANNEL_SECRET });
    expect(await payNewBill()).toMatchObject({ status: 200, body: { status: 'paid' } });
    // A change that leaves the secret out keeps it, still encrypted, still working.
    const { secret: _demo, ...merchant } = DEMO_QRIS_CHANNEL;
    expect((await h.api('PUT', `${R}/payments/channel`, { session: s.manager, body: { ...merchant, merchantName: 'BAPENDA SUMEDANG' } })).status).toBe(200);
    expect((await channelRow()).secret).toMatch(/^v1:/);
    expect(await payNewBill()).toMatchObject({ status: 200 });
  });

  it('reads secrets stored in clear before encryption, and seals them at the next start', async () => {
    const p12 = await setLocalSigner();
    await h.ctx.database.db.execute(sql`update layanan_signers set passphrase = ${PASSPHRASE}, p12 = decode(${p12.toString('base64')}, 'base64') where region_code = ${REGION}`);
    expect(await storedP12()).toEqual(p12);
    await h.ctx.database.db.execute(sql`update layanan_payment_channels set secret = ${CHANNEL_SECRET} where region_code = ${REGION}`);
    bank.accounts.set(DEMO_QRIS_CHANNEL.merchantPan, { region: REGION, secret: CHANNEL_SECRET });
    expect((await signedBy((await issue()).id))?.signatureValid).toBe(true);
    expect(await payNewBill()).toMatchObject({ status: 200, body: { status: 'paid' } });

    await layananModule.prepare(h.ctx.database);
    expect((await signerRow()).passphrase).toMatch(/^v1:/);
    await expectSealedP12(p12);
    expect((await channelRow()).secret).toMatch(/^v1:/);
    expect(JSON.stringify([await signerRow(), await channelRow()])).not.toMatch(new RegExp(`${PASSPHRASE}|${CHANNEL_SECRET}`));
    expect((await signedBy((await issue()).id))?.signatureValid).toBe(true);
    expect(await payNewBill()).toMatchObject({ status: 200, body: { status: 'paid' } });
  });

  it('fails with an error naming the key when the instance runs with another key, never as a bad signature', async () => {
    await setLocalSigner();
    bank.accounts.set(DEMO_QRIS_CHANNEL.merchantPan, { region: REGION, secret: CHANNEL_SECRET });
    await h.api('PUT', `${R}/payments/channel`, { session: s.manager, body: { ...DEMO_QRIS_CHANNEL, secret: CHANNEL_SECRET } });
    const payload = await payableBill();
    const other = useSecretKey(randomBytes(32));
    const refused = issue();
    await expect(refused).rejects.toBeInstanceOf(SecretKeyError);
    await expect(refused).rejects.toThrow(new RegExp(`this instance's key is ${other.keyId}.*PAMONG_SECRET_KEY`));
    // The bank hears a server failure (it retries), not "bad signature".
    expect((await pay(payload)).status).toBe(500);
    // A copied value does not open in another region's row either.
    useSecretKey(instanceKey());
    const [{ secret }] = await h.ctx.database.rows<{ secret: string }>(sql`select secret from layanan_payment_channels where region_code = ${REGION}`);
    await h.ctx.database.db.execute(sql`update layanan_signers set passphrase = ${secret} where region_code = ${REGION}`);
    await expect(issue()).rejects.toThrow(/altered or copied/);
  });
});
