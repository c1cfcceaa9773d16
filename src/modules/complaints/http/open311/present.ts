// Pamong's categories and complaints as Open311 GeoReport v2 documents.
// Only what the queries module hands over is shown: no reporter identity.
import type { Locale, Text } from '../../../../platform/i18n.js';
import type { Region } from '../../../../platform/regions/service.js';
import type { Question } from '../../domain/questions.js';
import { open311Status, statuses, statusLabel, type Status } from '../../domain/status.js';
import type { categories } from '../../schema.js';
import type { listOpen311 } from '../../service/queries.js';
import { w3cDatetime } from './format.js';

type Category = typeof categories.$inferSelect;
export type RequestRow = Awaited<ReturnType<typeof listOpen311>>[number];
export type Open311Status = ReturnType<typeof open311Status>;

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this API last changed, announced by discovery. */
export const CHANGESET = '2026-11-22T00:00:00Z';
/** Everything under it answers errors as Open311 does, whatever the version asked for. */
export const API_ROOT = '/open311';
export const API_PATH = `${API_ROOT}/v2`;

export function discovery(publicUrl: string, locale: Locale) {
  const text: Record<'contact' | 'key_service', Text> = {
    contact: {
      id: 'Pertanyaan tentang API ini: hubungi admin pemerintah daerah Anda di Pamong.',
      en: "Questions about this API: contact your regional government's administrator in Pamong.",
    },
    key_service: {
      id: `Kunci API (api_key) diterbitkan oleh admin pemerintah daerah di ${publicUrl}.`,
      en: `API keys (api_key) are issued by the regional government's administrator at ${publicUrl}.`,
    },
  };
  return {
    changeset: CHANGESET,
    contact: text.contact[locale],
    key_service: text.key_service[locale],
    endpoints: [{
      specification: SPECIFICATION, url: `${publicUrl}${API_PATH}`, changeset: CHANGESET, type: 'production',
      formats: ['application/json', 'text/xml'],
    }],
  };
}

/** The spec wants keywords separated by commas; admins often type them with spaces. */
export function keywordList(keywords: string): string | null {
  const words = keywords.includes(',') ? keywords.split(',') : keywords.split(/\s+/);
  return words.map((w) => w.trim()).filter((w) => w !== '').join(', ') || null;
}

export function service(category: Category, locale: Locale) {
  return {
    service_code: category.code,
    service_name: locale === 'en' ? category.nameEn : category.nameId,
    // The spec requires a description; a category without one is described by its name.
    description: category.description || (locale === 'en' ? category.nameEn : category.nameId),
    metadata: (category.questions as Question[]).length > 0,
    type: 'realtime',
    keywords: keywordList(category.keywords),
    group: category.group || null,
  };
}

const datatypeHint: Record<Question['datatype'], Text> = {
  string: { id: 'Teks singkat.', en: 'Short text.' },
  text: { id: 'Teks panjang.', en: 'Long text.' },
  number: { id: 'Angka, mis. 12 atau 3.5.', en: 'A number, e.g. 12 or 3.5.' },
  datetime: { id: 'Tanggal-waktu W3C, mis. 2026-11-02T09:00:00+07:00.', en: 'A W3C datetime, e.g. 2026-11-02T09:00:00+07:00.' },
  singlevaluelist: { id: 'Satu key dari values.', en: 'One key from values.' },
  multivaluelist: { id: 'Satu atau lebih key dari values: ulangi attribute[kode][].', en: 'One or more keys from values: repeat attribute[code][].' },
};

export function serviceDefinition(category: Category, locale: Locale) {
  return {
    service_code: category.code,
    attributes: (category.questions as Question[]).map((q, i) => ({
      variable: true,
      code: q.code,
      datatype: q.datatype,
      required: q.required,
      datatype_description: datatypeHint[q.datatype][locale],
      order: i + 1,
      description: q.description[locale],
      values: q.values.map((v) => ({ key: v.key, name: v.name[locale] })),
    })),
  };
}

/** Pamong's statuses behind Open311's open/closed. */
export const statusesFor = (wanted: Open311Status[]): Status[] => statuses.filter((s) => wanted.includes(open311Status(s)));

/**
 * The address, most specific first as the spec asks: the reporter's words,
 * then desa/kelurahan, kecamatan and kabupaten/kota, so a report with only
 * a map pin still says where it is.
 */
export function addressOf(row: Pick<RequestRow, 'address' | 'villageName' | 'villageKind' | 'districtName' | 'regencyName'>, region: Pick<Region, 'name'>): string {
  return [
    row.address,
    row.villageName && `${row.villageKind === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${row.villageName}`,
    row.districtName && `Kecamatan ${row.districtName}`,
    row.regencyName ?? region.name,
  ].filter((p) => !!p).join(', ');
}

export function serviceRequest(row: RequestRow, locale: Locale, publicUrl: string, region: Pick<Region, 'code' | 'name' | 'utcOffsetMinutes'>) {
  const status = row.status as Status;
  const datetime = (at: Date) => w3cDatetime(at, region.utcOffsetMinutes);
  return {
    service_request_id: row.trackingCode,
    status: open311Status(status),
    status_notes: row.latestPublicMessage,
    service_name: locale === 'en' ? row.categoryNameEn : row.categoryName,
    service_code: row.categoryCode,
    description: row.description,
    agency_responsible: row.unitName,
    service_notice: statusLabel[status][locale],
    requested_datetime: datetime(row.submittedAt),
    updated_datetime: datetime(row.updatedAt),
    expected_datetime: row.resolutionDueAt ? datetime(row.resolutionDueAt) : null,
    address: addressOf(row, region),
    address_id: row.villageCode ?? row.districtCode,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
    media_url: row.firstPhotoId ? `${publicUrl}/api/regions/${region.code}/complaints/${row.trackingCode}/photos/${row.firstPhotoId}` : null,
  };
}
