// The web app's messages: placeholders, and plural forms by the language's rules.
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../web/src/i18n/message.js';
import { en } from '../../web/src/i18n/en.js';
import { staffTexts } from '../../web/src/i18n/staff.js';
import { citizenEn } from '../../web/src/modules/complaints/messages/citizen.en.js';
import { texts as complaintsTexts } from '../../web/src/modules/complaints/messages/staff.js';
import { texts as spbeTexts } from '../../web/src/modules/spbe/messages.js';

describe('messages', () => {
  const questions = '{n, plural, one {# question} other {# questions}}';

  it('chooses the plural form by the language\'s rules, exact numbers first', () => {
    expect(formatMessage(questions, { n: 1 }, 'en')).toBe('1 question');
    expect(formatMessage(questions, { n: 0 }, 'en')).toBe('0 questions');
    expect(formatMessage(questions, { n: 12 }, 'en')).toBe('12 questions');
    expect(formatMessage('{n, plural, =0 {no reports} one {# report} other {# reports}} in {region}', { n: 0, region: 'Sumedang' }, 'en')).toBe('no reports in Sumedang');
    // Indonesian has one form: "other".
    expect(formatMessage('{n, plural, other {# pertanyaan}}', { n: 1 }, 'id')).toBe('1 pertanyaan');
  });

  it('fills plain placeholders and leaves unknown ones empty', () => {
    expect(formatMessage('{role} setelah {n} jam', { role: 'Koordinator', n: 4 }, 'id')).toBe('Koordinator setelah 4 jam');
    expect(formatMessage('Halo {name}', {}, 'id')).toBe('Halo ');
  });

  it('every plural message in the dictionaries is well formed and has an "other" form', () => {
    const plurals = [en, citizenEn, staffTexts.en, staffTexts.id, complaintsTexts.en, complaintsTexts.id, spbeTexts.en, spbeTexts.id].flatMap((d) => Object.entries(d)).filter(([, m]) => m.includes(', plural,'));
    expect(plurals.length).toBeGreaterThan(5);
    for (const [key, m] of plurals) {
      expect(m, key).toMatch(/other \{/);
      expect(formatMessage(m, { n: 2, level: 1, status: 's', role: 'r' }, 'en'), key).not.toContain('plural');
    }
  });
});
