// How a JSON answer is written. Each route's zod schema is turned into a JSON
// Schema once, at start, and from it a projection: a walk over the answer
// that keeps only the keys the schema names (a field a service adds never
// leaves the server) and copies an object only when it holds a key to drop,
// so a well-made answer is not copied at all. JSON.stringify then writes it.
// This replaced fast-json-stringify, which measured about 7 µs slower per
// tracking answer inside the running server (issue 9, BENCHMARKS.md), though
// not in a loop on its own. Where answers are checked (tests, and any instance
// with PAMONG_CHECK_RESPONSES=true), zod also parses each answer first, so an
// answer that drifts from its declaration fails loudly instead of being sent.
import type { FastifySerializerCompiler } from 'fastify';
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

/** The JSON Schema of what is sent, as the OpenAPI document shows it. */
function wireSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { target: 'draft-07', io: 'output', unrepresentable: 'any', reused: 'inline', cycles: 'ref' }) as JsonSchema;
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
}

type Projection = (value: unknown) => unknown;
const asIs: Projection = (value) => value;

/**
 * What of a value the schema lets out: the keys any of its parts names (and
 * every key of a record), recursively. Named schemas (`.meta({ id })`) are
 * definitions that parts refer to; each gets one projection, made when first
 * needed, so a schema that contains itself is followed as deep as the value goes.
 */
function projection(root: JsonSchema): Projection {
  const definitions = root.definitions ?? {};
  const made = new Map<string, Projection>();

  /** A schema's parts: itself and, through references, choices (anyOf, oneOf) and intersections (allOf), every alternative. */
  const partsOf = (schema: JsonSchema, seen: Set<string>): JsonSchema[] => {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/definitions/', '');
      if (!definitions[name]) throw new Error(`unresolved ${schema.$ref} in a declared answer`);
      if (seen.has(name)) return [];
      return partsOf(definitions[name], new Set([...seen, name]));
    }
    return [schema, ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap((p) => partsOf(p, seen))];
  };

  const of = (schema: JsonSchema): Projection => {
    if (schema.$ref && !schema.anyOf && !schema.oneOf && !schema.allOf) {
      const known = made.get(schema.$ref);
      if (known) return known;
      let inner: Projection = asIs;
      made.set(schema.$ref, (value) => inner(value)); // in place before it is made: a schema may contain itself
      inner = build(schema);
      return made.get(schema.$ref)!;
    }
    return build(schema);
  };

  const build = (schema: JsonSchema): Projection => {
    const parts = partsOf(schema, new Set());
    // `null` is all a `type: null` field ever sends (the tracking page's reporter).
    if (parts.length > 0 && parts.every((p) => p.type === 'null' || (p.anyOf ?? p.oneOf ?? p.allOf) !== undefined)) return () => null;
    const named = new Map<string, JsonSchema[]>();
    const rest: JsonSchema[] = [];
    const items: JsonSchema[] = [];
    let open = false;
    let isObject = false;
    for (const part of parts) {
      if (part.type === 'object' || part.properties) isObject = true;
      for (const [key, inner] of Object.entries(part.properties ?? {})) named.set(key, [...(named.get(key) ?? []), inner]);
      if (part.additionalProperties === true) open = true;
      else if (typeof part.additionalProperties === 'object') rest.push(part.additionalProperties);
      if (part.items) items.push(...[part.items].flat());
    }
    const either = (list: JsonSchema[]) => of(list.length === 1 ? list[0] : { anyOf: list });
    const keys = new Map([...named].map(([key, list]) => [key, either(list)]));
    const others = open ? asIs : rest.length ? either(rest) : undefined;
    const object = isObject || rest.length || open ? objectProjection(keys, others) : undefined;
    const item = items.length ? either(items) : asIs;
    return (value) => {
      if (value === null || typeof value !== 'object' || value instanceof Date) return value;
      if (Array.isArray(value)) return arrayProjection(value, item);
      return object ? object(value) : value;
    };
  };
  return of(root);
}

/** Copies the array only if an element changes. */
function arrayProjection(values: unknown[], item: Projection): unknown[] {
  if (item === asIs) return values;
  let out: unknown[] | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = item(values[i]);
    if (v !== values[i]) (out ??= values.slice())[i] = v;
  }
  return out ?? values;
}

/** Keeps the named keys (and, for a record, every key through `others`); copies the object only if something is dropped or changes. */
function objectProjection(keys: Map<string, Projection>, others: Projection | undefined): Projection {
  return (value) => {
    const source = value as Record<string, unknown>;
    let changed = false;
    for (const key in source) {
      const inner = source[key];
      const p = keys.get(key) ?? others;
      if (!p || (inner !== undefined && p(inner) !== inner)) {
        changed = true;
        break;
      }
    }
    if (!changed) return value;
    const out: Record<string, unknown> = {};
    for (const key in source) {
      const p = keys.get(key) ?? others;
      if (p && source[key] !== undefined) out[key] = p(source[key]);
    }
    return out;
  };
}

// One projection per schema in the process: every server built here (the tests build one per file) shares it.
const projections = new WeakMap<z.ZodType, Projection>();
function projectionOf(schema: z.ZodType): Projection {
  let project = projections.get(schema);
  if (!project) projections.set(schema, (project = projection(wireSchema(schema))));
  return project;
}

export function responseSerializer(checkResponses: boolean): FastifySerializerCompiler<unknown> {
  return ({ schema: declared, method, url }) => {
    const schema = zodOf(declared);
    if (!schema) {
      return () => {
        throw new Error(`${method} ${url}: a file answer is sent as it is, not serialized as JSON`);
      };
    }
    const project = projectionOf(schema);
    const write: Serializer = (data) => JSON.stringify(project(data));
    if (!checkResponses) return write;
    return (data: unknown) => {
      const checked = schema.safeParse(data);
      if (!checked.success) throw new ResponseSerializationError(method, url, { cause: checked.error });
      return write(data);
    };
  };
}
