// How an issued document gets its signature: a provider signs the PDF's
// prepared signature slot (service/pdf.ts leaves one when the region has a
// signer) and says who signed. `local` signs with the region's own PKCS#12
// certificate (local.ts); `remote` asks a BSrE-like signing service over
// HTTP (remote.ts). A certified national provider plugs in as another remote.

export interface SignerIdentity {
  /** The certificate's subject, as people read it ("CN=…, O=…"). */
  subject: string;
  /** SHA-256 of the certificate (DER), hex. */
  fingerprint: string;
}

export interface SigningProvider {
  name: 'local' | 'remote';
  /** The signed PDF: the same bytes with the signature in the slot. */
  sign(pdf: Buffer, reason: string): Promise<{ pdf: Buffer; signer: SignerIdentity }>;
}

/** What the PDF's signature slot records besides the signature (the signature dictionary's fields). */
export interface SignatureSlot {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
}
