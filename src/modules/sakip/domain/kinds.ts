// The kinds of node in a performance tree and which may hold which: pure
// words and tables with no imports, shared by the server's rules and the web
// editor (which offers only the kinds a parent may hold).

export type NodeKind = 'vision' | 'mission' | 'goal' | 'target' | 'programme' | 'activity' | 'sub_activity';

/** Words for each kind, with the Indonesian planning term. */
export const nodeKindLabels: Record<NodeKind, { id: string; en: string }> = {
  vision: { id: 'Visi', en: 'Vision' },
  mission: { id: 'Misi', en: 'Mission' },
  goal: { id: 'Tujuan', en: 'Goal' },
  target: { id: 'Sasaran', en: 'Target' },
  programme: { id: 'Program', en: 'Programme' },
  activity: { id: 'Kegiatan', en: 'Activity' },
  sub_activity: { id: 'Sub-kegiatan', en: 'Sub-activity' },
};

/**
 * Which kinds may sit under which (`root`: no parent). A region's RPJMD starts
 * at its vision; a unit's Renstra seen on its own starts at its goals. The
 * cascade puts a unit's goal or target under a region's target, and targets
 * under targets (sasaran strategis → sasaran program/kegiatan of echelon
 * III/IV); programmes hang from the target they support.
 */
export const allowedChildren: Readonly<Record<NodeKind | 'root', readonly NodeKind[]>> = {
  root: ['vision', 'goal'],
  vision: ['mission'],
  mission: ['goal'],
  goal: ['target'],
  target: ['goal', 'target', 'programme'],
  programme: ['activity'],
  activity: ['sub_activity'],
  sub_activity: [],
};

export type PlanKind = 'rpjmd' | 'renstra';

/** Kinds each plan uses: the RPJMD from the vision down to programmes, a Renstra from its goals down to sub-activities. */
export const kindsInPlan: Readonly<Record<PlanKind, readonly NodeKind[]>> = {
  rpjmd: ['vision', 'mission', 'goal', 'target', 'programme'],
  renstra: ['goal', 'target', 'programme', 'activity', 'sub_activity'],
};
