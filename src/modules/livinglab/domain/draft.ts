// Whether a draft differs from the version it would follow: publishing the
// same thing twice makes no new version (adopters would be told of nothing).
import { isDeepStrictEqual } from 'node:util';

export interface PublishedFields {
  title: string; summary: string; description: string; domain: string; sector: string | null;
  content: unknown; application: unknown; mentor: unknown;
}

/** JSON columns come back with their keys in another order than they went in: compare values, not text. */
export function sameDraft(version: PublishedFields, draft: PublishedFields): boolean {
  const norm = (v: PublishedFields) => JSON.parse(JSON.stringify({
    title: v.title, summary: v.summary, description: v.description, domain: v.domain, sector: v.sector ?? null,
    content: v.content ?? null, application: v.application ?? null, mentor: v.mentor ?? null,
  })) as unknown;
  return isDeepStrictEqual(norm(version), norm(draft));
}
