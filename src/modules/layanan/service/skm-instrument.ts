// SKM instrument versions: shipped with the module (reference/); a corrected
// file becomes a new key here, so a response keeps the version it was entered
// under and a result says which version computed it.
import { AppError } from '../../../platform/errors.js';
import { skmInstrumentFromSource, type SkmInstrument } from '../domain/skm.js';
import { readSkmReference, SKM_FILE } from '../reference/read.js';

const instrumentSources = {
  'permenpanrb-14-2017': () => skmInstrumentFromSource('permenpanrb-14-2017', readSkmReference(SKM_FILE)),
} as const satisfies Record<string, () => SkmInstrument>;
export type SkmInstrumentVersion = keyof typeof instrumentSources;
export const CURRENT_SKM_INSTRUMENT: SkmInstrumentVersion = 'permenpanrb-14-2017';

const loaded = new Map<string, SkmInstrument>();

export function skmInstrument(version: string): SkmInstrument {
  const make = (instrumentSources as Record<string, () => SkmInstrument>)[version];
  if (!make) throw new AppError('layanan.skm_instrument_unknown', { value: version });
  if (!loaded.has(version)) loaded.set(version, make());
  return loaded.get(version)!;
}

export const currentSkmInstrument = () => skmInstrument(CURRENT_SKM_INSTRUMENT);
