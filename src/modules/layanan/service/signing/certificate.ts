// Reading certificates and checking PDF signatures, with node-forge (PKCS#12,
// CMS) and node:crypto (digests, RSA): what a region's uploaded PKCS#12 holds
// and whether a signed PDF's signature is intact, covers the whole file but
// its own slot, and was made by whom.
import { createHash, createPublicKey, verify } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../../platform/errors.js';
import type { SignerIdentity } from './provider.js';

export interface CertificateFacts extends SignerIdentity {
  issuer: string;
  notBefore: Date;
  notAfter: Date;
}

/** node-forge hands a UTF8String's value over as its bytes: read them as UTF-8 (ASCII reads the same; anything else stays as it came). */
const text = (value: unknown) => {
  try {
    return forge.util.decodeUtf8(String(value));
  } catch {
    return String(value);
  }
};

const dn = (attrs: forge.pki.CertificateField[]) => attrs.map((a) => `${a.shortName ?? a.name ?? a.type}=${text(a.value)}`).join(', ');

function facts(cert: forge.pki.Certificate): CertificateFacts {
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    subject: dn(cert.subject.attributes), issuer: dn(cert.issuer.attributes),
    notBefore: cert.validity.notBefore, notAfter: cert.validity.notAfter, fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}

/** The certificate a PKCS#12 file holds with its key; layanan.certificate_unreadable for another file or a wrong passphrase. */
export function readP12(p12: Buffer, passphrase: string): CertificateFacts {
  try {
    const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
    const keys = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? [];
    const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((b) => b.cert!).filter(Boolean);
    const key = keys[0]?.key as forge.pki.rsa.PrivateKey | undefined;
    const own = key && certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n));
    if (!own) throw new Error('no certificate for the key');
    return facts(own);
  } catch {
    throw new AppError('layanan.certificate_unreadable');
  }
}

/** Refuses a certificate outside its validity at `now`. */
export function ensureValidAt(cert: Pick<CertificateFacts, 'notBefore' | 'notAfter'>, now: Date): void {
  if (now < cert.notBefore) throw new AppError('layanan.certificate_not_yet_valid', { notBefore: cert.notBefore.toISOString() });
  if (now > cert.notAfter) throw new AppError('layanan.certificate_expired', { notAfter: cert.notAfter.toISOString() });
}

export interface PdfSignature {
  /** The signed ranges are the whole file but the signature's own slot. */
  coversFile: boolean;
  /** The CMS message digest equals the SHA-256 of the signed ranges. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer's certificate. */
  signatureValid: boolean;
  signer: SignerIdentity;
  /** The signature's slot: bytes [start, end) hold its hex. */
  slot: { start: number; end: number };
}

const OID_MESSAGE_DIGEST = forge.pki.oids.messageDigest;

/** The last signature of a PDF, checked; null when the PDF has none. */
export function pdfSignature(pdf: Buffer): PdfSignature | null {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return null;
  const [a, b, c, d] = last.slice(1, 5).map(Number);
  if (b + 1 > c - 1 || c + d > pdf.length) return null;
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  // The slot is padded with zeros after the CMS: read one DER value and ignore the rest (node-forge's option, missing from its types).
  const fromDer = forge.asn1.fromDer as unknown as (bytes: string, options: { parseAllBytes: boolean }) => forge.asn1.Asn1;
  const cms = fromDer(Buffer.from(pdf.subarray(b + 1, c - 1).toString('latin1'), 'hex').toString('binary'), { parseAllBytes: false });
  const message = forge.pkcs7.messageFromAsn1(cms) as forge.pkcs7.PkcsSignedData & { rawCapture: { signerInfos: forge.asn1.Asn1[] } };
  const info = message.rawCapture.signerInfos[0].value as forge.asn1.Asn1[];
  // SignerInfo: version, issuerAndSerialNumber, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature.
  const serial = forge.util.bytesToHex((info[1].value as forge.asn1.Asn1[])[1].value as string).replace(/^0+/, '');
  const cert = message.certificates.find((x) => x.serialNumber.replace(/^0+/, '') === serial);
  if (!cert) return null;
  const attrs = info[3].value as forge.asn1.Asn1[];
  const digestAttr = attrs.find((x) => forge.asn1.derToOid((x.value as forge.asn1.Asn1[])[0].value as string) === OID_MESSAGE_DIGEST);
  const claimed = digestAttr ? Buffer.from(((digestAttr.value as forge.asn1.Asn1[])[1].value as forge.asn1.Asn1[])[0].value as string, 'binary') : Buffer.alloc(0);
  // The signature is over the signed attributes encoded as a SET, not as the [0] they are stored as.
  const attrsDer = Buffer.from(forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs)).getBytes(), 'binary');
  const signature = Buffer.from(info[5].value as string, 'binary');
  const key = createPublicKey(forge.pki.publicKeyToPem(cert.publicKey));
  return {
    coversFile: a === 0 && c + d === pdf.length,
    digestMatches: claimed.equals(createHash('sha256').update(signed).digest()),
    signatureValid: verify('sha256', attrsDer, key, signature),
    signer: { subject: facts(cert).subject, fingerprint: facts(cert).fingerprint },
    slot: { start: b, end: c },
  };
}
