// A remote signing service in the manner of BSrE's: the PDF goes to the
// service with the signer's identity (NIK or signer id) and passphrase, under
// the client's credentials (HTTP Basic), and comes back signed. The service
// signs into the slot the PDF carries. Its refusals become stable codes; a
// returned PDF is accepted only when its signature checks out over our bytes.
import { AppError } from '../../../../platform/errors.js';
import { pdfSignature } from './certificate.js';
import type { SigningProvider } from './provider.js';

export interface RemoteSignerConfig {
  url: string;
  clientId: string;
  clientSecret: string;
  signerId: string;
  passphrase: string;
  /** How long to wait for the service, in milliseconds. */
  timeoutMs?: number;
}

/** The service's error codes (`{ "error": "…" }`) and what they mean here. */
const REFUSALS = {
  wrong_passphrase: 'layanan.signing_wrong_passphrase',
  signer_not_registered: 'layanan.signing_signer_unknown',
} as const;

export function remoteProvider(config: RemoteSignerConfig): SigningProvider {
  return {
    name: 'remote',
    async sign(pdf, reason) {
      let res: Response;
      try {
        res = await fetch(new URL('/api/sign/pdf', config.url), {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ signer: config.signerId, passphrase: config.passphrase, reason, file: pdf.toString('base64') }),
          signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
        });
      } catch {
        throw new AppError('layanan.signing_unavailable');
      }
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        const code = body?.error && Object.hasOwn(REFUSALS, body.error) ? REFUSALS[body.error as keyof typeof REFUSALS] : null;
        throw new AppError(code ?? 'layanan.signing_unavailable', { status: res.status });
      }
      const signed = Buffer.from(await res.arrayBuffer());
      const check = pdfSignature(signed);
      if (!check || !check.coversFile || !check.digestMatches || !check.signatureValid || !sameDocument(pdf, signed, check.slot)) {
        throw new AppError('layanan.signing_unavailable', { reason: 'invalid signature returned' });
      }
      return { pdf: signed, signer: check.signer };
    },
  };
}

/**
 * Whether the service signed what we sent: the same bytes but for the
 * signature's slot and the byte ranges written into the placeholder (and the
 * one end-of-line a signer drops after %%EOF).
 */
function sameDocument(sent: Buffer, signed: Buffer, slot: { start: number; end: number }): boolean {
  const base = sent.subarray(0, sent.length - (/\r?\n$/.exec(sent.subarray(-2).toString('latin1'))?.[0].length ?? 0));
  const range = /\/ByteRange\s*\[[^\]]*\]/.exec(base.toString('latin1'));
  if (!range || signed.length !== base.length) return false;
  const copy = Buffer.from(signed);
  base.copy(copy, range.index, range.index, range.index + range[0].length);
  base.copy(copy, slot.start, slot.start, slot.end);
  return copy.equals(base);
}
