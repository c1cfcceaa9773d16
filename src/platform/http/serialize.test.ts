// The serializer sends what the route's schema names and nothing else, at
// every depth: the second line of privacy defence behind the services.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializer } from './serialize.js';

const writer = (schema: z.ZodType) =>
  responseSerializer(false)({ schema, method: 'GET', url: '/api/test', httpStatus: '200' } as never) as (data: unknown) => string;

describe('responseSerializer', () => {
  it('drops keys the schema does not name, inside arrays, choices and nullable objects too', () => {
    const person = z.object({ name: z.string() }).meta({ id: 'TestPerson' });
    const write = writer(z.object({
      code: z.string(),
      people: z.array(person),
      unit: z.object({ id: z.string() }).nullable(),
      event: z.union([z.object({ kind: z.literal('a'), note: z.string() }), z.object({ kind: z.literal('b'), count: z.number() })]),
      at: z.date(),
    }));
    const sent = JSON.parse(write({
      code: 'ADU-1', secret: 'x',
      people: [{ name: 'Siti', email: 'siti@contoh.id' }, { name: 'Budi' }],
      unit: { id: 'u1', headEmail: 'kepala@contoh.id' },
      event: { kind: 'b', count: 2, internal: true },
      at: new Date('2026-12-05T01:02:03.004Z'),
    }));
    expect(sent).toEqual({ code: 'ADU-1', people: [{ name: 'Siti' }, { name: 'Budi' }], unit: { id: 'u1' }, event: { kind: 'b', count: 2 }, at: '2026-12-05T01:02:03.004Z' });
  });

  it('keeps every key of a record, and checks its values against their schema', () => {
    const write = writer(z.object({ answers: z.record(z.string(), z.unknown()), labels: z.record(z.string(), z.object({ id: z.string() })) }));
    const sent = JSON.parse(write({ answers: { panjang_m: 12, lokasi: 'Jl. Mayor Abdurrahman' }, labels: { a: { id: 'Satu', hidden: 1 } } }));
    expect(sent).toEqual({ answers: { panjang_m: 12, lokasi: 'Jl. Mayor Abdurrahman' }, labels: { a: { id: 'Satu' } } });
  });

  it('sends null for a field declared as always null, whatever the handler put there', () => {
    const write = writer(z.object({ reporter: z.null() }));
    expect(write({ reporter: { name: 'Siti Warga' } })).toBe('{"reporter":null}');
  });

  it('sends an answer that is already exactly what the schema names unchanged', () => {
    const write = writer(z.object({ items: z.array(z.object({ id: z.string() })) }));
    const answer = { items: [{ id: 'a' }, { id: 'b' }] };
    expect(write(answer)).toBe(JSON.stringify(answer));
  });

  it('follows a schema that contains itself', () => {
    interface Node { name: string; children: Node[] }
    const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(node) })).meta({ id: 'TestNode' });
    const write = writer(node);
    const sent = JSON.parse(write({ name: 'a', x: 1, children: [{ name: 'b', y: 2, children: [] }] }));
    expect(sent).toEqual({ name: 'a', children: [{ name: 'b', children: [] }] });
  });
});
