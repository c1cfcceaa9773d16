// The module contract: everything the platform needs to know about a module,
// declared in one object. The platform reads modules only through the
// registry (registry.ts), never by importing a module's files; the list of
// modules is composed once, in src/modules/registry.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { Database, Db, Queryable, Tx } from '../db/client.js';
import type { ErrorCode, ErrorEntry, Words } from '../errors.js';
import type { Failure } from '../http/errors.js';
import type { Actor, Permission } from '../auth/policy.js';
import type { Locale } from '../i18n.js';
import type { Region } from '../regions/service.js';
import type { DocumentVerification } from './verify.js';

/** A role a module adds. Region roles act region-wide; unit roles only for their unit (OPD). */
export interface RoleDeclaration {
  name: string;
  label: Words;
  scope: 'region' | 'unit';
  /** Who may grant it: a region admin in their region, or only a platform admin (a role that works across regions). */
  grantedBy: 'region_admin' | 'platform_admin';
}

/**
 * A periodic sweep over a module's own rows (which hold their own state and
 * claim themselves with SKIP LOCKED). `run` does one batch and says how many
 * items it handled; the worker repeats it while it finds work, every tick.
 */
export interface SweepDeclaration {
  name: string;
  run(ctx: AppContext): Promise<number>;
}

/**
 * A named job, queued with `enqueueJob` (platform/jobs) in the caller's
 * transaction and run by a worker, at least once: a job whose worker dies is
 * taken again when its lease runs out, so `run` must be safe to repeat.
 */
export interface JobDeclaration<P = unknown> {
  /** Starts with the module's name: `complaints.export`. */
  name: string;
  /** Checked when the job is queued and again when it runs. */
  payload: z.ZodType<P>;
  run(ctx: AppContext, payload: P): Promise<void>;
  /** Attempts before the job is set aside as failed (default 5); retries back off exponentially. */
  maxAttempts?: number;
  /** How long a worker holds the job before another may take it (default 300). */
  leaseSeconds?: number;
}

/** A rung of an escalation ladder: fires `afterHours` after the missed deadline; the rest is the module's (e.g. who is told). */
export interface EscalationRung {
  afterHours: number;
  [key: string]: unknown;
}

/** A stage deadline as the platform stores it (platform/deadlines). */
export interface StageDeadline {
  regionCode: string;
  module: string;
  recordType: string;
  recordId: string;
  stage: string;
  round: number;
  dueAt: Date;
  escalationStep: number;
}

/** An escalation step the sweep has just taken, once for good. */
export interface EscalationStep {
  deadline: StageDeadline;
  step: number;
  rung: EscalationRung;
  at: Date;
}

/**
 * What a module's record type does with its stage deadlines (platform/deadlines):
 * the ladder to climb and what a step does.
 */
export interface DeadlineHandler {
  /** The ladder of a region's stage, read when a deadline comes due (a region may change it meanwhile), once per sweep batch. */
  ladder(tx: Tx, of: { regionCode: string; stage: string }): Promise<readonly EscalationRung[]>;
  /**
   * The steps one sweep took for this record type, in the sweep's transaction:
   * notify, flag the records. Given all at once so that summary rows can be
   * updated in key order (no deadlock between two sweeping workers).
   */
  onEscalate(tx: Tx, steps: EscalationStep[], ctx: AppContext): Promise<void>;
}

/**
 * A column of a region-owned table that holds values sealed with the
 * instance key (platform/secrets.ts), each bound to
 * `sealedContext(table, column, region_code)`. `pamong rotate-secret-key`
 * re-seals every such value under a new key, in one transaction.
 */
export interface SealedColumn {
  table: string;
  column: string;
  /** A bytea column holding the envelope's text (a certificate file); otherwise text. */
  bytes?: boolean;
}

/** A command of the `pamong` command line. */
export interface CommandDeclaration {
  name: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean' }>;
  run(ctx: AppContext, options: Record<string, string | boolean | undefined>): Promise<string>;
}

/** One line under a tile's figure: a unit among the worst, a next step of a plan. */
export interface TileItem {
  label: Words;
  /** Its figure as written (`12`, `3 hari`), or null. */
  value: Words | null;
  /** Where to act on it, a path of the web app, or null. */
  link: string | null;
}

/** What a tile reads now: its figure, what it is counted in, as of when, where it drills down. */
export interface TileReading {
  value: number | null;
  unit: Words | null;
  asOf: Date;
  link: string;
  /** Where the figure stands against the goal it states (its target, zero overdue), when it has one. */
  tone?: 'good' | 'watch' | 'bad' | null;
  /** A short list behind the figure (at most five), e.g. the units with most overdue work. */
  items?: TileItem[];
}

/**
 * A figure a module offers to the leadership dashboard, which renders tiles
 * without knowing the module. Every figure says how it is computed and when.
 */
export interface DashboardTile {
  key: string;
  title: Words;
  /** How the figure is computed, in words. */
  method: Words;
  /** The permission a reader needs in the region (the leader's page grants every tile to its own readers). */
  permission: Permission;
  /** The key of one of this module's `measures` whose months and years are this figure's trend. */
  trend?: string;
  /** Which way is better, when the figure has one: the province's page ranks its kabupaten/kota by it. */
  better?: 'higher' | 'lower';
  read(ctx: AppContext, regionCode: string): Promise<TileReading>;
}

/**
 * Something waiting on one person that only they can unblock, for the
 * leader's "what needs me today": a complaint escalated to them, a letter
 * for their signature, a proposal for their decision.
 */
export interface AttentionItem {
  title: Words;
  detail: Words | null;
  /** When it began waiting on them, and its deadline, when known. */
  since: Date | null;
  due: Date | null;
  /** Where they act on it, a path of the web app. */
  link: string;
}

/** A kind of work a module hands to the reader in a region (their own, by their roles and their user id). */
export interface AttentionSource {
  key: string;
  title: Words;
  read(ctx: AppContext, actor: Actor, regionCode: string): Promise<AttentionItem[]>;
}

/** One unit's count for an adoption measure: of its `total` pieces of such work in the period, `done` were done in Pamong as they should be. */
export interface UnitAdoption { unitId: string; done: number; total: number }

/**
 * How far each unit (OPD) does one kind of its work in Pamong, measured from
 * the module's own records rather than reported: complaints answered in the
 * system on time, dispositions followed up. The leader's page ranks units by
 * these so the head of region sees which units need help.
 */
export interface AdoptionMeasure {
  key: string;
  title: Words;
  /** What counts as done and what as the whole, in words. */
  method: Words;
  /** Every unit with such work in the period (units without any are left out). */
  read(ctx: AppContext, regionCode: string, period: MeasurePeriod): Promise<UnitAdoption[]>;
}

/** A calendar period a measure is read for: a year, a quarter or a month, as its months (YYYY-MM, both inclusive). */
export interface MeasurePeriod {
  kind: 'year' | 'quarter' | 'month';
  year: number;
  fromMonth: string;
  toMonth: string;
}

/**
 * A figure a module measures for a region over a period, which another module
 * may take as its own record without knowing this one (e-SAKIP takes an
 * indicator's realisation from it, so a region's figure is never typed twice).
 */
export interface ModuleMeasure {
  key: string;
  title: Words;
  /** How it is measured, in words: written beside every value taken from it. */
  method: Words;
  /** Its unit of measure as an indicator states it: '%', 'indeks'. */
  measure: string;
  /** The kinds of period it can be read for. */
  periods: readonly MeasurePeriod['kind'][];
  /** The exact decimal (as text) for the region and period, or null when nothing was measured. */
  read(ctx: AppContext, regionCode: string, period: MeasurePeriod): Promise<string | null>;
}

/**
 * A shared (not region-owned) table a module's region rows point at. Backup
 * carries the rows pointed at; restore finds an existing row with the same
 * natural key and points the region's rows at it instead of duplicating it.
 */
export interface SharedRelation {
  /** The region-owned table and its column holding the shared row's id. */
  from: { table: string; column: string };
  /** The shared table and its key column. */
  to: { table: string; column: string };
  /** Columns that identify the same row in another database (e.g. a framework code and version number). */
  naturalKey: string[];
  /** Shared rows the shared row itself needs first (e.g. a version's framework). */
  parents?: { table: string; column: string; references: string }[];
}

/**
 * A module that owns URLs outside /api with their own conventions (Open311's
 * /open311: the region in a parameter, the key in the body, its own error list).
 */
export interface Gateway {
  prefix: string;
  /** The region a request names, when not in the path. */
  regionOf?(request: FastifyRequest): string | undefined;
  /** An API key carried in the query or body. */
  apiKeyOf?(request: FastifyRequest): string | undefined;
  /** Bodies follow an outside specification: unknown keys are allowed. */
  lenientBodies?: boolean;
  sendFailure(failure: Failure, request: FastifyRequest, reply: FastifyReply): unknown;
}

/** Records of one region a module offers the tenant-isolation test to aim at. */
export interface IsolationRecords {
  /**
   * Values for route parameters, by name (`evaluationId`), or by the end of
   * the path where one name means different records (`categories/:id`);
   * request bodies may use them too (`unitId`).
   */
  params: Record<string, string>;
  /** Texts no answer may contain when the URL names another region: the records' ids, tracking codes. */
  secrets: string[];
  /** Texts no answer to these callers may contain at all: a reporter's identity, a confidential report, unshared evidence. */
  private: string[];
}

/** What to send to one route: a JSON body unless the headers say otherwise. */
export interface IsolationRequest { body?: unknown; query?: Record<string, string>; headers?: Record<string, string> }

/**
 * What the generated tenant-isolation test (test/isolation.test.ts) needs:
 * real records in the victim region, and for the module's routes a request
 * that would succeed if access were wrongly granted.
 */
export interface IsolationFixtures {
  /** Creates (or finds) records in `region`; throws, saying what is missing, if it cannot. */
  records(ctx: AppContext, region: string): Promise<IsolationRecords>;
  /**
   * The body and query for one of the module's routes (`url` as declared, e.g.
   * /api/regions/:region/units), given every fixture's params and the region
   * the URL names; undefined when the module does not own the route.
   */
  request?(route: { method: string; url: string }, params: Record<string, string>, region: string): IsolationRequest | undefined;
}

/** Where a module's demo records go: the demo region, its province, and the demo's units by code. */
export interface DemoPlace {
  region: string;
  province: string;
  now: Date;
  unit(code: string, region?: string): string;
}

/**
 * A page of the web app that the server paints itself, so a phone on a slow
 * connection can start on it when the HTML arrives instead of one round trip
 * later, with the app's script (http/first-paint.ts). The app takes over when
 * its script runs and keeps what the person already chose in the painted form
 * (a form marked `data-first-paint`; web/src/early.ts). The form must also
 * work as a plain GET form to the same page, for a person quicker than the script.
 */
export interface FirstPaint {
  /** The web app's path, under a region: '/r/:region/lapor'. */
  path: string;
  /** The page's title and its main content as HTML (the module escapes what it writes), or null to leave the page to the app. */
  render(ctx: AppContext, page: { region: Region; query: URLSearchParams; locale: Locale }): Promise<{ title: string; main: string } | null>;
}

/** A unit of the source region a package names (it routes work to it), for the adopter to map to one of its own. */
export interface PackageUnit {
  /** The source's unit code. */
  code: string;
  name: string;
}

/** What an adopter chose: its unit for each source unit code, and the keys of the lines to apply. */
export interface PackagePlan {
  unitMap: Readonly<Record<string, string>>;
  take: ReadonlySet<string>;
  /**
   * The names of the units `unitMap` points at, when the caller has already
   * checked that each is an active unit of the region (the Living Lab does):
   * the module need not read them again. Absent, the module checks itself.
   */
  unitNames?: ReadonlyMap<string, string>;
}

/** One line of what applying a package would do in a region: a thing added, changed or already the same. */
export interface PackageChange {
  /** Stable within the package (e.g. `category:JALAN`): the adopter chooses changes by it. */
  key: string;
  kind: 'add' | 'change' | 'same';
  /** What it is, in the region's words: "Kategori Jalan Rusak". */
  label: string;
  /** For a change: each field with its value now and in the package, as text. */
  fields: { field: string; ours: string | null; theirs: string | null }[];
}

/**
 * A kind of configuration a module lets a region publish in the Living Lab
 * and another region adopt in one step (complaint categories, a service
 * definition, an indicator set). The Living Lab stores `content` as a
 * versioned package and calls these in its own transactions; the module alone
 * knows its tables. Applying writes only the adopting region and changes
 * nothing the region already has unless its key is in `take`.
 */
export interface PackageKind<C = any> {
  /** Unique within the module: `categories`; the Living Lab names it `module.key`. */
  key: string;
  title: Words;
  /** The content's format version: a package of another version is refused at import. */
  formatVersion: number;
  /** The content's schema, checked when a package is published, imported or applied. */
  content: z.ZodType<C>;
  /** What the region can package: one entry per thing it may choose to include. */
  candidates(tx: Queryable, regionCode: string): Promise<{ key: string; label: string }[]>;
  /** The package of the chosen candidates (all when `keys` is empty), read from the region's configuration. */
  export(tx: Queryable, regionCode: string, keys: readonly string[]): Promise<C>;
  /** The source's units the content routes to, for the adopter to map (may be none). */
  units(content: C): PackageUnit[];
  /** The key of every line `preview` can give for this content: an adoption checks the chosen keys against them without reading the region. */
  keys(content: C): string[];
  /** A short summary for catalogue pages: "12 kategori, 30 pertanyaan". */
  summary(content: C): Words;
  /**
   * Labels the catalogue filters on (`?tag=`), stored with each published
   * version: `spbe.indicator:spbe-2020/44`. Start each with the module's name
   * and keep them short and stable; none when absent.
   */
  tags?(content: C): string[];
  /** What applying would change in the region, one line per thing; `unitMap` maps source unit codes to the region's unit ids. */
  preview(tx: Queryable, regionCode: string, content: C, unitMap: Readonly<Record<string, string>>): Promise<PackageChange[]>;
  /**
   * Applies the lines whose keys are in `take` in the caller's transaction,
   * in the region only, leaving alone a line that would change nothing; throws an AppError (nothing written, the caller rolls
   * back) when the content cannot be applied, e.g. a unit left unmapped.
   */
  apply(tx: Tx, regionCode: string, content: C, plan: PackagePlan, actor: Actor, now: Date): Promise<{ applied: number }>;
}

/** A letter's series in the region's one letter numbering (its pattern, counters per series and local year). */
export interface LetterSeriesKey {
  regionCode: string;
  /** The unit whose register holds the letter; null: the region's correspondence unit (its first unit with a records clerk, else its first active unit). */
  unitId: string | null;
  /** An archive classification code (Permendagri 83/2022). */
  classificationCode: string;
  /** A document type of the correspondence module (surat-keterangan, surat-izin, rekomendasi …). */
  documentTypeCode: string;
  security: 'biasa' | 'terbatas' | 'rahasia' | 'sangat_rahasia';
  /** The region's local date of the letter, YYYY-MM-DD. */
  localDate: string;
}

/** The counter of one series: `next` waits for its lock; `peek` and `claim` number optimistically (a remote signer signs before the number is taken). */
export interface LetterSeries {
  format(sequence: number): string;
  peek(): Promise<number>;
  claim(sequence: number): Promise<boolean>;
  next(): Promise<number>;
}

/** A signed letter another module produced, for the region's register as an outgoing letter (sent). */
export interface LetterToRecord extends LetterSeriesKey {
  /** The producing module's name. */
  origin: string;
  /** Its own record, unique in the region: `layanan:document:<id>`. */
  externalRef: string;
  number: string;
  subject: string;
  /** Who it is for, in words (the applicant, a region). */
  addressee: string;
  /** A line about what it is, shown where a drafted letter shows its body. */
  summary: string;
  signer: { name: string; position: string; method: 'electronic' | 'paper'; subject: string | null; fingerprint: string | null };
  pdf: Buffer;
  sha256: string;
  at: Date;
  /** Who issued it (a person, or a label such as the demo's). */
  by: { userId: string | null; label: string };
}

/** A letter the letter book writes itself: numbered, printed on the unit's letterhead, signed with the region's certificate when it has one. */
export interface LetterToWrite extends Omit<LetterToRecord, 'number' | 'signer' | 'pdf' | 'sha256' | 'localDate'> {
  /** The paragraphs between the greeting and the closing. */
  paragraphs: string[];
  /** Another region on this installation: the letter arrives in its register as incoming, as a sent letter does. */
  deliverTo?: string;
  publicUrl: string;
}

/**
 * The region's one letter numbering and register, which the correspondence
 * module offers so that public services and complaints number and file their
 * letters there without importing it (platform/modules/letters.ts).
 */
export interface LetterBook {
  series(tx: Queryable, key: LetterSeriesKey): Promise<LetterSeries>;
  /** Inserts the letter into the region's register (outgoing, sent), in the caller's transaction. */
  record(tx: Queryable, letter: LetterToRecord): Promise<{ id: string }>;
  /** Numbers, prints, signs and records a letter, and delivers it to `deliverTo`, in the caller's transaction; null when the region has no unit to keep it. */
  write(tx: Queryable, letter: LetterToWrite): Promise<{ id: string; number: string; pdf: Buffer } | null>;
  /**
   * Marks a recorded letter as revoked by its producer (a public service's
   * result withdrawn), in the caller's transaction: the register row stays and
   * says so. False when the register holds no letter of that reference (one
   * issued before correspondence was installed).
   */
  revoke(tx: Queryable, letter: { regionCode: string; externalRef: string; at: Date; reason: string }): Promise<boolean>;
}

export interface PamongModule {
  /** One word, used as URL segment, OpenAPI tag, i18n namespace, settings key and error-code prefix. */
  name: string;
  title: Words;
  /** Drizzle table objects the module owns (its schema.ts). */
  tables: Record<string, unknown>;
  /**
   * Its migration history, `new URL('./migrations', import.meta.url)`: a drizzle-kit folder
   * generated from its schema.ts alone, applied after the platform's, in registry order,
   * and recorded in its own table. Required when the module has tables.
   */
  migrations?: URL;
  roles?: RoleDeclaration[];
  /** Permission name → roles. A module's permissions start with one of its prefixes; it may also add roles to the platform's `region.staff`. */
  permissions?: Record<string, readonly string[]>;
  /** Prefixes of its error codes and permissions; the module's name when unset. */
  prefixes?: string[];
  errors?: Record<string, ErrorEntry>;
  /** Region settings under the module's name, with defaults for every key. */
  settings?: z.ZodObject;
  /**
   * What a region admin may save as its settings (PUT …/settings), when that is
   * stricter than what is read: `settings` must keep reading what was stored
   * before, e.g. a name of something a removed module offered, while a save
   * is checked against what is installed now. The same shape as `settings`
   * with refinements; a refinement that fails with `params: { code, details }`
   * (one of `errors`, the module's catalogue codes) is answered with that code.
   */
  settingsChange?: { schema: z.ZodObject; errors: readonly ErrorCode[] };
  /** Keys of its settings anyone may read in the region's public profile. */
  publicSettings?: readonly string[];
  routes?(ctx: AppContext): (app: FastifyInstance) => Promise<void>;
  gateway?: Gateway;
  /** Pages of the web app the server paints before the app's script arrives. */
  firstPaints?: FirstPaint[];
  /** Jobs it queues (platform/jobs); any payload type, checked by its schema. */
  jobs?: JobDeclaration<any>[];
  sweeps?: SweepDeclaration[];
  /** Its stage deadlines by record type: the escalation ladder and what a step does (platform/deadlines). */
  deadlines?: Record<string, DeadlineHandler>;
  /** Reference data and anything else the database needs at every start (idempotent). */
  prepare?(database: Database, now: Date): Promise<void>;
  /** Columns holding values sealed with the instance key (see SealedColumn): re-sealed when the key is rotated. */
  sealedColumns?: SealedColumn[];
  /** Demo data for the demo region, in the demo's transaction (tests use it too). */
  demo?: { seed?(tx: Queryable, place: DemoPlace): Promise<void> };
  sharedRelations?: SharedRelation[];
  commands?: CommandDeclaration[];
  /** Figures for the leader's dashboard (see DashboardTile), read through platform/modules/tiles.ts. */
  tiles?: DashboardTile[];
  /** What waits on the reader in this module, for the leader's "what needs me today". */
  attention?: AttentionSource[];
  /** How far each unit does its work of this module in Pamong (see AdoptionMeasure), read through platform/modules/tiles.ts. */
  adoption?: AdoptionMeasure[];
  /** Figures other modules may take as their records (see ModuleMeasure), read through platform/modules/measures.ts. */
  measures?: ModuleMeasure[];
  /** Configuration it lets regions share in the Living Lab (see PackageKind), read through platform/modules/packages.ts. */
  packages?: PackageKind[];
  /** The region's letter numbering and register for letters other modules produce (see LetterBook), read through platform/modules/letters.ts. */
  letterBook?: LetterBook;
  isolation?: IsolationFixtures;
  /**
   * The document a verification token (the QR code on a PDF it issued) stands
   * for, or null when the token is not one of its documents: the platform's
   * public `GET /api/verify/:token` asks every module in turn (modules/verify.ts).
   */
  verifyDocument?(db: Queryable, token: string): Promise<DocumentVerification | null>;
  /** Words for each audit action the module records ('category.update' → "Mengubah kategori"); declare the keys in ModuleAuditActions. */
  auditActions?: Record<string, Words>;
  /** Words for an audit entry's record, e.g. a complaint's tracking code, read for a page of entries at once. */
  auditLabels?: { entity: string; labels(db: Db, regionCode: string, ids: string[]): Promise<Map<string, string>>; find(db: Db, regionCode: string, text: string): Promise<string[]> };
}

/** Identity function that checks a module's shape where it is written. */
export const defineModule = <M extends PamongModule>(module: M): M => module;
