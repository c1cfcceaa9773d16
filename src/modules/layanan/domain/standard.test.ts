// The standard's rules without a database: the statutory default time limit,
// what must be filled before publishing, and when publishing makes a version.
import { describe, expect, it } from 'vitest';
import { COMPONENTS, emptyStandard, missingComponents, normaliseStandard, publication, standardSchema, type Standard } from './standard.js';

const complete = (): Standard => {
  const t = 'diisi';
  return { ...emptyStandard(), requirements: ['KTP-el'], procedure: t, product: t, complaints: t, legalBasis: t, facilities: t, competence: t, supervision: t,
    staffing: t, serviceGuarantee: t, safetyGuarantee: t, performanceEvaluation: t };
};

describe('service standard', () => {
  it('has 14 components, 6 for delivery and 8 for management, numbered in order', () => {
    expect(COMPONENTS.map((c) => c.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(COMPONENTS.filter((c) => c.group === 'delivery')).toHaveLength(6);
  });

  it('starts a new service at 5 working days and free of charge (UU 30/2014 art. 53)', () => {
    expect(emptyStandard()).toMatchObject({ timeLimitDays: 5, fee: 'free' });
  });

  it('names every empty component, and the cost when a tariff service has no tariff', () => {
    // The time limit has its default and a new service is free: the other 12 are still to write.
    expect(missingComponents(emptyStandard())).toEqual(COMPONENTS.map((c) => c.key).filter((k) => k !== 'timeLimit' && k !== 'cost'));
    expect(missingComponents(complete())).toEqual([]);
    expect(missingComponents({ ...complete(), fee: 'tariff', tariff: '' })).toEqual(['cost']);
    expect(missingComponents({ ...complete(), fee: 'tariff', tariff: 'Rp10.000' })).toEqual([]);
  });

  it('keeps the time limit within 1..365 working days and trims texts', () => {
    expect(standardSchema.safeParse({ ...complete(), timeLimitDays: 0 }).success).toBe(false);
    expect(standardSchema.safeParse({ ...complete(), timeLimitDays: 366 }).success).toBe(false);
    expect(standardSchema.safeParse({ ...complete(), timeLimitDays: 2.5 }).success).toBe(false);
    expect(standardSchema.parse({ ...complete(), product: '  SKTM  ' }).product).toBe('SKTM');
  });

  it('drops blank requirement lines and a free service\'s tariff text', () => {
    expect(normaliseStandard({ ...complete(), requirements: ['KTP-el', '', 'KK'], tariff: 'lupa dihapus' })).toMatchObject({ requirements: ['KTP-el', 'KK'], tariff: '' });
  });

  it('makes a new version for a change, republishes an unchanged archived service, and refuses an unchanged published one', () => {
    const v = { name: 'SKTM', summary: '', standard: complete() };
    expect(publication('draft', null, v)).toBe('new_version');
    expect(publication('published', v, { ...v, standard: { ...v.standard, timeLimitDays: 2 } })).toBe('new_version');
    expect(publication('published', v, { ...v, name: 'SKTM baru' })).toBe('new_version');
    // The same standard with its keys in another order is the same.
    const reordered = Object.fromEntries(Object.entries(v.standard).reverse()) as Standard;
    expect(publication('published', v, { ...v, standard: reordered })).toBe('unchanged');
    expect(publication('archived', v, v)).toBe('republish');
  });
});
