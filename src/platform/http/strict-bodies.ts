// Unknown keys in a request body are refused, not silently dropped: a form
// field named differently from the API (a note sent as `message` where the
// API reads `note`) fails loudly instead of losing what the user typed.
// A module gateway following an outside specification (Open311) may stay
// lenient: its clients send whatever keys the specification and their own
// extensions use.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { gatewayOf } from './access.js';

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } }; clone(def: unknown): z.ZodType };

/** The same schema with every object at the top of the body (through unions, pipes, defaults) strict. */
export function strictBody(schema: z.ZodType): z.ZodType {
  const s = schema as Schema;
  const def = s._zod.def;
  switch (def.type) {
    case 'object':
      return (s as unknown as z.ZodObject).strict();
    case 'union':
      return s.clone({ ...def, options: (def.options as z.ZodType[]).map(strictBody) });
    case 'pipe':
      return s.clone({ ...def, in: strictBody(def.in as z.ZodType) });
    case 'default': case 'optional': case 'nullable': case 'prefault':
      return s.clone({ ...def, innerType: strictBody(def.innerType as z.ZodType) });
    default:
      return schema;
  }
}

export function installStrictBodies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const body = (route.schema as { body?: z.ZodType } | undefined)?.body;
    if (!body || gatewayOf(route.url)?.lenientBodies) return;
    (route.schema as { body: z.ZodType }).body = strictBody(body);
  });
}
