// What the public-services module offers other modules (the only file they
// may import from it): the region's electronic signer and the signing
// provider interface, each unit's letterhead and how the issued documents
// draw it, the verification address of a token, and the numbering pieces
// every official number shares (the sequence's digits, the Roman month, the
// check of a pattern's tokens), and how a letter names a region's
// government. The correspondence module signs and numbers its letters with
// them.
export { regionSigner } from './service/signer.js';
export type { SigningProvider, SignatureSlot, SignerIdentity } from './service/signing/provider.js';
export { letterheadFor } from './service/document-settings.js';
export { governmentName, maskName, type Letterhead } from './domain/letter.js';
export { drawHead as drawLetterhead, drawVerification, finish as finishPdf, MARGIN as PDF_MARGIN } from './service/pdf.js';
export { verifyUrlOf } from './service/documents.js';
export { padSequence, patternProblem, romanMonth } from './domain/numbering.js';
