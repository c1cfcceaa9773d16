// The module's stored secrets, encrypted with the instance's key
// (platform/secrets.ts): the region signer's PKCS#12 passphrase and a remote
// signing service's client secret (layanan_signers), the QRIS channel's
// callback key (layanan_payment_channels). Each value is bound to its column
// and region. Written sealed; read sealed or, from before encryption, clear.
//
// Clear values left from before are rewritten sealed at every start, in the
// module's prepare hook (rewriteClearSecrets) rather than a migration: a
// migration is SQL without the key, and a backup taken before encryption and
// restored later is rewritten at the next start too. The PKCS#12 file itself
// (layanan_signers.p12, bytea) is sealed too, its bytes in the same envelope
// (the envelope's text stored as the column's bytes): a copy of the database
// alone holds neither the certificate's key nor its passphrase.
//
// `sealedColumns` (declared in module.ts) names every column for
// `pamong rotate-secret-key`, which re-seals them under a new key.
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import type { SealedColumn } from '../../../platform/modules/contract.js';
import { sealedContext, secretBox } from '../../../platform/secrets.js';
import { layananPaymentChannels, layananSigners } from '../schema.js';

export type SecretColumn = 'layanan_signers.passphrase' | 'layanan_signers.client_secret' | 'layanan_payment_channels.secret';

/** Every column of the module holding sealed values (the module's `sealedColumns`). */
export const layananSealedColumns: SealedColumn[] = [
  { table: 'layanan_signers', column: 'passphrase' },
  { table: 'layanan_signers', column: 'client_secret' },
  { table: 'layanan_signers', column: 'p12', bytes: true },
  { table: 'layanan_payment_channels', column: 'secret' },
];

const bound = (column: SecretColumn | 'layanan_signers.p12', regionCode: string) => {
  const [table, name] = column.split('.');
  return sealedContext(table, name, regionCode);
};

export const sealSecret = (column: SecretColumn, regionCode: string, plain: string) => secretBox().seal(plain, bound(column, regionCode));

/** The clear value; a SecretKeyError (platform/secrets.ts) when the instance's key is not the one that sealed it. */
export const openSecret = (column: SecretColumn, regionCode: string, stored: string) => secretBox().open(stored, bound(column, regionCode));

/** The PKCS#12 file as stored: the envelope's text as bytes. */
export const sealP12 = (regionCode: string, p12: Buffer) => Buffer.from(secretBox().sealBytes(p12, bound('layanan_signers.p12', regionCode)), 'latin1');

/** Whether a stored PKCS#12 is sealed (false: the clear file from before). */
const p12Sealed = (stored: Buffer) => secretBox().isSealed(stored.toString('latin1'));

/** The PKCS#12 file from its stored bytes, sealed or, from before encryption, clear; SecretKeyError as openSecret. */
export const openP12 = (regionCode: string, stored: Buffer) =>
  p12Sealed(stored) ? secretBox().openBytes(stored.toString('latin1'), bound('layanan_signers.p12', regionCode)) : stored;

/** Seals the clear secrets written before encryption; returns how many values it sealed. Idempotent. */
export async function rewriteClearSecrets(db: Queryable): Promise<number> {
  let sealed = 0;
  const signers = await db.select({ regionCode: layananSigners.regionCode, passphrase: layananSigners.passphrase, clientSecret: layananSigners.clientSecret, p12: layananSigners.p12 }).from(layananSigners);
  const channels = await db.select({ regionCode: layananPaymentChannels.regionCode, provider: layananPaymentChannels.provider, secret: layananPaymentChannels.secret }).from(layananPaymentChannels);
  const clear = (v: string | null): v is string => v !== null && !secretBox().isSealed(v);
  const clearP12 = (v: Buffer | null): v is Buffer => v !== null && !p12Sealed(v);
  if (!signers.some((s) => clear(s.passphrase) || clear(s.clientSecret) || clearP12(s.p12)) && !channels.some((c) => clear(c.secret))) return 0;
  for (const s of signers) {
    const set: { passphrase?: string; clientSecret?: string; p12?: Buffer } = {};
    if (clear(s.passphrase)) set.passphrase = sealSecret('layanan_signers.passphrase', s.regionCode, s.passphrase);
    if (clear(s.clientSecret)) set.clientSecret = sealSecret('layanan_signers.client_secret', s.regionCode, s.clientSecret);
    if (clearP12(s.p12)) set.p12 = sealP12(s.regionCode, s.p12);
    if (Object.keys(set).length === 0) continue;
    // Only if still the clear value read (a concurrent change wrote a sealed one).
    await db.update(layananSigners).set(set).where(and(eq(layananSigners.regionCode, s.regionCode),
      ...(set.passphrase ? [eq(layananSigners.passphrase, s.passphrase!)] : []), ...(set.clientSecret ? [eq(layananSigners.clientSecret, s.clientSecret!)] : []),
      ...(set.p12 ? [eq(layananSigners.p12, s.p12!)] : [])));
    sealed += Object.keys(set).length;
  }
  for (const c of channels) {
    if (!clear(c.secret)) continue;
    await db.update(layananPaymentChannels).set({ secret: sealSecret('layanan_payment_channels.secret', c.regionCode, c.secret) })
      .where(and(eq(layananPaymentChannels.regionCode, c.regionCode), eq(layananPaymentChannels.provider, c.provider), eq(layananPaymentChannels.secret, c.secret)));
    sealed += 1;
  }
  return sealed;
}
