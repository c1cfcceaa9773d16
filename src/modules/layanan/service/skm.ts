// The satisfaction survey (SKM) as staff run it: counter staff and service
// managers enter paper forms for their unit's services and the number of
// people a service served in a period; every reader sees the index per
// service, unit and period with the sample it needs; anyone sees the
// published services' index. One transaction per write, audited inside it;
// every figure comes from domain/skm.ts. Paper forms can be corrected or
// deleted (with a reason) by the staff who may enter them; an applicant's
// online answer cannot. A service's population is the one staff entered,
// else the count of its applications finished in the period.
import { and, asc, count, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { staleRead } from '../../../platform/db/replica.js';
import { num } from '../../../platform/decimal.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import { localDateOf, startOfLocalDate } from '../../../platform/calendar/calendar.js';
import { rolesWith, unitsReached, type Actor } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';
import { servedStatuses } from '../domain/journey.js';
import {
  formAnswersOf, formProblem, parsePeriod, requiredSample, skmIndex, skmIndexOfTotals, storedAnswers,
  type AGE_BANDS, type EDUCATIONS, type FormAnswers, type GENDERS, type OCCUPATIONS, type Period, type SkmInstrument,
} from '../domain/skm.js';
import { layananApplications, layananServices, layananSkmPopulations, layananSkmResponses, layananStandardVersions } from '../schema.js';
import { actorLabel, ensureReachesUnit, unitIn } from './access.js';
import { inForce, ownUnit, published } from './public.js';
import { currentSkmInstrument, CURRENT_SKM_INSTRUMENT } from './skm-instrument.js';

export interface SkmFormInput {
  serviceId: string;
  /** The local date the respondent received the service, YYYY-MM-DD. */
  serviceDate: string;
  /** By element code of the current instrument: 1–4, or null where left blank. */
  answers: Record<string, number | null>;
  gender?: (typeof GENDERS)[number] | null;
  ageBand?: (typeof AGE_BANDS)[number] | null;
  education?: (typeof EDUCATIONS)[number] | null;
  occupation?: (typeof OCCUPATIONS)[number] | null;
}

/** The region's date now, YYYY-MM-DD (its calendar's holidays do not matter to a date). */
export const localToday = (now: Date, region: { utcOffsetMinutes: number }) => localDateOf(now, region);

/** A service of the region that was published at least once (nobody used a draft), for a staff member whose unit role reaches its unit. */
async function surveyedService(db: Queryable, regionCode: string, actor: Actor, serviceId: string) {
  const [service] = await db.select({ id: layananServices.id, unitId: layananServices.unitId, slug: layananServices.slug, version: layananServices.version })
    .from(layananServices).where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.id, serviceId)));
  if (!service) throw new AppError('layanan.service_not_found');
  ensureReachesUnit(actor, regionCode, service.unitId, 'layanan.skm.enter');
  if (service.version === 0) throw new AppError('layanan.skm_never_published');
  return service;
}

/** A form's answers in the current instrument's order, refused whole when one is outside 1–4 or all are blank; with the respondent's profile. */
export function surveyForm(input: Pick<SkmFormInput, 'answers' | 'gender' | 'ageBand' | 'education' | 'occupation'>) {
  const instrument = currentSkmInstrument();
  const answers: FormAnswers = instrument.elements.map((e) => input.answers[e.code] ?? null);
  const problem = formProblem(answers);
  if (problem?.code === 'out_of_range') throw new AppError('layanan.skm_answer_out_of_range', { elements: problem.elements.map((i) => instrument.elements[i].code) });
  if (problem?.code === 'empty') throw new AppError('layanan.skm_form_empty');
  return {
    instrumentVersion: instrument.version, answers: storedAnswers(instrument, answers),
    gender: input.gender ?? null, ageBand: input.ageBand ?? null, education: input.education ?? null, occupation: input.occupation ?? null,
  };
}

type RegionClock = { code: string; utcOffsetMinutes: number };

/** A paper form's answers and profile, checked as entering checks them (the date not in the future). */
function paperForm(ctx: AppContext, region: RegionClock, input: Omit<SkmFormInput, 'serviceId'>) {
  const form = surveyForm(input);
  if (input.serviceDate > localToday(ctx.clock.now(), region)) throw new AppError('layanan.skm_future_date');
  return form;
}

/** Enters a paper form; refused whole (nothing saved) when an answer is outside 1–4, every answer is blank, or the date has not come yet. */
export async function enterSkmForm(ctx: AppContext, region: RegionClock, actor: Actor, input: SkmFormInput): Promise<string> {
  const form = paperForm(ctx, region, input);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const service = await surveyedService(tx, region.code, actor, input.serviceId);
    const [row] = await tx.insert(layananSkmResponses).values({
      regionCode: region.code, serviceId: service.id, unitId: service.unitId, serviceDate: input.serviceDate, ...form,
      channel: 'paper', enteredAt: now, enteredBy: actor.userId, enteredByLabel: actorLabel(actor),
    }).returning({ id: layananSkmResponses.id });
    await audit(tx, now, actor, region.code, 'layanan.skm_response_enter', 'layanan_service', service.id, { slug: service.slug, serviceDate: input.serviceDate, channel: 'paper' });
    return row.id;
  });
}

/** Sets how many people a service served in a period (the sample size is computed from it). */
export async function setSkmPopulation(ctx: AppContext, regionCode: string, actor: Actor, input: { serviceId: string; period: string; population: number }): Promise<void> {
  const period = periodOrThrow(input.period);
  await ctx.database.db.transaction(async (tx) => {
    const service = await surveyedService(tx, regionCode, actor, input.serviceId);
    const now = ctx.clock.now();
    const set = { population: input.population, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor) };
    await tx.insert(layananSkmPopulations).values({ regionCode, serviceId: service.id, period: period.key, ...set })
      .onConflictDoUpdate({ target: [layananSkmPopulations.regionCode, layananSkmPopulations.serviceId, layananSkmPopulations.period], set });
    await audit(tx, now, actor, regionCode, 'layanan.skm_population_set', 'layanan_service', service.id, { slug: service.slug, period: period.key, population: input.population });
  });
}

// ---------------------------------------------------------------------------
// Paper forms: list, correct, delete

const r = layananSkmResponses;
const formColumns = {
  id: r.id, serviceId: r.serviceId, unitId: r.unitId, serviceDate: r.serviceDate, instrumentVersion: r.instrumentVersion, answers: r.answers,
  gender: r.gender, ageBand: r.ageBand, education: r.education, occupation: r.occupation, channel: r.channel,
  enteredAt: r.enteredAt, enteredByLabel: r.enteredByLabel, correctedAt: r.correctedAt, correctedByLabel: r.correctedByLabel,
};
type FormRow = Pick<typeof r.$inferSelect, keyof typeof formColumns>;
type ServiceName = { slug: string; name: string };

/** A stored form as staff read it: answers by element code, as entered. */
const formView = (row: FormRow, service: ServiceName | undefined) => ({
  id: row.id, service: { id: row.serviceId, slug: service?.slug ?? '', name: service?.name ?? '' }, unitId: row.unitId, serviceDate: row.serviceDate,
  instrumentVersion: row.instrumentVersion, answers: Object.fromEntries(row.answers.map((a) => [a.code, a.value])),
  gender: row.gender, ageBand: row.ageBand, education: row.education, occupation: row.occupation,
  enteredAt: row.enteredAt, enteredBy: row.enteredByLabel, correctedAt: row.correctedAt, correctedBy: row.correctedByLabel,
});
const serviceNames = (db: Queryable, regionCode: string, ids: string[]) => (ids.length === 0 ? Promise.resolve([])
  : db.select({ id: layananServices.id, slug: layananServices.slug, name: layananServices.name }).from(layananServices)
    .where(and(eq(layananServices.regionCode, regionCode), inArray(layananServices.id, ids))));

/**
 * The paper forms entered, newest entry first, for the units the actor enters
 * forms for (region-wide staff: every unit), by service and period.
 */
export async function listSkmForms(ctx: AppContext, regionCode: string, actor: Actor, opts: { serviceId?: string; period?: string; limit: number; offset: number }) {
  const period = opts.period ? periodOrThrow(opts.period) : null;
  const reach = unitsReached(actor, regionCode, new Set(rolesWith('layanan.skm.enter')));
  if (reach !== null && reach.size === 0) return { total: 0, items: [] };
  const db = ctx.database.db;
  const where = and(
    eq(r.regionCode, regionCode), eq(r.channel, 'paper'),
    reach === null ? undefined : inArray(r.unitId, [...reach]),
    opts.serviceId ? eq(r.serviceId, opts.serviceId) : undefined,
    period ? and(gte(r.serviceDate, period.from), lt(r.serviceDate, period.until)) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(r).where(where);
  const rows = await db.select(formColumns).from(r).where(where).orderBy(desc(r.enteredAt), desc(r.id)).limit(opts.limit).offset(opts.offset);
  const services = await serviceNames(db, regionCode, [...new Set(rows.map((x) => x.serviceId))]);
  const byId = new Map(services.map((x) => [x.id, x]));
  return { total, items: rows.map((x) => formView(x, byId.get(x.serviceId))) };
}

/** A paper form of the region, locked for a correction or deletion by staff who reach the unit that delivered the service; an applicant's answer is refused. */
async function paperFormFor(tx: Queryable, regionCode: string, actor: Actor, id: string) {
  const [row] = await tx.select(formColumns).from(r).where(and(eq(r.regionCode, regionCode), eq(r.id, id))).for('update');
  if (!row) throw new AppError('layanan.skm_form_not_found');
  ensureReachesUnit(actor, regionCode, row.unitId, 'layanan.skm.enter');
  if (row.channel !== 'paper') throw new AppError('layanan.skm_online_answer');
  const [service] = await serviceNames(tx, regionCode, [row.serviceId]);
  return { row, service, slug: service?.slug ?? '' };
}

/** What the audit log keeps of a form: enough to put it back by hand. */
const auditedForm = (row: Pick<FormRow, 'serviceDate' | 'answers' | 'gender' | 'ageBand' | 'education' | 'occupation'>) => ({
  serviceDate: row.serviceDate, answers: Object.fromEntries(row.answers.map((a) => [a.code, a.value])),
  gender: row.gender, ageBand: row.ageBand, education: row.education, occupation: row.occupation,
});

/** Corrects a paper form's date, answers and profile, checked as entering checks them; the form before and after go to the audit log. */
export async function correctSkmForm(ctx: AppContext, region: RegionClock, actor: Actor, id: string, input: Omit<SkmFormInput, 'serviceId'>) {
  const form = paperForm(ctx, region, input);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { row, service, slug } = await paperFormFor(tx, region.code, actor, id);
    const set = { serviceDate: input.serviceDate, ...form, correctedAt: now, correctedBy: actor.userId, correctedByLabel: actorLabel(actor) };
    const [after] = await tx.update(r).set(set).where(and(eq(r.regionCode, region.code), eq(r.id, id))).returning(formColumns);
    await audit(tx, now, actor, region.code, 'layanan.skm_response_correct', 'layanan_skm_response', id, { slug, before: auditedForm(row), after: auditedForm(after) });
    return formView(after, service);
  });
}

/** Deletes a paper form with the reason; the audit log keeps the form and the reason. */
export async function deleteSkmForm(ctx: AppContext, regionCode: string, actor: Actor, id: string, reason: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const { row, slug } = await paperFormFor(tx, regionCode, actor, id);
    await tx.delete(r).where(and(eq(r.regionCode, regionCode), eq(r.id, id)));
    await audit(tx, now, actor, regionCode, 'layanan.skm_response_delete', 'layanan_skm_response', id, {
      slug, reason, form: auditedForm(row), enteredAt: row.enteredAt.toISOString(), enteredBy: row.enteredByLabel,
    });
  });
}

export function periodOrThrow(key: string): Period {
  const period = parsePeriod(key);
  if (!period) throw new AppError('layanan.skm_period_invalid', { value: key });
  return period;
}

// ---------------------------------------------------------------------------
// Results

/** Where a population came from: entered by staff, counted from the service's applications, or (a unit, the whole) both. */
export type PopulationSource = 'entered' | 'applications' | 'mixed';
interface Population { population: number; source: PopulationSource }

/** A group's index with its sample: population null when not known for every service in the group. */
function summary(instrument: SkmInstrument, forms: readonly FormAnswers[], population: Population | null) {
  const r = skmIndex(instrument, forms);
  const required = population === null ? null : requiredSample(population.population);
  return {
    respondents: r.respondents,
    elements: r.elements.map((e) => ({ code: e.code, name: e.name, answered: e.answered, nrr: e.nrr && num(e.nrr) })),
    ikm: r.computable ? num(r.ikm) : null,
    converted: r.computable ? num(r.converted) : null,
    band: r.computable ? r.band : null,
    unanswered: r.computable ? [] : r.unanswered,
    population: population?.population ?? null, populationSource: population?.source ?? null,
    requiredSample: required, sufficient: required === null ? null : r.respondents >= required,
  };
}

/** A group's population: the sum of its services' when every one has one, from one source or `mixed`. */
function sumAll(values: (Population | null)[]): Population | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const known = values as Population[];
  const sources = new Set(known.map((v) => v.source));
  return { population: known.reduce((s, v) => s + v.population, 0), source: sources.size === 1 ? known[0].source : 'mixed' };
}

/**
 * Each service's population in a period: the one staff entered, else the
 * number of its applications served (finished or refused, domain/journey.ts
 * servedStatuses) whose finishing falls in the period on the region's local
 * dates. No entered figure and no served application: unknown (null), not 0,
 * since a service handled at the counter outside Pamong has no applications here.
 */
async function populations(db: Queryable, region: RegionClock, period: Period, ids: string[]): Promise<Map<string, Population>> {
  const a = layananApplications;
  const [entered, served] = await Promise.all([
    db.select({ serviceId: layananSkmPopulations.serviceId, population: layananSkmPopulations.population }).from(layananSkmPopulations)
      .where(and(eq(layananSkmPopulations.regionCode, region.code), inArray(layananSkmPopulations.serviceId, ids), eq(layananSkmPopulations.period, period.key))),
    db.select({ serviceId: a.serviceId, population: count() }).from(a)
      .where(and(eq(a.regionCode, region.code), inArray(a.serviceId, ids), inArray(a.status, [...servedStatuses]),
        gte(a.finishedAt, startOfLocalDate(period.from, region)), lt(a.finishedAt, startOfLocalDate(period.until, region))))
      .groupBy(a.serviceId),
  ]);
  const out = new Map<string, Population>(served.filter((x) => x.population > 0).map((x) => [x.serviceId, { population: x.population, source: 'applications' }]));
  for (const x of entered) out.set(x.serviceId, { population: x.population, source: 'entered' });
  return out;
}

/**
 * The index in a period: overall, per service and per unit, for the region or
 * one service or unit. Every service ever published is listed (0 respondents
 * included); a unit's or the whole's population is the sum of its services'
 * when every one of them has its population for this period.
 */
export async function skmResults(ctx: AppContext, region: RegionClock, filter: { period: string; serviceId?: string; unitId?: string }) {
  const regionCode = region.code;
  const period = periodOrThrow(filter.period);
  const instrument = currentSkmInstrument();
  const db = ctx.database.db;
  if (filter.unitId) await unitIn(db, regionCode, filter.unitId);
  const services = await db.select({ id: layananServices.id, slug: layananServices.slug, name: layananServices.name, unit: { id: units.id, code: units.code, name: units.name } })
    .from(layananServices).innerJoin(units, and(eq(units.regionCode, layananServices.regionCode), eq(units.id, layananServices.unitId)))
    .where(and(eq(layananServices.regionCode, regionCode), gt(layananServices.version, 0),
      filter.serviceId ? eq(layananServices.id, filter.serviceId) : undefined, filter.unitId ? eq(layananServices.unitId, filter.unitId) : undefined))
    .orderBy(asc(layananServices.name));
  if (filter.serviceId && services.length === 0) throw new AppError('layanan.service_not_found');
  const ids = services.map((s) => s.id);
  const [responses, population] = ids.length === 0 ? [[], new Map<string, Population>()] : await Promise.all([
    db.select({ serviceId: layananSkmResponses.serviceId, unitId: layananSkmResponses.unitId, answers: layananSkmResponses.answers }).from(layananSkmResponses)
      .where(and(eq(layananSkmResponses.regionCode, regionCode), inArray(layananSkmResponses.serviceId, ids),
        gte(layananSkmResponses.serviceDate, period.from), lt(layananSkmResponses.serviceDate, period.until))),
    populations(db, region, period, ids),
  ]);
  const of = (id: string) => population.get(id) ?? null;
  const forms = responses.map((x) => ({ ...x, form: formAnswersOf(instrument, x.answers) }));
  const unitList = [...new Map(services.map((s) => [s.unit.id, s.unit])).values()];
  return {
    period: { key: period.key, kind: period.kind, from: period.from, until: period.until },
    instrument: { version: instrument.version, regulation: instrument.regulation },
    overall: summary(instrument, forms.map((f) => f.form), sumAll(services.map((s) => of(s.id)))),
    services: services.map((s) => ({
      service: { id: s.id, slug: s.slug, name: s.name }, unit: s.unit,
      ...summary(instrument, forms.filter((f) => f.serviceId === s.id).map((f) => f.form), of(s.id)),
    })),
    // By the unit that delivered the service when the form was entered.
    units: unitList.map((u) => ({
      unit: u,
      ...summary(instrument, forms.filter((f) => f.unitId === u.id).map((f) => f.form), sumAll(services.filter((s) => s.unit.id === u.id).map((s) => of(s.id)))),
    })),
  };
}

export type SkmResults = Awaited<ReturnType<typeof skmResults>>;

/**
 * The region's overall index in a period (skmResults' `overall` without the
 * population), summed in the database: the number of forms and, per element
 * name, how many answered it and the sum of the answers, instead of every
 * form's answers brought into Node (the dashboard's tile and the e-SAKIP
 * measure read it for a whole year). The same forms as skmResults: those of
 * the region's services published at least once.
 */
export async function skmOverall(ctx: AppContext, regionCode: string, periodKey: string) {
  const period = periodOrThrow(periodKey);
  const instrument = currentSkmInstrument();
  const rows = await ctx.database.rows<{ name: string | null; answered: number; sum: string | number }>(sql`
    with forms as (
      select r.answers from layanan_skm_responses r
      join layanan_services s on s.region_code = r.region_code and s.id = r.service_id
      where r.region_code = ${regionCode} and s.version > 0 and r.service_date >= ${period.from}::date and r.service_date < ${period.until}::date
    )
    select null::text as name, count(*)::int as answered, 0::bigint as sum from forms
    union all
    select a->>'name', count(*)::int, sum((a->>'value')::int)::bigint
    from forms cross join lateral jsonb_array_elements(forms.answers) a
    where jsonb_typeof(a->'value') = 'number'
    group by a->>'name'`);
  const byName = new Map(rows.filter((r) => r.name !== null).map((r) => [r.name!, { answered: r.answered, sum: Number(r.sum) }]));
  const respondents = rows.find((r) => r.name === null)?.answered ?? 0;
  const r = skmIndexOfTotals(instrument, respondents, instrument.elements.map((e) => byName.get(e.name) ?? { answered: 0, sum: 0 }));
  return {
    respondents: r.respondents,
    elements: r.elements.map((e) => ({ code: e.code, name: e.name, answered: e.answered, nrr: e.nrr && num(e.nrr) })),
    converted: r.computable ? num(r.converted) : null,
    band: r.computable ? r.band : null,
  };
}

/** The public page: the published services' index, band and respondents in a period (nothing about who answered). May be a few seconds old. */
export function publicSkm(ctx: AppContext, regionCode: string, periodKey: string) {
  const period = periodOrThrow(periodKey);
  return staleRead(ctx, async (c) => {
    const instrument = currentSkmInstrument();
    const db = c.database.db;
    const services = await db.select({ id: layananServices.id, slug: layananServices.slug, name: layananStandardVersions.name, unit: { name: units.name } })
      .from(layananServices).innerJoin(layananStandardVersions, inForce).innerJoin(units, ownUnit)
      .where(published(regionCode)).orderBy(asc(layananStandardVersions.name));
    const responses = services.length === 0 ? [] : await db.select({ serviceId: layananSkmResponses.serviceId, answers: layananSkmResponses.answers }).from(layananSkmResponses)
      .where(and(eq(layananSkmResponses.regionCode, regionCode), inArray(layananSkmResponses.serviceId, services.map((s) => s.id)),
        gte(layananSkmResponses.serviceDate, period.from), lt(layananSkmResponses.serviceDate, period.until)));
    const indexOf = (rows: typeof responses) => {
      const r = skmIndex(instrument, rows.map((x) => formAnswersOf(instrument, x.answers)));
      return { respondents: r.respondents, converted: r.computable ? num(r.converted) : null, band: r.computable ? r.band : null };
    };
    return {
      period: { key: period.key, kind: period.kind, from: period.from, until: period.until },
      instrument: { version: instrument.version, regulation: instrument.regulation },
      overall: indexOf(responses),
      services: services.map((s) => ({ slug: s.slug, name: s.name, unit: s.unit, ...indexOf(responses.filter((r) => r.serviceId === s.id)) })),
    };
  });
}

/** The form staff fill: the current instrument's elements with their sample question and answer labels, the scale, the bands. */
export function skmInstrumentView() {
  const i = currentSkmInstrument();
  return {
    version: CURRENT_SKM_INSTRUMENT, regulation: i.regulation,
    elements: i.elements, scale: i.scale,
    bands: i.bands.map((b) => ({ grade: b.grade, performance: b.performance, min: num(b.min), max: num(b.max) })),
  };
}
