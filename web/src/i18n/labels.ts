// Dictionary entries for codes whose words live on the server (statuses,
// stages), so the web app and the exports say the same thing.
import type { Text } from '../../../src/platform/i18n.js';

export function labelEntries<P extends string, K extends string>(prefix: P, table: Record<K, Text>, lang: keyof Text): Record<`${P}${K}`, string> {
  return Object.fromEntries(Object.entries<Text>(table).map(([code, words]) => [`${prefix}${code}`, words[lang]])) as Record<`${P}${K}`, string>;
}
