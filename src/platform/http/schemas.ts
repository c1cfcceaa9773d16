// Shared request schemas.
import { z } from 'zod';

export const regionParam = z.object({ region: z.string().max(10) });
export const uuidSchema = z.uuid();
export const paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
export const text = (max: number) => z.string().trim().min(1).max(max);
