// What the outgoing-letter pages share: their paths, the API's answers, the
// subnavigation of the outgoing boxes, and who may do what to a letter as
// the API decides it (the buttons only show where the API would accept).
import type { components } from '../../../api-types.js';
import type { Me } from '../../../types.js';

type Schemas = components['schemas'];
export type OutgoingLetter = Schemas['SuratOutgoingLetter'];
export type OutgoingItem = Schemas['SuratOutgoingListItem'];
export type Template = Schemas['SuratTemplate'];
export const BOXES = ['mine', 'to_verify', 'to_sign', 'signed'] as const;
export type Box = (typeof BOXES)[number];

export const outgoingListPath = (region: string, box?: Box) => `/staff/${region}/surat/outgoing${box ? `?box=${box}` : ''}`;
export const outgoingPath = (region: string, id: string) => `/staff/${region}/surat/outgoing/${id}`;
export const newDraftPath = (region: string) => `/staff/${region}/surat/outgoing/baru`;
export const editDraftPath = (region: string, id: string) => `/staff/${region}/surat/outgoing/${id}/ubah`;

/** A nota dinas or memo stays inside the region (the API refuses other recipients for it). */
export const directionOf = (documentTypeCode: string): 'outgoing' | 'memo' => (['nota-dinas', 'memo'].includes(documentTypeCode) ? 'memo' : 'outgoing');

/** What the person may do to the letter now: the same checks the API makes. */
export function actionsOn(letter: OutgoingLetter, me: Me | undefined, region: string) {
  const userId = me?.user?.id;
  const grants = (me?.grants ?? []).filter((g) => g.regionCode === region);
  const pending = letter.reviews.find((r) => r.status === 'pending');
  const clerk = grants.some((g) => g.role === 'surat_clerk' && (g.unitId === null || g.unitId === letter.unitId));
  const drafter = Boolean(userId) && letter.drafterUserId === userId;
  return {
    edit: drafter && (letter.status === 'draft' || letter.status === 'returned'),
    review: letter.status === 'verifying' && pending?.verifierUserId === userId,
    sign: letter.status === 'to_sign' && letter.signerUserId === userId,
    scan: letter.signMethod === 'paper' && (letter.signerUserId === userId || clerk),
    send: letter.status === 'signed' && clerk,
  };
}
