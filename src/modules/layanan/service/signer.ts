// The region's electronic signer: its own PKCS#12 certificate (local) or a
// remote signing service. The key, passphrase and client secret are stored
// for signing and never returned by any route: staff see the certificate's
// subject, issuer, validity and fingerprint, or the service's address and
// signer id. The PKCS#12 file, its passphrase and the client secret are
// stored encrypted with the instance's key (secrets.ts).
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { layananSigners } from '../schema.js';
import { actorLabel } from './access.js';
import { ensureValidAt, readP12 } from './signing/certificate.js';
import { localProvider } from './signing/local.js';
import type { SigningProvider } from './signing/provider.js';
import { remoteProvider } from './signing/remote.js';
import { openP12, openSecret, sealP12, sealSecret } from './secrets.js';

/** The provider that signs the region's documents now, or null when the region does not sign. Refuses a certificate out of its validity. */
export async function regionSigner(db: Queryable, regionCode: string, now: Date): Promise<SigningProvider | null> {
  const [s] = await db.select().from(layananSigners).where(eq(layananSigners.regionCode, regionCode));
  if (!s) return null;
  const passphrase = openSecret('layanan_signers.passphrase', regionCode, s.passphrase!);
  if (s.provider === 'local') return localProvider(openP12(regionCode, s.p12!), passphrase, now);
  return remoteProvider({ url: s.remoteUrl!, clientId: s.clientId!, clientSecret: openSecret('layanan_signers.client_secret', regionCode, s.clientSecret!), signerId: s.signerId!, passphrase });
}

export async function signerView(ctx: AppContext, regionCode: string) {
  const [s] = await ctx.database.db.select().from(layananSigners).where(eq(layananSigners.regionCode, regionCode));
  if (!s) return { provider: null, certificate: null, remote: null, updatedAt: null, updatedBy: null };
  const now = ctx.clock.now();
  return {
    provider: s.provider as 'local' | 'remote',
    certificate: s.provider === 'local'
      ? { subject: s.subject!, issuer: s.issuer!, notBefore: s.notBefore!, notAfter: s.notAfter!, fingerprint: s.fingerprint!, validNow: now >= s.notBefore! && now <= s.notAfter! }
      : null,
    remote: s.provider === 'remote' ? { url: s.remoteUrl!, clientId: s.clientId!, signerId: s.signerId! } : null,
    updatedAt: s.updatedAt, updatedBy: s.updatedByLabel,
  };
}

const none = { p12: null, subject: null, issuer: null, notBefore: null, notAfter: null, fingerprint: null, remoteUrl: null, clientId: null, clientSecret: null, signerId: null };

async function store(ctx: AppContext, regionCode: string, actor: Actor, values: Partial<typeof layananSigners.$inferInsert> & { provider: 'local' | 'remote' }, detail: Record<string, unknown>) {
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const set = { ...none, ...values, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor) };
    await tx.insert(layananSigners).values({ regionCode, ...set }).onConflictDoUpdate({ target: layananSigners.regionCode, set });
    await audit(tx, now, actor, regionCode, 'layanan.signer_set', 'region', regionCode, { provider: values.provider, ...detail });
  });
}

/** The region's own certificate from a PKCS#12 file: refused when unreadable, expired or not yet valid. */
export async function setLocalSigner(ctx: AppContext, regionCode: string, actor: Actor, p12: Buffer, passphrase: string): Promise<void> {
  const cert = readP12(p12, passphrase);
  ensureValidAt(cert, ctx.clock.now());
  await store(ctx, regionCode, actor, { provider: 'local', p12: sealP12(regionCode, p12), passphrase: sealSecret('layanan_signers.passphrase', regionCode, passphrase), ...cert }, { subject: cert.subject, fingerprint: cert.fingerprint });
}

export interface RemoteSignerInput { url: string; clientId: string; clientSecret: string; signerId: string; passphrase: string }

export async function setRemoteSigner(ctx: AppContext, regionCode: string, actor: Actor, input: RemoteSignerInput): Promise<void> {
  await store(ctx, regionCode, actor, {
    provider: 'remote', remoteUrl: input.url, clientId: input.clientId,
    clientSecret: sealSecret('layanan_signers.client_secret', regionCode, input.clientSecret), signerId: input.signerId,
    passphrase: sealSecret('layanan_signers.passphrase', regionCode, input.passphrase),
  }, { url: input.url, signerId: input.signerId });
}
