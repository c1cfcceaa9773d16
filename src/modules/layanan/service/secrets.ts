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
// stays as it is (bytea): its key is encrypted under the passphrase, which is
// sealed, so the file alone signs nothing.
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { secretBox } from '../../../platform/secrets.js';
import { layananPaymentChannels, layananSigners } from '../schema.js';

export type SecretColumn = 'layanan_signers.passphrase' | 'layanan_signers.client_secret' | 'layanan_payment_channels.secret';

const bound = (column: SecretColumn, regionCode: string) => `${column}:${regionCode}`;

export const sealSecret = (column: SecretColumn, regionCode: string, plain: string) => secretBox().seal(plain, bound(column, regionCode));

/** The clear value; a SecretKeyError (platform/secrets.ts) when the instance's key is not the one that sealed it. */
export const openSecret = (column: SecretColumn, regionCode: string, stored: string) => secretBox().open(stored, bound(column, regionCode));

/** Seals the clear secrets written before encryption; returns how many values it sealed. Idempotent. */
export async function rewriteClearSecrets(db: Queryable): Promise<number> {
  let sealed = 0;
  const signers = await db.select({ regionCode: layananSigners.regionCode, passphrase: layananSigners.passphrase, clientSecret: layananSigners.clientSecret }).from(layananSigners);
  const channels = await db.select({ regionCode: layananPaymentChannels.regionCode, provider: layananPaymentChannels.provider, secret: layananPaymentChannels.secret }).from(layananPaymentChannels);
  const clear = (v: string | null): v is string => v !== null && !secretBox().isSealed(v);
  if (!signers.some((s) => clear(s.passphrase) || clear(s.clientSecret)) && !channels.some((c) => clear(c.secret))) return 0;
  for (const s of signers) {
    const set: { passphrase?: string; clientSecret?: string } = {};
    if (clear(s.passphrase)) set.passphrase = sealSecret('layanan_signers.passphrase', s.regionCode, s.passphrase);
    if (clear(s.clientSecret)) set.clientSecret = sealSecret('layanan_signers.client_secret', s.regionCode, s.clientSecret);
    if (Object.keys(set).length === 0) continue;
    // Only if still the clear value read (a concurrent change wrote a sealed one).
    await db.update(layananSigners).set(set).where(and(eq(layananSigners.regionCode, s.regionCode),
      ...(set.passphrase ? [eq(layananSigners.passphrase, s.passphrase!)] : []), ...(set.clientSecret ? [eq(layananSigners.clientSecret, s.clientSecret!)] : [])));
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
