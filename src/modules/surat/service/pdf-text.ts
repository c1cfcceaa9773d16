// The text of a letter's PDF, for search. A PDF made by a computer (a letter
// exported from SRIKANDI or another system, a born-digital attachment) has
// its words inside; a scan on paper has only pictures of them, and no text is
// read from it (there is no OCR here). unpdf carries Mozilla's PDF.js without
// eval; a PDF it cannot read is still kept, it is only not searched by text.
import { getDocumentProxy } from 'unpdf';

/** Pages read from one PDF: a letter's words are on its first pages, and a huge file must not hold the server. */
export const TEXT_PAGES = 30;
/** Characters kept per PDF. */
export const TEXT_CHARS = 100_000;

/** The words of the PDF's first pages, in reading order; empty for a scan or a PDF that cannot be read. */
export async function pdfText(data: Buffer): Promise<string> {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(data), { verbosity: 0 });
    try {
      const pages = await Promise.all(Array.from({ length: Math.min(pdf.numPages, TEXT_PAGES) }, async (_, i) => {
        const content = await (await pdf.getPage(i + 1)).getTextContent();
        return content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
      }));
      return pages.join('\n').replace(/[ \t]+/g, ' ').trim().slice(0, TEXT_CHARS);
    } finally {
      await pdf.destroy();
    }
  } catch {
    return '';
  }
}

/** The text of several PDFs of one letter, each on its own lines. */
export async function pdfsText(files: { data: Buffer }[]): Promise<string> {
  const texts: string[] = [];
  for (const f of files) texts.push(await pdfText(f.data)); // one at a time: each holds its pages in memory
  return texts.filter(Boolean).join('\n').slice(0, TEXT_CHARS);
}
