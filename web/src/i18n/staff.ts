// The texts of the staff screens (sign-in, inbox, administration, dashboards, SPBE) in both
// languages: loaded with those screens, never on a citizen's first visit.
import { adminId } from './admin.id.js';
import { adminEn } from './admin.en.js';
import { spbeId } from './spbe.id.js';
import { spbeEn } from './spbe.en.js';
import { deskId } from './desk.id.js';
import { deskEn } from './desk.en.js';

const staffId = { ...deskId, ...adminId, ...spbeId };
export type StaffKey = keyof typeof staffId;
export const staffTexts: { id: typeof staffId; en: Record<StaffKey, string> } = { id: staffId, en: { ...deskEn, ...adminEn, ...spbeEn } };
