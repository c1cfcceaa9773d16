// The region's open data described for catalogues (issue 15, "Open data"): a
// DCAT catalogue (W3C DCAT v2, as DCAT-AP profiles it) in JSON-LD, which
// CKAN's DCAT harvester (ckanext-dcat; Satu Data Indonesia runs on CKAN) and
// other portals read to list the region's published figures with their
// downloads. One dataset, the published figures, with three distributions:
// the JSON and the CSV in Indonesian and in English. Every address is absolute
// and made from the installation's public URL (PAMONG_PUBLIC_URL, as in
// emails), never from the request's Host header. Nothing published: a
// catalogue without a dataset.
import { localDateOf } from '../../../platform/calendar/calendar.js';
import type { Words } from '../../../platform/errors.js';
import type { Region } from '../../../platform/regions/service.js';
import type { PublicPage } from './public.js';

/** What the published figures are offered under: anyone may reuse them, naming the region as the source. */
export const PUBLIC_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};
const LANGUAGE = { id: 'http://publications.europa.eu/resource/authority/language/IND', en: 'http://publications.europa.eu/resource/authority/language/ENG' };
const FILE_TYPE = { json: 'http://publications.europa.eu/resource/authority/file-type/JSON', csv: 'http://publications.europa.eu/resource/authority/file-type/CSV' };
const MEDIA_TYPE = { json: 'https://www.iana.org/assignments/media-types/application/json', csv: 'https://www.iana.org/assignments/media-types/text/csv' };

const iri = (id: string) => ({ '@id': id });
const tagged = (w: Words) => [{ '@value': w.id, '@language': 'id' }, { '@value': w.en, '@language': 'en' }];
const dateTime = (at: Date) => ({ '@value': at.toISOString(), '@type': 'xsd:dateTime' });
const date = (day: string) => ({ '@value': day, '@type': 'xsd:date' });

/** The open-data addresses of a region under the installation's public URL. */
export function openDataUrls(publicUrl: string, regionCode: string) {
  const api = `${publicUrl}/api/regions/${regionCode}/pimpinan`;
  return {
    catalogue: `${api}/publik/dcat.jsonld`,
    json: `${api}/publik`,
    csv: `${api}/publik.csv`,
    csvEn: `${api}/publik.csv?lang=en`,
    page: `${publicUrl}/r/${regionCode}/dasbor`,
    publisher: `${publicUrl}/r/${regionCode}`,
  };
}

/** The region's DCAT catalogue as a JSON-LD document. `contactEmail`: the region's open-data contact (settings), if it has one. */
export function dcatCatalogue(page: PublicPage, region: Region, publicUrl: string, contactEmail: string | null) {
  const url = openDataUrls(publicUrl, region.code);
  const name = region.name;
  const publisher = { '@id': url.publisher, '@type': 'foaf:Agent', 'foaf:name': name };
  const catalogue = {
    '@context': CONTEXT,
    '@id': url.catalogue,
    '@type': 'dcat:Catalog',
    'dct:title': tagged({ id: `Data terbuka ${name}`, en: `Open data of ${name}` }),
    'dct:description': tagged({
      id: `Angka utama ${name} yang diterbitkan dari Pamong: hanya angka yang dipilih pemerintah daerah.`,
      en: `Headline figures ${name} publishes from Pamong: only the figures the regional government chose.`,
    }),
    'dct:publisher': publisher,
    'dct:language': [iri(LANGUAGE.id), iri(LANGUAGE.en)],
    'dct:license': iri(PUBLIC_LICENSE),
    'foaf:homepage': iri(url.page),
  };
  const read = page.figures.flatMap((f) => f.months.flatMap((m) => (m.takenAt ? [{ month: m.month, at: m.takenAt }] : [])));
  if (read.length === 0) return { ...catalogue, 'dcat:dataset': [] };

  const latest = new Date(Math.max(...read.map((r) => r.at.getTime())));
  const firstMonth = read.map((r) => r.month).sort()[0];
  const distribution = (id: string, title: Words, format: 'json' | 'csv', language: string[]) => ({
    '@id': id,
    '@type': 'dcat:Distribution',
    'dct:title': tagged(title),
    'dcat:accessURL': iri(id),
    'dcat:downloadURL': iri(id),
    'dcat:mediaType': iri(MEDIA_TYPE[format]),
    'dct:format': iri(FILE_TYPE[format]),
    'dct:language': language.map(iri),
    'dct:license': iri(PUBLIC_LICENSE),
    'dct:modified': dateTime(latest),
  });
  const modules = [...new Map(page.figures.map((f) => [f.module, f.moduleTitle])).values()];
  const keywords: Words[] = [{ id: 'dasbor pimpinan', en: 'leader\'s dashboard' }, { id: 'data terbuka', en: 'open data' }, { id: name, en: name }, ...modules];
  const dataset = {
    '@id': `${url.page}#angka`,
    '@type': 'dcat:Dataset',
    'dct:identifier': `pamong-${region.code}-pimpinan-publik`,
    'dct:title': tagged({ id: `Angka utama ${name}`, en: `Headline figures of ${name}` }),
    'dct:description': tagged({
      id: `Bacaan terakhir tiap angka yang diterbitkan ${name} dan bacaan terakhir tiap bulan selama 12 bulan terakhir, masing-masing dengan cara menghitung dan waktu berlakunya: ${page.figures.map((f) => f.title.id).join('; ')}.`,
      en: `The latest reading of each figure ${name} publishes and each month's last reading over the last 12 months, each with how it is computed and as of when: ${page.figures.map((f) => f.title.en).join('; ')}.`,
    }),
    'dct:publisher': publisher,
    'dct:modified': dateTime(latest),
    'dct:language': [iri(LANGUAGE.id), iri(LANGUAGE.en)],
    'dct:license': iri(PUBLIC_LICENSE),
    'dct:accessRights': iri('http://publications.europa.eu/resource/authority/access-right/PUBLIC'),
    'dct:temporal': {
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': date(`${firstMonth}-01`),
      'dcat:endDate': date(localDateOf(latest, region)),
    },
    'dcat:keyword': keywords.flatMap((w) => (w.id === w.en ? [{ '@value': w.id }] : tagged(w))),
    'dcat:landingPage': iri(url.page),
    ...(contactEmail ? { 'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': name, 'vcard:hasEmail': iri(`mailto:${contactEmail}`) } } : {}),
    'dcat:distribution': [
      distribution(url.json, { id: 'Angka yang diterbitkan (JSON)', en: 'The published figures (JSON)' }, 'json', [LANGUAGE.id, LANGUAGE.en]),
      distribution(url.csv, { id: 'Angka yang diterbitkan (CSV, bahasa Indonesia)', en: 'The published figures (CSV, Indonesian)' }, 'csv', [LANGUAGE.id]),
      distribution(url.csvEn, { id: 'Angka yang diterbitkan (CSV, bahasa Inggris)', en: 'The published figures (CSV, English)' }, 'csv', [LANGUAGE.en]),
    ],
  };
  return { ...catalogue, 'dct:modified': dateTime(latest), 'dcat:dataset': [dataset] };
}
