// A region's settings: everything that differs between regions is data.
import { z } from 'zod';
import { roles } from '../auth/policy.js';

export const escalationStep = z.object({
  role: z.enum(roles),
  /** Hours after the missed deadline at which this step fires. */
  afterHours: z.number().int().min(0).max(24 * 60),
});

export const regionSettingsSchema = z.object({
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
export type RegionSettings = z.infer<typeof regionSettingsSchema>;

export const parseSettings = (raw: unknown): RegionSettings => regionSettingsSchema.parse(raw ?? {});
