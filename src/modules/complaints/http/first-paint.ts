// The report form's first step, painted by the server (platform/http/first-paint.ts):
// on a slow phone the categories show as soon as the HTML arrives, one round
// trip before the app's script. It is a plain GET form: sent before the app
// has taken over, it names the category in the address and the app goes on
// from there. Its words are the app's own dictionaries, so the two never differ.
import type { AppContext } from '../../../platform/context.js';
import type { FirstPaint } from '../../../platform/modules/contract.js';
import { htmlTemplate } from '../../../platform/http/first-paint.js';
import type { Locale } from '../../../platform/i18n.js';
import { id as platformId } from '../../../../web/src/i18n/id.js';
import { en as platformEn } from '../../../../web/src/i18n/en.js';
import { citizenId } from '../../../../web/src/modules/complaints/messages/citizen.id.js';
import { citizenEn } from '../../../../web/src/modules/complaints/messages/citizen.en.js';
import { CATEGORY_PARAM, reportSteps } from '../domain/report-steps.js';
import { listCategories } from '../service/admin.js';

const words = {
  id: { ...platformId, ...citizenId },
  en: { ...platformEn, ...citizenEn },
} satisfies Record<Locale, Record<string, string>>;

const say = (locale: Locale, key: keyof typeof words.id, params: Record<string, string | number> = {}) =>
  words[locale][key].replace(/\{(\w+)\}/g, (all, name: string) => String(params[name] ?? all));

interface FirstStep {
  action: string;
  title: string;
  stepOf: string;
  question: string;
  next: string;
  param: string;
  groups: { legend: string; choices: { id: string; name: string; checked: boolean }[] }[];
}

// The markup of ReportForm.tsx's first step (same classes), as a form the browser can send by itself.
const firstStep = htmlTemplate<FirstStep>(
  `<h1><%= it.title %></h1>` +
  `<form class="card report-form" method="get" action="<%= it.action %>" data-first-paint>` +
  `<p class="step-count muted"><%= it.stepOf %></p><progress max="${reportSteps.length}" value="1" aria-hidden="true"></progress>` +
  `<h2 tabindex="-1"><%= it.question %></h2>` +
  `<% it.groups.forEach(function (group) { %><fieldset class="choices"><legend><%= group.legend %></legend>` +
  `<% group.choices.forEach(function (c) { %><label class="choice"><input type="radio" name="<%= it.param %>" value="<%= c.id %>" required<%= c.checked ? ' checked' : '' %>><span><%= c.name %></span></label><% }) %>` +
  `</fieldset><% }) %>` +
  `<div class="form-nav"><button type="submit" class="button"><%= it.next %></button></div></form>`,
);

async function paintReportForm(ctx: AppContext, { region, query, locale }: Parameters<FirstPaint['render']>[1]) {
  const categories = await listCategories(ctx, region.code);
  if (categories.length === 0) return null; // nothing to choose: the app's page as it is
  const named = query.get(CATEGORY_PARAM);
  const groups = new Map<string, FirstStep['groups'][number]['choices']>();
  for (const c of categories) {
    groups.set(c.group, [...(groups.get(c.group) ?? []), { id: c.id, name: locale === 'en' ? c.nameEn : c.nameId, checked: named === c.id || named === c.code }]);
  }
  const title = say(locale, 'report.title');
  return {
    title,
    main: firstStep({
      action: `/r/${region.code}/lapor`,
      title,
      stepOf: say(locale, 'report.stepOf', { n: 1, total: reportSteps.length }),
      question: say(locale, 'report.step.category'),
      next: say(locale, 'common.next'),
      param: CATEGORY_PARAM,
      groups: [...groups].map(([group, choices]) => ({ legend: group || say(locale, 'report.otherGroup'), choices })),
    }),
  };
}

export const reportFormFirstPaint: FirstPaint = { path: '/r/:region/lapor', render: paintReportForm };
