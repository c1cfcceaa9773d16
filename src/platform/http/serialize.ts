// How a JSON answer is written. Each route's zod response schema is turned
// into a JSON Schema once, at start, and compiled with fast-json-stringify:
// it writes only the keys the schema names (a field a service adds never
// leaves the server) and is several times faster than parsing every answer
// with zod and then JSON.stringify-ing it, the cost that issue 9's benchmarks
// measured. Where answers are checked (tests, and any instance with
// PAMONG_CHECK_RESPONSES=true), zod also parses each answer first, so an
// answer that drifts from its declaration fails loudly instead of being
// coerced.
import type { FastifySerializerCompiler } from 'fastify';
import fastJsonStringify from 'fast-json-stringify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Serializer = (data: unknown) => string;

/**
 * The zod schema of a declared answer: a bare schema, or `{ properties: schema }`
 * (an error entry with its description). A file answer has none: it is sent as
 * it is, never through a serializer.
 */
function zodOf(declared: unknown): z.ZodType | undefined {
  if (declared instanceof z.ZodType) return declared;
  const properties = (declared as { properties?: unknown } | null)?.properties;
  return properties instanceof z.ZodType ? properties : undefined;
}

/**
 * The JSON Schema of what is sent: instants (Dates inside) are date-time
 * strings on the wire. Objects do not say `additionalProperties: false`: the
 * serializer drops unnamed keys anyway, and for a choice (a nullable object,
 * a union) it picks the branch by validating the data, which a key the
 * schema does not name would then fail.
 */
function wireSchema(schema: z.ZodType): object {
  return z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'output',
    unrepresentable: 'any',
    reused: 'inline',
    cycles: 'ref',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
      if (ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
      nullableWithoutChoice(ctx.jsonSchema);
    },
  });
}

/**
 * `X | null` written as X with `nullable: true`: the serializer then writes it
 * directly instead of validating the data against each branch to choose one.
 */
function nullableWithoutChoice(schema: Record<string, unknown>): void {
  const choices = schema.anyOf as Record<string, unknown>[] | undefined;
  if (!Array.isArray(choices) || choices.length !== 2) return;
  const other = choices.find((c) => c.type !== 'null');
  if (!other || !choices.some((c) => c.type === 'null' && Object.keys(c).length === 1)) return;
  delete schema.anyOf;
  Object.assign(schema, other, { nullable: true });
}

export function responseSerializer(checkResponses: boolean): FastifySerializerCompiler<unknown> {
  return ({ schema: declared, method, url }) => {
    const schema = zodOf(declared);
    if (!schema) {
      return () => {
        throw new Error(`${method} ${url}: a file answer is sent as it is, not serialized as JSON`);
      };
    }
    const write = fastJsonStringify(wireSchema(schema)) as Serializer;
    if (!checkResponses) return write;
    return (data: unknown) => {
      const checked = schema.safeParse(data);
      if (!checked.success) throw new ResponseSerializationError(method, url, { cause: checked.error });
      return write(data);
    };
  };
}
