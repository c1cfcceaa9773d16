// A region's settings: everything that differs between regions is data. Each
// module keeps its settings under its own name ({ complaints: {…}, … }), with
// a default for every key, so a region switched on has working settings.
import { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import { modules } from '../modules/registry.js';

/** Each module's settings type, declared to the type checker by augmentation (see modules/complaints/settings.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleSettings {}
export type RegionSettings = ModuleSettings;

let composed: { full: z.ZodObject; change: z.ZodObject } | null = null;

function schemas() {
  if (composed) return composed;
  const withSettings = modules().filter((m) => m.settings);
  composed = {
    // Stored and read: every module present, each key defaulted.
    full: z.object(Object.fromEntries(withSettings.map((m) => [m.name, m.settings!.prefault({})]))),
    // Sent by an admin: any module's whole settings; modules left out keep theirs. A module may check a change more strictly than what it reads.
    change: z.object(Object.fromEntries(withSettings.map((m) => [m.name, (m.settingsChange?.schema ?? m.settings!).optional()]))).strict(),
  };
  return composed;
}

export const regionSettingsSchema = (): z.ZodObject => schemas().full;
export const settingsChangeSchema = (): z.ZodObject => schemas().change;

/** The catalogue codes the modules' settings checks answer a save with (contract: settingsChange.errors). */
export const settingsChangeErrors = (): ErrorCode[] => modules().flatMap((m) => [...(m.settingsChange?.errors ?? [])]);

export const parseSettings = (raw: unknown): RegionSettings => schemas().full.parse(raw ?? {}) as unknown as RegionSettings;

/** The region's settings with an admin's change applied. */
export const changedSettings = (current: RegionSettings, change: Partial<RegionSettings>): RegionSettings =>
  parseSettings({ ...current, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) });
