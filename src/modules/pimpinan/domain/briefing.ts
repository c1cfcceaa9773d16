// The leader's page as a one- or two-page PDF for a leadership meeting
// (pdfkit, A4, the platform's fonts): what waits on the reader, then each
// module's figures with their value, goal, how they are computed and as of
// when, in the reader's language and the region's local time.
import { a4Pdf } from '../../../platform/fonts.js';
import type { Words } from '../../../platform/errors.js';
import type { Locale } from '../../../platform/i18n.js';

export interface BriefingInput {
  regionName: string;
  utcOffsetMinutes: number;
  timezoneLabel: string;
  generatedAt: Date;
  attention: { sourceTitle: Words; title: Words; due: Date | null }[];
  modules: { title: Words; tiles: { title: Words; method: Words; value: number | null; unit: Words | null; tone: 'good' | 'watch' | 'bad' | null; asOf: Date; failed: boolean }[] }[];
}

const MARGIN = 48;
const ATTENTION_LINES = 8;
const words = {
  title: { id: 'Ringkasan untuk rapat pimpinan', en: 'Briefing for the leadership meeting' },
  computed: { id: 'Dihitung dari catatan Pamong pada', en: 'Computed from Pamong\'s records on' },
  attention: { id: 'Yang menunggu keputusan', en: 'Waiting for a decision' },
  none: { id: 'Tidak ada.', en: 'Nothing.' },
  more: { id: 'dan {n} lainnya di Pamong', en: 'and {n} more in Pamong' },
  due: { id: 'tenggat', en: 'due' },
  noValue: { id: 'belum ada data', en: 'no data yet' },
  failed: { id: 'tidak dapat dihitung saat ini', en: 'cannot be computed right now' },
  asOf: { id: 'per', en: 'as of' },
  tone: { good: { id: 'sesuai sasaran', en: 'on target' }, watch: { id: 'perlu perhatian', en: 'needs watching' }, bad: { id: 'di bawah sasaran', en: 'off target' } },
};

export function briefingPdf(b: BriefingInput, locale: Locale): Promise<Buffer> {
  const w = (x: Words) => x[locale];
  const tag = locale === 'en' ? 'en-GB' : 'id-ID';
  const shift = (at: Date) => new Date(at.getTime() + b.utcOffsetMinutes * 60_000);
  const dateTime = (at: Date) => `${new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(shift(at))} ${b.timezoneLabel}`;
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const { doc, done } = a4Pdf({ Title: `${w(words.title)}: ${b.regionName}`, Author: b.regionName }, MARGIN);
  const width = doc.page.width - MARGIN * 2;
  const room = (h: number) => { if (doc.y > doc.page.height - MARGIN - h) doc.addPage(); };

  doc.font('bold').fontSize(15).text(`${w(words.title)}: ${b.regionName}`, { width });
  doc.font('regular').fontSize(9).fillColor('#52606d').text(`${w(words.computed)} ${dateTime(b.generatedAt)}`, { width }).fillColor('black').moveDown(0.8);

  doc.font('bold').fontSize(12).text(w(words.attention), { width }).moveDown(0.2);
  doc.font('regular').fontSize(9.5);
  if (!b.attention.length) doc.text(w(words.none), { width });
  for (const a of b.attention.slice(0, ATTENTION_LINES)) {
    room(14);
    doc.text(`• [${w(a.sourceTitle)}] ${w(a.title)}${a.due ? ` (${w(words.due)} ${dateTime(a.due)})` : ''}`, { width });
  }
  if (b.attention.length > ATTENTION_LINES) doc.text(w(words.more).replace('{n}', String(b.attention.length - ATTENTION_LINES)), { width });
  doc.moveDown(0.6);

  for (const m of b.modules) {
    room(60);
    doc.font('bold').fontSize(12).text(w(m.title), { width }).moveDown(0.2);
    for (const t of m.tiles) {
      room(40);
      const value = t.failed ? w(words.failed) : t.value === null ? w(words.noValue) : `${number.format(t.value)}${t.unit ? ` ${w(t.unit)}` : ''}`;
      doc.font('bold').fontSize(10).text(`${w(t.title)}: `, { width, continued: true }).font('regular').text(`${value}${t.tone ? ` (${w(words.tone[t.tone])})` : ''}`);
      doc.fontSize(8).fillColor('#52606d').text(`${w(t.method)} ${w(words.asOf)} ${dateTime(t.asOf)}.`, { width }).fillColor('black').moveDown(0.35);
    }
    doc.moveDown(0.3);
  }
  doc.end();
  return done;
}
