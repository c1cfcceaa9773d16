// English.
import type { Messages } from './id.js';
import { labelEntries } from './labels.js';
import { statusLabel } from '../../../src/modules/complaints/domain/status.js';

export const en: Messages = {
  'common.loading': 'Loading…',
  'chart.data': 'Chart data: {title}',
  'common.next': 'Next',
  'common.back': 'Back',
  'common.optional': 'optional',
  'common.required': 'required',
  'common.chars': '{n}/{max} characters',
  'common.charsOver': '{n}/{max} characters: {over} too many',
  'common.remove': 'Remove',
  'common.copy': 'Copy code',
  'common.copied': 'Copied ✓',
  'common.reload': 'Reload',

  'error.network': 'Cannot reach the server. Check your internet connection and try again.',
  'error.unexpected': 'Something went wrong. Please try again.',
  'error.forbidden': 'You are not allowed to open this page.',
  'error.page': 'This page could not be loaded. The app may have just been updated.',

  'nav.skip': 'Skip to content',
  'nav.language': 'Language',
  'footer.about.platform': 'Pamong — digital services platform for regional governments. Free software (AGPL).',
  'footer.staff': 'Staff sign-in',
  'footer.register': 'Create a citizen account',
  'notFound.title': 'Page not found',
  'notFound.home': 'Go to the start page',

  'home.title': 'Choose your region',
  'home.intro': 'Report problems with public services in your region and follow how they are handled.',
  'home.code': 'Region code {code}',
  'pager.label': 'Pages',
  'pager.prev': '← Previous',
  'pager.next': 'Next →',
  'pager.page': 'Page {n}',

  ...labelEntries('status.', statusLabel, 'en'),
  'time.left': '{d} left',
  'time.overdue': 'Overdue',
  'time.overdueBy': 'Overdue by {d}',
  'duration.days': '{n} d',
  'duration.hours': '{n} h',
  'duration.minutes': '{n} min',
};
