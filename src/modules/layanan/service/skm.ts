// The satisfaction survey (SKM) as staff run it: counter staff and service
// managers enter paper forms for their unit's services and the number of
// people a service served in a period; every reader sees the index per
// service, unit and period with the sample it needs; anyone sees the
// published services' index. One transaction per write, audited inside it;
// every figure comes from domain/skm.ts.
import { and, asc, eq, gt, gte, inArray, lt } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { staleRead } from '../../../platform/db/replica.js';
import { num } from '../../../platform/decimal.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';
import {
  formAnswersOf, formProblem, parsePeriod, requiredSample, skmIndex, storedAnswers,
  type AGE_BANDS, type EDUCATIONS, type FormAnswers, type GENDERS, type OCCUPATIONS, type Period, type SkmInstrument,
} from '../domain/skm.js';
import { layananServices, layananSkmPopulations, layananSkmResponses, layananStandardVersions } from '../schema.js';
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
export const localToday = (now: Date, region: { utcOffsetMinutes: number }) => localDateOf(now, calendarOf(region, []));

/** A service of the region that was published at least once (nobody used a draft), for a staff member whose unit role reaches its unit. */
async function surveyedService(db: Queryable, regionCode: string, actor: Actor, serviceId: string) {
  const [service] = await db.select({ id: layananServices.id, unitId: layananServices.unitId, slug: layananServices.slug, version: layananServices.version })
    .from(layananServices).where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.id, serviceId)));
  if (!service) throw new AppError('layanan.service_not_found');
  ensureReachesUnit(actor, regionCode, service.unitId, 'layanan.skm.enter');
  if (service.version === 0) throw new AppError('layanan.skm_never_published');
  return service;
}

/** Enters a paper form; refused whole (nothing saved) when an answer is outside 1–4, every answer is blank, or the date has not come yet. */
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

export async function enterSkmForm(ctx: AppContext, region: { code: string; utcOffsetMinutes: number }, actor: Actor, input: SkmFormInput): Promise<string> {
  const form = surveyForm(input);
  const now = ctx.clock.now();
  if (input.serviceDate > localToday(now, region)) throw new AppError('layanan.skm_future_date');
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

export function periodOrThrow(key: string): Period {
  const period = parsePeriod(key);
  if (!period) throw new AppError('layanan.skm_period_invalid', { value: key });
  return period;
}

// ---------------------------------------------------------------------------
// Results

/** A group's index with its sample: population null when not entered for every service in the group. */
function summary(instrument: SkmInstrument, forms: readonly FormAnswers[], population: number | null) {
  const r = skmIndex(instrument, forms);
  const required = population === null ? null : requiredSample(population);
  return {
    respondents: r.respondents,
    elements: r.elements.map((e) => ({ code: e.code, name: e.name, answered: e.answered, nrr: e.nrr && num(e.nrr) })),
    ikm: r.computable ? num(r.ikm) : null,
    converted: r.computable ? num(r.converted) : null,
    band: r.computable ? r.band : null,
    unanswered: r.computable ? [] : r.unanswered,
    population, requiredSample: required, sufficient: required === null ? null : r.respondents >= required,
  };
}

const sumAll = (values: (number | undefined)[]) => (values.length > 0 && values.every((v) => v !== undefined) ? values.reduce<number>((s, v) => s + v!, 0) : null);

/**
 * The index in a period: overall, per service and per unit, for the region or
 * one service or unit. Every service ever published is listed (0 respondents
 * included); a unit's or the whole's population is the sum of its services'
 * when every one of them has its population for this period.
 */
export async function skmResults(ctx: AppContext, regionCode: string, filter: { period: string; serviceId?: string; unitId?: string }) {
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
  const [responses, populations] = ids.length === 0 ? [[], []] : await Promise.all([
    db.select({ serviceId: layananSkmResponses.serviceId, unitId: layananSkmResponses.unitId, answers: layananSkmResponses.answers }).from(layananSkmResponses)
      .where(and(eq(layananSkmResponses.regionCode, regionCode), inArray(layananSkmResponses.serviceId, ids),
        gte(layananSkmResponses.serviceDate, period.from), lt(layananSkmResponses.serviceDate, period.until))),
    db.select({ serviceId: layananSkmPopulations.serviceId, population: layananSkmPopulations.population }).from(layananSkmPopulations)
      .where(and(eq(layananSkmPopulations.regionCode, regionCode), inArray(layananSkmPopulations.serviceId, ids), eq(layananSkmPopulations.period, period.key))),
  ]);
  const population = new Map(populations.map((p) => [p.serviceId, p.population]));
  const forms = responses.map((r) => ({ ...r, form: formAnswersOf(instrument, r.answers) }));
  const unitList = [...new Map(services.map((s) => [s.unit.id, s.unit])).values()];
  return {
    period: { key: period.key, kind: period.kind, from: period.from, until: period.until },
    instrument: { version: instrument.version, regulation: instrument.regulation },
    overall: summary(instrument, forms.map((f) => f.form), sumAll(services.map((s) => population.get(s.id)))),
    services: services.map((s) => ({
      service: { id: s.id, slug: s.slug, name: s.name }, unit: s.unit,
      ...summary(instrument, forms.filter((f) => f.serviceId === s.id).map((f) => f.form), population.get(s.id) ?? null),
    })),
    // By the unit that delivered the service when the form was entered.
    units: unitList.map((u) => ({
      unit: u,
      ...summary(instrument, forms.filter((f) => f.unitId === u.id).map((f) => f.form), sumAll(services.filter((s) => s.unit.id === u.id).map((s) => population.get(s.id)))),
    })),
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
