// The weekly digest without I/O: a person's day, the hour it may go, and the
// email itself (a text part and an HTML part, in the reader's language) from
// what the service read for that person. The HTML is Eta with escaping on:
// every figure and title passes through it, so a unit's name cannot write
// markup into a leader's mailbox.
import { Eta } from 'eta';
import type { Words } from '../../../platform/errors.js';
import type { Locale } from '../../../platform/i18n.js';

/** ISO weekday (1 = Monday) a digest goes on when the person has not chosen: the week's first working day. */
export const DEFAULT_DAY = 1;
/** Not before 06:00 local time: read over breakfast, never at midnight. */
export const SEND_FROM_HOUR = 6;
/** What waits on the reader, at most this many lines (the email links to the rest). */
export const ATTENTION_LINES = 10;
/** The leader's units that need help most, at most this many lines. */
export const UNIT_LINES = 5;

export interface LocalClock { date: string; weekday: number; hour: number }

/** The region's local date (YYYY-MM-DD), ISO weekday and hour at an instant. */
export function localClock(at: Date, utcOffsetMinutes: number): LocalClock {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  return { date: local.toISOString().slice(0, 10), weekday: local.getUTCDay() || 7, hour: local.getUTCHours() };
}

/** The day a person's digest goes on: their choice, the default without one, null when switched off. */
export const digestDay = (choice: { day: number | null } | undefined): number | null => (choice ? choice.day : DEFAULT_DAY);

export interface DigestFigure {
  group: Words;
  title: Words;
  value: number | null;
  unit: Words | null;
  tone: 'good' | 'watch' | 'bad' | null;
  asOf: Date;
  /** Absolute URL of the module's own view. */
  link: string;
  failed: boolean;
}

export interface DigestAttention { group: Words; title: Words; detail: Words | null; due: Date | null; link: string }

export interface DigestUnit { name: string; score: number | null; rank: number | null }

export interface Digest {
  regionName: string;
  utcOffsetMinutes: number;
  timezoneLabel: string;
  localDate: string;
  /** The head of region or a delegate (every figure, every unit); otherwise a unit head (their own). */
  leader: boolean;
  figures: DigestFigure[];
  attention: DigestAttention[];
  /** Sources of what waits that could not be read: the digest says the list may be missing some. */
  attentionUnread: Words[];
  attentionTotal: number;
  year: number;
  units: DigestUnit[];
  unitsRanked: number;
  /** Absolute URLs: the person's page in Pamong and where they change their digest. */
  pageUrl: string;
  settingsUrl: string;
}

const words = {
  subject: { id: 'Ringkasan mingguan', en: 'Weekly digest' },
  greeting: {
    id: 'Angka pekan ini dari Pamong, dibaca pada', en: 'This week\'s figures from Pamong, read on',
  },
  figures: { id: 'Angka', en: 'Figures' },
  noFigures: { id: 'Tidak ada angka yang boleh Anda lihat di daerah ini.', en: 'There are no figures you may see in this region.' },
  failed: { id: 'tidak dapat dibaca', en: 'could not be read' },
  none: { id: 'belum ada', en: 'none yet' },
  asOf: { id: 'per', en: 'as of' },
  attention: { id: 'Yang menunggu Anda', en: 'What waits on you' },
  noAttention: { id: 'Tidak ada yang menunggu Anda.', en: 'Nothing waits on you.' },
  more: { id: 'dan {n} lainnya di Pamong', en: 'and {n} more in Pamong' },
  unread: { id: 'Tidak dapat dibaca saat ini (daftar mungkin kurang):', en: 'Could not be read just now (the list may be missing some):' },
  due: { id: 'tenggat', en: 'due' },
  unitsLeader: { id: 'Unit yang paling perlu dibantu (adopsi digital {year})', en: 'Units that most need help (digital adoption {year})' },
  unitsOwn: { id: 'Adopsi digital unit Anda ({year})', en: 'Your unit\'s digital adoption ({year})' },
  noUnits: { id: 'Belum ada pekerjaan unit yang terukur tahun ini.', en: 'No unit work measured this year yet.' },
  rank: { id: 'peringkat {rank} dari {of}', en: 'rank {rank} of {of}' },
  open: { id: 'Buka di Pamong', en: 'Open in Pamong' },
  settings: {
    id: 'Anda menerima ringkasan ini setiap pekan. Ganti harinya atau hentikan di', en: 'You receive this digest every week. Change its day or stop it at',
  },
  tone: {
    good: { id: 'sesuai sasaran', en: 'on target' },
    watch: { id: 'perlu perhatian', en: 'needs watching' },
    bad: { id: 'jauh dari sasaran', en: 'off target' },
  },
} satisfies Record<string, Words | Record<string, Words>>;

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

/** What the text and HTML parts both show, in the reader's language: the templates only lay it out. */
function lines(d: Digest, locale: Locale) {
  const tag = locale === 'en' ? 'en-GB' : 'id-ID';
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const shift = (at: Date) => new Date(at.getTime() + d.utcOffsetMinutes * 60_000);
  const date = (at: Date) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(shift(at));
  const dateTime = (at: Date) => `${new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(shift(at))} ${d.timezoneLabel}`;
  const today = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d.localDate}T00:00:00Z`));
  const w = (x: Words) => x[locale];
  const groups: { title: string; figures: { title: string; value: string; tone: string | null; toneKey: string | null; asOf: string; link: string }[] }[] = [];
  for (const f of d.figures) {
    const group = w(f.group);
    const value = f.failed ? w(words.failed) : f.value === null ? w(words.none) : `${number.format(f.value)}${f.unit ? ` ${w(f.unit)}` : ''}`;
    const line = { title: w(f.title), value, tone: f.tone ? w(words.tone[f.tone]) : null, toneKey: f.tone, asOf: date(f.asOf), link: f.link };
    const last = groups.at(-1);
    if (last?.title === group) last.figures.push(line);
    else groups.push({ title: group, figures: [line] });
  }
  return {
    subject: `${w(words.subject)}: ${d.regionName}, ${today}`,
    heading: `${w(words.subject)} ${d.regionName}`,
    greeting: `${w(words.greeting)} ${today}.`,
    figuresTitle: w(words.figures),
    noFigures: w(words.noFigures),
    groups,
    attentionTitle: w(words.attention),
    noAttention: w(words.noAttention),
    attention: d.attention.map((a) => ({
      group: w(a.group), title: w(a.title), detail: a.detail ? w(a.detail) : null,
      due: a.due ? `${w(words.due)} ${dateTime(a.due)}` : null, link: a.link,
    })),
    unread: d.attentionUnread.length ? `${w(words.unread)} ${d.attentionUnread.map(w).join(', ')}` : null,
    more: d.attentionTotal > d.attention.length ? fill(w(words.more), { n: d.attentionTotal - d.attention.length }) : null,
    unitsTitle: fill(w(d.leader ? words.unitsLeader : words.unitsOwn), { year: d.year }),
    noUnits: w(words.noUnits),
    units: d.units.map((u) => ({
      name: u.name,
      score: u.score === null ? w(words.none) : `${number.format(u.score)}%`,
      rank: u.rank === null ? null : fill(w(words.rank), { rank: u.rank, of: d.unitsRanked }),
    })),
    open: w(words.open),
    pageUrl: d.pageUrl,
    settings: w(words.settings),
    settingsUrl: d.settingsUrl,
    asOf: w(words.asOf),
  };
}

const TEXT = `<%= it.heading %>
<%= it.greeting %>

== <%= it.figuresTitle %> ==
<% if (!it.groups.length) { %><%= it.noFigures %>
<% } %><% for (const g of it.groups) { %>
<%= g.title %>
<% for (const f of g.figures) { %>- <%= f.title %>: <%= f.value %><% if (f.tone) { %> (<%= f.tone %>)<% } %>, <%= it.asOf %> <%= f.asOf %>
  <%= f.link %>
<% } %><% } %>
== <%= it.attentionTitle %> ==
<% if (!it.attention.length) { %><%= it.noAttention %>
<% } %><% for (const a of it.attention) { %>- [<%= a.group %>] <%= a.title %><% if (a.detail) { %>: <%= a.detail %><% } %><% if (a.due) { %> (<%= a.due %>)<% } %>
  <%= a.link %>
<% } %><% if (it.more) { %>  <%= it.more %>
<% } %><% if (it.unread) { %><%= it.unread %>
<% } %>
== <%= it.unitsTitle %> ==
<% if (!it.units.length) { %><%= it.noUnits %>
<% } %><% for (const u of it.units) { %>- <%= u.name %>: <%= u.score %><% if (u.rank) { %>, <%= u.rank %><% } %>
<% } %>
<%= it.open %>: <%= it.pageUrl %>

--
<%= it.settings %> <%= it.settingsUrl %>
`;

const HTML = `<!doctype html>
<html lang="<%= it.lang %>"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title><%= it.subject %></title></head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;color:#1f2933;background:#ffffff;max-width:640px">
<h1 style="font-size:20px;margin:0 0 4px"><%= it.heading %></h1>
<p style="margin:0 0 16px;color:#52606d"><%= it.greeting %></p>
<h2 style="font-size:17px;border-bottom:2px solid #0b6e4f;padding-bottom:4px"><%= it.figuresTitle %></h2>
<% if (!it.groups.length) { %><p><%= it.noFigures %></p><% } %>
<% for (const g of it.groups) { %>
<h3 style="font-size:15px;margin:16px 0 4px"><%= g.title %></h3>
<table role="presentation" style="border-collapse:collapse;width:100%">
<% for (const f of g.figures) { %><tr>
<td style="padding:4px 8px 4px 0;vertical-align:top"><a href="<%= f.link %>" style="color:#0b6e4f"><%= f.title %></a><br><span style="font-size:12px;color:#52606d"><%= it.asOf %> <%= f.asOf %></span></td>
<td style="padding:4px 0;vertical-align:top;text-align:right;white-space:nowrap"><strong><%= f.value %></strong><% if (f.tone) { %><br><span style="font-size:12px;color:<%= it.toneColour[f.toneKey] %>"><%= f.tone %></span><% } %></td>
</tr><% } %>
</table>
<% } %>
<h2 style="font-size:17px;border-bottom:2px solid #0b6e4f;padding-bottom:4px"><%= it.attentionTitle %></h2>
<% if (!it.attention.length) { %><p><%= it.noAttention %></p><% } else { %><ul style="padding-left:20px">
<% for (const a of it.attention) { %><li style="margin-bottom:6px"><span style="color:#52606d"><%= a.group %>:</span> <a href="<%= a.link %>" style="color:#0b6e4f"><%= a.title %></a><% if (a.detail) { %>, <%= a.detail %><% } %><% if (a.due) { %> <strong>(<%= a.due %>)</strong><% } %></li>
<% } %></ul><% if (it.more) { %><p><%= it.more %></p><% } %><% } %>
<% if (it.unread) { %><p style="color:#8a5a00"><%= it.unread %></p><% } %>
<h2 style="font-size:17px;border-bottom:2px solid #0b6e4f;padding-bottom:4px"><%= it.unitsTitle %></h2>
<% if (!it.units.length) { %><p><%= it.noUnits %></p><% } else { %><table role="presentation" style="border-collapse:collapse;width:100%">
<% for (const u of it.units) { %><tr><td style="padding:4px 8px 4px 0"><%= u.name %></td><td style="padding:4px 0;text-align:right"><strong><%= u.score %></strong><% if (u.rank) { %><br><span style="font-size:12px;color:#52606d"><%= u.rank %></span><% } %></td></tr>
<% } %></table><% } %>
<p style="margin:24px 0"><a href="<%= it.pageUrl %>" style="background:#0b6e4f;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px"><%= it.open %></a></p>
<p style="font-size:12px;color:#52606d;border-top:1px solid #cbd2d9;padding-top:8px"><%= it.settings %> <a href="<%= it.settingsUrl %>" style="color:#0b6e4f"><%= it.settingsUrl %></a></p>
</body></html>
`;

const html = new Eta({ autoEscape: true, autoTrim: false });
const text = new Eta({ autoEscape: false, autoTrim: false });
const htmlTemplate = html.compile(HTML);
const textTemplate = text.compile(TEXT);
const toneColour = { good: '#0b6e4f', watch: '#8a5a00', bad: '#b42318' };

/** The digest's email for a reader of `locale`: subject, text part and HTML part. */
export function renderDigest(d: Digest, locale: Locale): { subject: string; text: string; html: string } {
  const it = { ...lines(d, locale), lang: locale, toneColour };
  return { subject: it.subject, text: text.render(textTemplate, it), html: html.render(htmlTemplate, it) };
}
