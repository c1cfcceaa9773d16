// A letter as it would be issued, for managers to see their letterhead and
// text: a sample number from the region's pattern and a sample verification
// link, never signed, never stored.
import type { AppContext } from '../../../platform/context.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { getRegion } from '../../../platform/regions/service.js';
import { formatNumber } from '../domain/numbering.js';
import { letterheadFor, numberingPattern } from './document-settings.js';
import { verifyUrlOf } from './documents.js';
import { letterPdf } from './pdf.js';

export async function previewLetter(ctx: AppContext, regionCode: string, input: { unitId: string; title: string; paragraphs: string[] }): Promise<Buffer> {
  const db = ctx.database.db;
  const head = await letterheadFor(db, regionCode, input.unitId);
  const localDate = localDateOf(ctx.clock.now(), calendarOf(await getRegion(db, regionCode), []));
  const number = formatNumber(await numberingPattern(db, regionCode), { serviceCode: 'CONTOH', unitCode: 'UNIT', localDate }, 1);
  return letterPdf(head, { title: input.title, paragraphs: input.paragraphs }, { number, localDate, verifyUrl: verifyUrlOf(ctx, 'contoh'), signature: null });
}
