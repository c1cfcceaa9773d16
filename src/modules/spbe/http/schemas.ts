// Request pieces shared by the SPBE routes.
import { z } from 'zod';

export const tags = ['spbe'];
export const indicatorCode = z.string().regex(/^[A-Za-z0-9._-]{1,20}$/);
export const frameworkCode = z.string().regex(/^[a-z0-9-]{2,40}$/);
/** Any integer here; whether it is on the framework's scale is the service's answer (spbe.level_invalid). */
export const levelValue = z.number().int().min(-100).max(100);
export const yearValue = z.coerce.number().int().min(2000).max(2100);
export const csvBody = z.string().min(1).max(2_000_000).describe('CSV (text/csv), koma atau titik koma / comma or semicolon separated');
