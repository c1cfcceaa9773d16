// The region's own certificate: a PKCS#12 file and its passphrase, signing
// with @signpdf (adbe.pkcs7.detached: a CMS SignedData over the PDF's byte
// ranges, SHA-256, RSA). Refuses a certificate outside its validity.
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { ensureValidAt, readP12 } from './certificate.js';
import type { SigningProvider } from './provider.js';

export function localProvider(p12: Buffer, passphrase: string, now: Date): SigningProvider {
  const cert = readP12(p12, passphrase);
  ensureValidAt(cert, now);
  return {
    name: 'local',
    async sign(pdf) {
      const signed = await new SignPdf().sign(pdf, new P12Signer(p12, { passphrase }), now);
      return { pdf: signed, signer: { subject: cert.subject, fingerprint: cert.fingerprint } };
    },
  };
}
