// The public version of the leader's page and the region admin's choice (pimpinan.publik.*), in English:
// the same keys as messages.publik.id.ts.
import type { pimpinanPublikId } from './messages.publik.id.js';

export const pimpinanPublikEn: Record<keyof typeof pimpinanPublikId, string> = {
  'pimpinan.publik.title': 'Headline figures of {region}',
  'pimpinan.publik.intro': 'The figures {region} publishes from its leader\'s dashboard, counted by Pamong from the region\'s records. Each figure says how it is computed and as of when.',
  'pimpinan.publik.none': '{region} has not published any figures yet.',
  'pimpinan.publik.readAt': 'Read by Pamong {at}; refreshed regularly.',
  'pimpinan.publik.download': 'Open data',
  'pimpinan.publik.csv': 'Download CSV (Indonesian)',
  'pimpinan.publik.csvEn': 'Download CSV (English)',
  'pimpinan.publik.json': 'Download JSON',
  'pimpinan.publik.dcat': 'DCAT catalogue (JSON-LD)',
  'pimpinan.publik.downloadHint': 'The same figures with their last 12 months, for open-data portals and Excel (CSV in UTF-8, comma-separated), under CC BY 4.0: reuse them, naming the source. CKAN-based portals can harvest the DCAT catalogue.',
  'pimpinan.publik.months': 'Last 12 months',
  'pimpinan.publik.month': 'Month',
  'pimpinan.publik.value': 'Value',
  'pimpinan.publik.monthsCaption': '{title}: each month\'s last reading',
  'pimpinan.publik.settings.title': 'Leader\'s dashboard: figures for the public',
  'pimpinan.publik.settings.intro': 'Tick the figures anyone may see, without signing in, on the region\'s public page and as open data (CSV and JSON). Those left unticked stay for the leader only. What lies behind a figure (units\' names, links) is never published.',
  'pimpinan.publik.settings.save': 'Save the choice',
  'pimpinan.publik.settings.saved': 'The figures for the public were saved.',
  'pimpinan.publik.settings.open': 'Open the public page',
  'pimpinan.publik.settings.count': '{n, plural, =0 {No figure is published yet} one {# figure published} other {# figures published}}',
};
