// Pins the 88/2021 worksheet as the module reads it (weights, counts, bands),
// the checks a framework version must pass, the scoring and the predicate at
// its band edges, and the single-source letter suggestion.
import { describe, expect, it } from 'vitest';
import { forDisplay } from './achievement.js';
import {
  frameworkProblems, LETTER_RULE_IN_NOTES, lkeFramework, lkeFrameworkFromSource, parseLkeFramework, predicateFor, scoreEvaluation,
  suggestLetterFromCriteria, type LkeFramework, type SubComponentLetters,
} from './evaluation.js';
import { readSakipReference, sakipReferenceFiles } from '../reference/read.js';

const lke = lkeFrameworkFromSource(readSakipReference(sakipReferenceFiles.lke));
const subCodes = lke.components.flatMap((c) => c.subComponents.map((s) => s.code));
const allLetters = (l: string): Record<string, string> => Object.fromEntries(subCodes.map((c) => [c, l]));
const clone = (): LkeFramework => structuredClone(lke);

describe('the 88/2021 worksheet from the reference data', () => {
  it('has 4 components, 12 sub-components and 80 criteria keyed 1.a.1 … 4.c.5', () => {
    expect(lke.components.map((c) => [c.code, c.weight, c.subComponents.reduce((n, s) => n + s.criteria.length, 0)])).toEqual([
      ['1', 30, 25], ['2', 30, 20], ['3', 15, 22], ['4', 25, 13],
    ]);
    expect(subCodes).toEqual(['1.a', '1.b', '1.c', '2.a', '2.b', '2.c', '3.a', '3.b', '3.c', '4.a', '4.b', '4.c']);
    const criteria = lke.components.flatMap((c) => c.subComponents.flatMap((s) => s.criteria.map((k) => k.code)));
    expect(criteria).toHaveLength(80);
    expect([criteria[0], criteria[79]]).toEqual(['1.a.1', '4.c.5']);
  });

  it('weights each component 20/30/50 % across pemenuhan, kualitas, pemanfaatan', () => {
    expect(lke.components.map((c) => c.subComponents.map((s) => [s.kind, s.weight]))).toEqual([
      [['pemenuhan', 6], ['kualitas', 9], ['pemanfaatan', 15]],
      [['pemenuhan', 6], ['kualitas', 9], ['pemanfaatan', 15]],
      [['pemenuhan', 3], ['kualitas', 4.5], ['pemanfaatan', 7.5]],
      [['pemenuhan', 5], ['kualitas', 7.5], ['pemanfaatan', 12.5]],
    ]);
    expect(frameworkProblems(lke)).toEqual([]);
  });

  it('reads the answer scheme and the bands, "> lower" exclusive except the lowest', () => {
    expect(lke.criterionAnswers).toEqual({ Y: 1, T: 0 });
    expect(lke.letters).toEqual([
      { letter: 'AA', share: 100 }, { letter: 'A', share: 90 }, { letter: 'BB', share: 80 }, { letter: 'B', share: 70 },
      { letter: 'CC', share: 60 }, { letter: 'C', share: 50 }, { letter: 'D', share: 30 }, { letter: 'E', share: 0 },
    ]);
    expect(lke.predicates.map((p) => `${p.minInclusive ? '[' : '('}${p.min}–${p.max}${p.maxInclusive ? ']' : ')'} ${p.code} ${p.label}`)).toEqual([
      '[0–30] D Sangat Kurang', '(30–50] C Kurang', '(50–60] CC Cukup (Memadai)', '(60–70] B Baik',
      '(70–80] BB Sangat Baik', '(80–90] A Memuaskan', '(90–100] AA Sangat Memuaskan',
    ]);
  });

  it("takes the letter rule from the data's notes, marked single-source", () => {
    const notes = (readSakipReference(sakipReferenceFiles.lke) as { notes: string }).notes;
    expect(notes).toContain(LETTER_RULE_IN_NOTES);
    expect(lke.letterSuggestion?.source).toMatch(/^Satu sumber .* single source/);
    const { notes: _, ...withoutNotes } = readSakipReference(sakipReferenceFiles.lke) as Record<string, unknown>;
    expect(lkeFrameworkFromSource({ ...withoutNotes, notes: 'no rule here' }).letterSuggestion).toBeNull();
  });
});

describe('scoring', () => {
  it.each([
    ['AA', '100', 'AA'], ['A', '90', 'A'], // exactly 90 is A, not AA
    ['BB', '80', 'BB'], ['B', '70', 'B'], ['CC', '60', 'CC'], ['C', '50', 'C'], ['D', '30', 'D'], ['E', '0', 'D'],
  ])('every sub-component %s → %s, predicate %s', (letter, total, predicate) => {
    const s = scoreEvaluation(lke, allLetters(letter));
    if (!s.ok) throw new Error('incomplete');
    expect(s.total.toString()).toBe(total);
    expect(s.published.toString()).toBe(total);
    expect(s.predicate.code).toBe(predicate);
  });

  it.each([
    // the seeds' own examples: A on weight 6 = 5.4, B on weight 15 = 10.5, AA on weight 6 = 6
    ['1.a', 'A', '5.4'], ['1.c', 'B', '10.5'], ['2.a', 'AA', '6'],
    ['3.b', 'A', '4.05'], ['3.b', 'D', '1.35'], ['3.c', 'B', '5.25'], ['4.c', 'CC', '7.5'], ['4.b', 'C', '3.75'], ['4.a', 'E', '0'],
  ])('sub-component %s with %s scores %s', (code, letter, score) => {
    const s = scoreEvaluation(lke, { ...allLetters('E'), [code]: letter });
    if (!s.ok) throw new Error('incomplete');
    const sub = s.components.flatMap((c) => c.subComponents).find((x) => x.code === code)!;
    expect(sub.score.toString()).toBe(score);
    expect(s.total.toString()).toBe(score);
  });

  it('sums sub-components into components and components into the total', () => {
    const letters = {
      '1.a': 'A', '1.b': 'BB', '1.c': 'B', // 5.4 + 7.2 + 10.5 = 23.1
      '2.a': 'AA', '2.b': 'B', '2.c': 'CC', // 6 + 6.3 + 9 = 21.3
      '3.a': 'A', '3.b': 'BB', '3.c': 'B', // 2.7 + 3.6 + 5.25 = 11.55
      '4.a': 'A', '4.b': 'B', '4.c': 'CC', // 4.5 + 5.25 + 7.5 = 17.25
    };
    const s = scoreEvaluation(lke, letters);
    if (!s.ok) throw new Error('incomplete');
    expect(s.components.map((c) => c.score.toString())).toEqual(['23.1', '21.3', '11.55', '17.25']);
    expect(s.total.toString()).toBe('73.2');
    expect(s.predicate).toEqual({ code: 'BB', label: 'Sangat Baik', min: 70, minInclusive: false, max: 80, maxInclusive: true });
  });

  it('lands near band edges from mixed letters: 80 is BB, 80.45 and 89.55 are A, 90.45 is AA', () => {
    // all BB = 80; one kualitas of Pelaporan (4.5) from BB to A adds 0.45
    expect(scoreEvaluation(lke, allLetters('BB'))).toMatchObject({ ok: true, predicate: { code: 'BB' } });
    const up = scoreEvaluation(lke, { ...allLetters('BB'), '3.b': 'A' });
    expect(up.ok && [up.total.toString(), up.predicate.code]).toEqual(['80.45', 'A']);
    const down = scoreEvaluation(lke, { ...allLetters('A'), '3.b': 'BB' }); // 90 − 0.45
    expect(down.ok && [down.total.toString(), down.predicate.code]).toEqual(['89.55', 'A']);
    const over = scoreEvaluation(lke, { ...allLetters('A'), '3.b': 'AA' }); // 90 + 0.45
    expect(over.ok && [over.total.toString(), over.predicate.code]).toEqual(['90.45', 'AA']);
  });

  it.each<[string, SubComponentLetters, string[], { subComponent: string; letter: string }[], string[]]>([
    ['nothing answered', {}, subCodes, [], []],
    ['one sub-component missing', { ...allLetters('A'), '4.c': undefined }, ['4.c'], [], []],
    ['one sub-component null', { ...allLetters('A'), '2.b': null }, ['2.b'], [], []],
    ['an unknown letter', { ...allLetters('A'), '1.a': 'F' }, [], [{ subComponent: '1.a', letter: 'F' }], []],
    ['a lower-case letter', { ...allLetters('A'), '3.c': 'aa' }, [], [{ subComponent: '3.c', letter: 'aa' }], []],
    ['a sub-component the version does not have', { ...allLetters('A'), '5.a': 'A' }, [], [], ['5.a']],
  ])('gives no score with %s, only what is missing', (_, letters, missing, invalidLetters, unknownSubComponents) => {
    expect(scoreEvaluation(lke, letters)).toEqual({ ok: false, missing, invalidLetters, unknownSubComponents });
  });

  it('ignores a blank answer for a sub-component the version does not have', () => {
    expect(scoreEvaluation(lke, { ...allLetters('AA'), '5.a': null }).ok).toBe(true);
  });
});

describe('predicates at their band edges (88/2021: "> lower – upper")', () => {
  it.each([
    ['100', 'AA'], ['90.01', 'AA'], ['90', 'A'], ['80.01', 'A'], ['80', 'BB'], ['70.01', 'BB'], ['70', 'B'], ['60.01', 'B'],
    ['60', 'CC'], ['50.01', 'CC'], ['50', 'C'], ['30.01', 'C'], ['30', 'D'], ['0', 'D'],
  ])('%s is %s', (value, code) => {
    expect(predicateFor(value, lke)?.code).toBe(code);
  });

  it.each([['100.01'], ['-0.01']])('%s is outside the scale', (value) => {
    expect(predicateFor(value, lke)).toBeNull();
  });
});

describe('a framework version must add up', () => {
  const weightOf = (doc: LkeFramework, code: string, weight: number) => {
    for (const c of doc.components) for (const s of c.subComponents) if (s.code === code) s.weight = weight;
    return doc;
  };

  it.each<[string, (doc: LkeFramework) => LkeFramework, string[]]>([
    ['a sub-component weight off by a hundredth', (d) => weightOf(d, '1.c', 14.99), ['component 1: sub-component weights sum to 29.99, not 30']],
    ['weights moved within a component', (d) => weightOf(weightOf(d, '3.b', 4.4), '3.c', 7.6), []],
    ['a component weight changed with its sub-components', (d) => {
      d.components[3].weight = 24;
      return weightOf(d, '4.c', 11.5);
    }, ['component weights sum to 99, not 100']],
    ['0.1 + 0.2 = 0.3 exactly', (d) => {
      d.components[3].weight = 24.7;
      weightOf(d, '4.c', 12.2);
      d.components.push({ code: '5', name: 'Uji', weight: 0.3, subComponents: [
        { code: '5.a', kind: 'pemenuhan', name: 'Uji a', weight: 0.1, criteria: [{ code: '5.a.1', text: 'x' }] },
        { code: '5.b', kind: 'kualitas', name: 'Uji b', weight: 0.2, criteria: [{ code: '5.b.1', text: 'y' }] },
      ] });
      return d;
    }, []],
    ['a sub-component under the wrong component', (d) => {
      d.components[0].subComponents[0].code = '2.z';
      return d;
    }, ['sub-component 2.z is not under component 1', 'criterion 1.a.1 is not under sub-component 2.z', 'criterion 1.a.2 is not under sub-component 2.z', 'criterion 1.a.3 is not under sub-component 2.z', 'criterion 1.a.4 is not under sub-component 2.z', 'criterion 1.a.5 is not under sub-component 2.z', 'criterion 1.a.6 is not under sub-component 2.z']],
    ['a criterion key used twice', (d) => {
      d.components[2].subComponents[1].criteria[1].code = '3.b.1';
      return d;
    }, ['duplicate code 3.b.1']],
    ['AA from 90 inclusive as well as A up to 90 inclusive', (d) => {
      d.predicates[6].minInclusive = true;
      return d;
    }, ['predicate bands do not tile 0–100 without gap or overlap (gap_or_overlap)']],
    ['letters out of order', (d) => {
      [d.letters[0], d.letters[1]] = [d.letters[1], d.letters[0]];
      return d;
    }, ['letter shares must descend from the first letter to the last']],
    ['a suggestion rule naming a letter that does not exist', (d) => {
      d.letterSuggestion!.allMet.plain = 'XX';
      return d;
    }, ['the letter suggestion uses unknown letter XX']],
  ])('%s', (_, mutate, expected) => {
    const doc = mutate(clone());
    expect(frameworkProblems(doc).map((p) => p.message.en)).toEqual(expected);
    const parsed = lkeFramework.safeParse(doc);
    expect(parsed.success).toBe(expected.length === 0);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.message)).toEqual(expected);
  });

  it('refuses a weight with more than four decimals and a non-positive weight', () => {
    expect(() => parseLkeFramework(weightOf(clone(), '1.a', 6.00001))).toThrow();
    expect(() => parseLkeFramework(weightOf(clone(), '1.a', 0))).toThrow();
  });

  it('gives Indonesian words too', () => {
    expect(frameworkProblems(weightOf(clone(), '1.c', 14.99))[0].message.id).toBe('komponen 1: bobot sub-komponen berjumlah 29.99, bukan 30');
  });
});

describe('suggesting a sub-component letter from its criteria (single source, a suggestion only)', () => {
  const answers = (sub: string, yes: number) => {
    const criteria = lke.components.flatMap((c) => c.subComponents).find((s) => s.code === sub)!.criteria;
    return Object.fromEntries(criteria.map((k, i) => [k.code, i < yes ? 'Y' : 'T']));
  };

  it.each<[string, number, { innovative?: boolean; extraEffort?: boolean }, string, string]>([
    ['3.a', 6, {}, 'BB', '100.00'],
    ['3.a', 6, { innovative: true }, 'AA', '100.00'],
    ['3.a', 6, { extraEffort: true }, 'A', '100.00'],
    ['3.a', 6, { innovative: true, extraEffort: true }, 'AA', '100.00'],
    ['3.a', 5, {}, 'B', '83.33'],
    ['3.a', 5, { innovative: true }, 'B', '83.33'], // judgement counts only with every criterion met
    ['3.a', 4, {}, 'CC', '66.67'],
    ['3.a', 3, {}, 'C', '50.00'], // exactly 50 is not "> 50"
    ['3.a', 2, {}, 'C', '33.33'],
    ['3.a', 1, {}, 'D', '16.67'],
    ['3.a', 0, {}, 'E', '0.00'],
    ['1.c', 7, {}, 'B', '87.50'],
    ['1.c', 6, {}, 'CC', '75.00'], // exactly 75 is not "> 75"
    ['1.c', 2, {}, 'D', '25.00'], // exactly 25 is not "> 25"
    ['4.a', 2, {}, 'CC', '66.67'],
    ['4.a', 1, {}, 'C', '33.33'],
  ])('%s with %i criteria met %j → %s (share %s)', (sub, yes, judgement, letter, share) => {
    const r = suggestLetterFromCriteria(lke, sub, answers(sub, yes), judgement);
    if (!r.ok) throw new Error(r.reason);
    expect(r.suggestion).toBe(letter);
    expect(forDisplay(r.share)).toBe(share);
    expect(r.met).toBe(yes);
    expect(r.source).toContain('single source');
  });

  it('waits for every criterion of the sub-component', () => {
    const partial = { ...answers('4.a', 3), '4.a.2': null, '4.a.3': 'X' };
    expect(suggestLetterFromCriteria(lke, '4.a', partial)).toEqual({ ok: false, reason: 'criteria_unanswered', unanswered: ['4.a.2', '4.a.3'] });
  });

  it('suggests nothing without a rule or for an unknown sub-component', () => {
    expect(suggestLetterFromCriteria({ ...lke, letterSuggestion: null }, '3.a', answers('3.a', 6))).toEqual({ ok: false, reason: 'no_rule' });
    expect(suggestLetterFromCriteria(lke, '9.z', {})).toEqual({ ok: false, reason: 'unknown_sub_component' });
  });
});
