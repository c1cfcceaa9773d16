// What a category and a stage deadline are made of, as the region admin's API
// and a Living Lab package (domain/package.ts) both check them.
import { z } from 'zod';
import { questionSchema } from './questions.js';
import type { SlaStage } from './sla.js';

export const slaStages = ['verification', 'response', 'resolution'] as const satisfies readonly SlaStage[];

export const categoryFields = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), nameId: z.string().trim().min(1).max(200), nameEn: z.string().trim().min(1).max(200), description: z.string().max(2000).optional(),
  group: z.string().max(100).optional(), keywords: z.string().max(500).optional(), questions: z.array(questionSchema).max(20).optional(),
  locationRequired: z.boolean().optional().describe('Laporan wajib menyebut kecamatan/desa atau titik peta / Reports must give a district/village or a map pin'),
  active: z.boolean().optional(),
});

/** A stage's deadline: amount in hours or working days, with an optional stricter internal target. */
export const slaRuleFields = {
  stage: z.enum(slaStages),
  amount: z.number().int().min(0).max(2000), unit: z.enum(['hours', 'working_days']), targetAmount: z.number().int().min(0).max(2000).nullable(),
};
