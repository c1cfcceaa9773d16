// A region's complaint settings, kept under `complaints` in the region's settings.
import { z } from 'zod';
import { isRole, rolesWith, type Role } from '../../platform/auth/policy.js';

/** Only people who see complaints can be told about a missed deadline (a string to the API document, a Role once checked). */
const ladderRole = z.string().refine((r) => isRole(r) && rolesWith('complaint.list').includes(r), { message: 'not a role that handles complaints' }) as unknown as z.ZodType<Role, string>;

export const escalationStep = z.object({
  role: ladderRole,
  /** Hours after the missed deadline at which this step fires. */
  afterHours: z.number().int().min(0).max(24 * 60),
});

export const complaintSettings = z.object({
  /** Days after resolution in which the citizen may rate and reopen. */
  reopenWindowDays: z.number().int().min(0).max(90).default(14),
  /** Who is told, in order, when a deadline passes. */
  escalation: z.array(escalationStep).min(1).max(5).default([
    { role: 'unit_head', afterHours: 0 },
    { role: 'head_of_region', afterHours: 24 },
  ]),
  /** Whether the public statistics page is on. */
  publicStatistics: z.boolean().default(true),
});
export type ComplaintSettings = z.infer<typeof complaintSettings>;

declare module '../../platform/regions/settings.js' {
  interface ModuleSettings {
    complaints: ComplaintSettings;
  }
}
