// The texts of the platform's staff screens (signing in, accounts,
// notifications, region administration) in both languages: a namespace loaded
// with those screens, never on a citizen's first visit. Each module's staff
// texts are a namespace of their own (its module.ts).
import type { Texts } from './index.js';
import { adminId } from './admin.id.js';
import { adminEn } from './admin.en.js';
import { deskId } from './desk.id.js';
import { deskEn } from './desk.en.js';

const staffId = { ...deskId, ...adminId };
export type StaffKey = keyof typeof staffId;
export const staffTexts: Texts & { id: typeof staffId; en: Record<StaffKey, string> } = { id: staffId, en: { ...deskEn, ...adminEn } };
