// A self-signed certificate and key as a PKCS#12 file: the demo region's
// signer (clearly labelled as a demo, not a certified electronic
// certificate) and the tests' signers. The key is made by node:crypto (fast);
// node-forge writes the certificate and the PKCS#12.
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export const DEMO_CERTIFICATE_LABEL = 'SERTIFIKAT DEMO — bukan sertifikat elektronik tersertifikasi';

export interface SelfSignedInput {
  commonName: string;
  organization: string;
  organizationalUnit?: string;
  notBefore: Date;
  notAfter: Date;
  passphrase: string;
}

export function selfSignedP12(input: SelfSignedInput): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  cert.validity.notBefore = input.notBefore;
  cert.validity.notAfter = input.notAfter;
  // UTF8String, so a label with a dash or an accented name is written as it reads (node-forge's types call the tag a class).
  const name = [
    { shortName: 'CN', value: input.commonName }, { shortName: 'O', value: input.organization },
    ...(input.organizationalUnit ? [{ shortName: 'OU', value: input.organizationalUnit }] : []), { shortName: 'C', value: 'ID' },
  ].map((a) => ({ ...a, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class }));
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], input.passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
