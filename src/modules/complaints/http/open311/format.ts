// Open311 answers in JSON or XML, chosen by the URL's extension, and the
// spec's error list ({ code, description }) built from the catalogue.
import { XMLBuilder } from 'fast-xml-parser';
import { errorEntry } from '../../../../platform/errors.js';
import type { Failure } from '../../../../platform/http/errors.js';

export const formats = ['json', 'xml'] as const;
export type Format = (typeof formats)[number];

export const contentTypes: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The extension of the URL's last path segment ('' when there is none). */
export function extensionOf(url: string): string {
  const path = url.split('?')[0];
  const last = path.slice(path.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot < 0 ? '' : last.slice(dot + 1);
}

/**
 * A moment as the spec's W3C datetime in the region's own offset, to the
 * second (validators of the spec refuse fractions): 2026-12-05T09:03:27+07:00.
 */
export function w3cDatetime(at: Date, utcOffsetMinutes: number): string {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(utcOffsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export const isFormat = (ext: string): ext is Format => (formats as readonly string[]).includes(ext);

/**
 * An operation's answers in the OpenAPI document: the spec's shapes, as JSON or
 * XML by the URL's extension, and its error list for any failure. Sent as
 * rendered text, never through a response schema.
 */
export function documentedAnswers(what: string, { status = 200, list = true } = {}) {
  const both = (json: object) => ({ 'application/json': { schema: json }, 'text/xml': { schema: { type: 'string' } } });
  return {
    [status]: { description: `${what} (GeoReport v2; JSON atau XML menurut ekstensi URL / JSON or XML by the URL's extension)`, content: both(list ? { type: 'array', items: { type: 'object' } } : { type: 'object' }) },
    default: {
      description: 'Daftar galat spesifikasi / the spec\'s error list',
      content: both({ type: 'array', items: { type: 'object', properties: { code: { type: 'integer' }, description: { type: 'string' } }, required: ['code', 'description'] } }),
    },
  };
}

/** Errors are answered in XML only when the caller asked for XML. */
export const errorFormatOf = (url: string): Format => (extensionOf(url) === 'xml' ? 'xml' : 'json');

// In XML a list is a wrapper element holding one element per item.
const itemElement: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

function xmlTree(value: unknown, name: string): unknown {
  if (Array.isArray(value)) {
    const item = itemElement[name];
    if (!item) throw new Error(`No XML item element for list ${name}`);
    return { [item]: value.map((v) => xmlTree(v, item)) };
  }
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlTree(v, k)]));
  return value;
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: false });

/** The document for `body` under the root element `root` (null fields become empty elements). */
export function toXml(root: string, body: unknown): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: xmlTree(body, root) }) as string;
}

export function render(format: Format, root: string, body: unknown): string {
  return format === 'xml' ? toXml(root, body) : JSON.stringify(body);
}

export interface Open311Error {
  code: number;
  description: string;
}

/** The spec's error list: the HTTP status as code, our stable code and both languages as description. */
export function errorList(failure: Failure): Open311Error[] {
  const [, id, en] = errorEntry(failure.code);
  return [{ code: failure.status, description: `${failure.code}: ${id} / ${en}` }];
}
