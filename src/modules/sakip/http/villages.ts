// HTTP for village data: kecamatan units (a unit linked to its district
// code), indicators measured per desa/kelurahan, their values entered by
// kecamatan staff or imported from CSV/XLSX, and the village table rolled up
// by kecamatan. Which villages a kecamatan officer may enter is the
// service's check.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { multipartReader } from '../../../platform/files.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, sendAttachment } from '../../../platform/http/responses.js';
import { AppError } from '../../../platform/errors.js';
import { PERIOD_PATTERN } from '../service/periods.js';
import {
  deleteVillageValue, enterVillageValues, importVillageValues, kecamatanBreakdown, linkKecamatan, listKecamatan, listVillageIndicators, readVillageFile, setVillageRule,
  villageTable, villageTemplate, villageValueHistory,
} from '../service/villages.js';
import { XLSX_TYPE } from '../service/workbook.js';
import * as answers from './responses.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';

const tags = ['sakip'];
const period = z.string().regex(PERIOD_PATTERN).describe('Tahun (2026), triwulan (2026-Q1) atau bulan (2026-03) / a year, quarter or month');
const districtCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/).describe('Kode kecamatan, mis. 32.11.01 / a kecamatan code');
const villageCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/).describe('Kode desa/kelurahan, mis. 32.11.01.2001 / a village code');
const villagesParam = regionParam.extend({ planId: z.uuid(), indicatorId: z.uuid() });
const valuesParam = villagesParam.extend({ period });
const figure = z.union([z.string().max(60), z.number()]);
const reason = z.string().trim().max(2000).optional().describe('Alasan koreksi; wajib pada periode yang sudah ditutup (hanya koordinator) / the correction\'s reason; required in a closed period (coordinator only)');
const entryFailures = ['sakip.plan_not_found', 'sakip.indicator_not_found', 'sakip.not_village_indicator', 'sakip.period_outside_plan', 'sakip.period_not_started', 'sakip.period_mixed',
  'sakip.period_locked', 'sakip.correction_reason_required', 'sakip.village_not_in_region', 'sakip.village_not_yours'] as const;

/** At most a region's villages in one file; a few hundred rows are a few kilobytes. */
const villageUpload = { types: [XLSX_TYPE, 'text/csv'], maxBytes: 2 * 1024 * 1024, maxFiles: 1, typeError: 'sakip.village_file_type' } as const;

export const sakipVillageRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/regions/:region/sakip';
  const V = `${base}/plans/:planId/villages/:indicatorId`;

  r.get(`${base}/kecamatan`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Kecamatan sebagai perangkat daerah / Kecamatan units', params: regionParam,
      description: 'Perangkat daerah yang ditautkan ke kode kecamatannya; editable menandai kecamatan yang desanya boleh diisi pengguna ini. / Units linked to their kecamatan code; editable marks those whose villages this user may enter.',
      response: { 200: z.array(answers.kecamatan) },
    },
  }, async (request) => listKecamatan(ctx, request.region!.code, request.actor));

  r.put(`${base}/kecamatan/:unitId`, {
    config: { access: 'sakip.manage' },
    schema: {
      tags, summary: 'Tautkan perangkat daerah ke kecamatannya (koordinator SAKIP) / Link a unit to its kecamatan (SAKIP coordinator)', params: regionParam.extend({ unitId: z.uuid() }),
      description: 'Satu kecamatan untuk satu perangkat daerah. Petugas data desa perangkat daerah itu mengisi desa/kelurahan kecamatan ini saja. / One kecamatan per unit. The unit\'s village officers enter this kecamatan\'s villages only.',
      body: z.object({ districtCode }),
      response: { 200: z.array(answers.kecamatan), ...failures('unit.not_found', 'sakip.district_not_in_region', 'sakip.district_taken') },
    },
  }, async (request) => {
    await linkKecamatan(ctx, request.region!.code, request.actor, request.params.unitId, request.body.districtCode);
    return listKecamatan(ctx, request.region!.code, request.actor);
  });

  r.get(`${base}/village-indicators`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Indikator yang diukur per desa/kelurahan / Indicators measured per village', params: regionParam,
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('Bawaan tahun berjalan di daerah / by default the current year in the region') }),
      response: { 200: z.array(answers.villageIndicator) },
    },
  }, async (request) => {
    const region = request.region!;
    const year = request.query.year ?? Number(localDateOf(ctx.clock.now(), region).slice(0, 4));
    return listVillageIndicators(ctx, region.code, year);
  });

  r.put(`${V}/rule`, {
    config: { access: 'sakip.manage' },
    schema: {
      tags, summary: 'Jadikan indikator diukur per desa/kelurahan (koordinator SAKIP) / Measure an indicator per village (SAKIP coordinator)', params: villagesParam,
      description: 'sum: realisasi = jumlah nilai desa. rate: setiap desa mengisi pembilang dan penyebut (mis. balita stunting dan balita diukur); kecamatan dan indikator = Σ pembilang / Σ penyebut × pengali (100 = persen), rasio tertimbang yang tepat, bukan rata-rata rasio desa. Sejak itu realisasinya dihitung dari desa, tidak diisi. / sum: the realisation is the villages\' total. rate: each village gives a numerator and a denominator; the kecamatan and the indicator get Σ numerators / Σ denominators × scale, the exact weighted rate, not an average of the villages\' rates. From then on its realisation comes from its villages.',
      body: z.discriminatedUnion('rollup', [
        z.object({ rollup: z.literal('sum'), numeratorLabel: z.string().trim().max(200).optional() }),
        z.object({
          rollup: z.literal('rate'), scale: figure.optional().describe('Bawaan 100 / 100 by default'),
          numeratorLabel: z.string().trim().max(200).optional().describe('Mis. "Balita stunting" / e.g. stunted children'),
          denominatorLabel: z.string().trim().max(200).optional().describe('Mis. "Balita diukur" / e.g. children measured'),
        }),
      ]),
      response: { 200: answers.villageRule, ...failures('sakip.plan_not_found', 'sakip.indicator_not_found', 'sakip.village_source_conflict', 'sakip.village_rule_in_use', 'sakip.village_rule_invalid', 'sakip.value_not_numeric', 'sakip.value_negative', 'sakip.value_out_of_range') },
    },
  }, async (request) => setVillageRule(ctx, request.region!.code, request.actor, request.params.planId, request.params.indicatorId, request.body));

  r.get(V, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Tabel desa/kelurahan satu indikator dan periode, per kecamatan / The villages of an indicator in a period, by kecamatan', params: villagesParam,
      description: 'Setiap desa kecamatan yang ditautkan (dan desa lain yang berisi) dengan nilainya, peringkat dan warna capaian terhadap target tahun itu; setiap kecamatan dan totalnya dihitung dari desanya. Periode bawaan: yang terbaru berisi data. / Every village of the linked kecamatan (and any other with a value), with its figure, rank and achievement colour against the year\'s target; each kecamatan and the total rolled up from its villages. By default the latest period with values.',
      querystring: z.object({ period: period.optional(), district: districtCode.optional().describe('Hanya satu kecamatan / one kecamatan only') }),
      response: { 200: answers.villageTable, ...failures('sakip.plan_not_found', 'sakip.indicator_not_found', 'sakip.not_village_indicator') },
    },
  }, async (request) => villageTable(ctx, request.region!, request.actor, request.params.planId, request.params.indicatorId, request.query));

  r.get(`${V}/kecamatan`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Indikator per kecamatan dalam satu periode / The indicator by kecamatan in a period', params: villagesParam,
      description: 'Setiap kecamatan dihitung dari desanya dengan aturan indikator (jumlah, atau rasio tertimbang Σ pembilang / Σ penyebut × pengali), diberi peringkat, dan untuk rasio dibandingkan dengan target tahun itu (target jumlah adalah total daerah, jadi hanya totalnya); total = realisasi indikator. Tanpa baris desa: turun ke desa satu kecamatan dengan GET …/villages/{indikator}?district=. Periode bawaan: yang terbaru berisi data. / Each kecamatan rolled up from its villages by the indicator\'s rule (a sum, or the weighted rate), ranked and, for a rate, compared with the year\'s target (a sum\'s target is the region\'s total, so only the total is); the total is the indicator\'s realisation. No village rows: drill down to one kecamatan\'s villages with GET …/villages/{indicator}?district=.',
      querystring: z.object({ period: period.optional() }),
      response: { 200: answers.kecamatanBreakdown, ...failures('sakip.plan_not_found', 'sakip.indicator_not_found', 'sakip.not_village_indicator') },
    },
  }, async (request) => kecamatanBreakdown(ctx, request.region!, request.actor, request.params.planId, request.params.indicatorId, request.query));

  for (const format of ['csv', 'xlsx'] as const) {
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE;
    r.get(`${V}/values/:period/template.${format}`, {
      config: { access: 'sakip.read' },
      schema: {
        tags, summary: `Templat impor nilai desa (${format.toUpperCase()}) / The village import template (${format.toUpperCase()})`, params: valuesParam,
        description: 'Satu baris per desa/kelurahan kecamatan yang diminta (bawaan: kecamatan yang desanya diisi pengguna ini, atau semua kecamatan), dengan kolom yang dibaca impor: kode_desa, nilai, penyebut (rasio), catatan; nilai yang sudah diisi tercantum untuk dikoreksi. nama_desa dan kecamatan hanya untuk dibaca. Baris yang nilainya dibiarkan kosong tidak diimpor. CSV dalam bahasa pembaca: Indonesia dengan titik koma dan koma desimal (seperti Excel berbahasa Indonesia), Inggris dengan koma dan titik desimal. / A row per village of the kecamatan asked (by default those this user enters, else every kecamatan), in the columns the import reads, with values already entered to correct; nama_desa and kecamatan are for reading only. Rows left without a figure are not imported. The CSV in the reader\'s language: Indonesian with semicolons and decimal commas (as Excel in Indonesian), English with commas and decimal points.',
        querystring: z.object({ district: districtCode.optional().describe('Hanya satu kecamatan / one kecamatan only') }),
        response: { 200: fileAnswer(`Templat ${format.toUpperCase()} / a ${format.toUpperCase()} template`, type), ...failures('sakip.plan_not_found', 'sakip.indicator_not_found', 'sakip.not_village_indicator') },
      },
    }, async (request, reply) => {
      const file = await villageTemplate(ctx, request.region!, request.actor, request.params.planId, request.params.indicatorId, request.params.period, request.query,
        { format, locale: request.locale });
      return sendAttachment(reply, file, type);
    });
  }

  r.put(`${V}/values/:period`, {
    config: { access: 'sakip.village' },
    schema: {
      tags, summary: 'Isi atau koreksi nilai desa/kelurahan satu periode / Enter or correct villages\' values for a period', params: valuesParam,
      description: 'Oleh petugas data desa kecamatan (desa kecamatannya saja) atau koordinator. Semua atau tidak sama sekali. Nilai desimal tepat, tidak negatif; indikator rasio memerlukan penyebut > 0 dan pembilang ≤ penyebut. Realisasi indikator untuk periode itu ditulis ulang dari semua desanya dalam transaksi yang sama. Periode yang ditutup terkunci: hanya koordinator, dengan alasan. / By the kecamatan\'s village officers (their villages only) or the coordinator; all or nothing. Exact, non-negative decimals; a rate needs a denominator above 0 and a numerator not above it. The indicator\'s realisation for the period is rewritten from all its villages in the same transaction. A closed period is locked: the coordinator only, with a reason.',
      body: z.object({
        values: z.array(z.object({
          villageCode, value: figure.describe('Jumlah, atau pembilang rasio / a count, or a rate\'s numerator'),
          denominator: figure.nullable().optional().describe('Penyebut rasio / a rate\'s denominator'), note: z.string().trim().max(2000).optional(),
        })).min(1).max(1000),
        reason,
      }),
      response: {
        200: answers.villageWrite,
        ...failures(...entryFailures, 'sakip.village_duplicate', 'sakip.value_not_numeric', 'sakip.value_negative', 'sakip.value_out_of_range', 'sakip.denominator_required',
          'sakip.denominator_not_allowed', 'sakip.numerator_exceeds_denominator'),
      },
    },
  }, async (request) => enterVillageValues(ctx, request.region!, request.actor, request.params.planId, request.params.indicatorId, request.params.period, request.body));

  r.post(`${V}/values/:period/import`, {
    config: { access: 'sakip.village', bodyTypes: ['multipart'] },
    preValidation: multipartReader('options', 'file', villageUpload),
    schema: {
      tags, summary: 'Impor nilai desa dari CSV atau Excel / Import village values from CSV or Excel', params: valuesParam,
      description: 'multipart/form-data: `file` (.csv UTF-8 dengan koma atau titik koma, atau .xlsx lembar pertama; maks. 2 MB) dan opsional `options` (JSON {"reason": "…"}). Baris 1 judul: kode_desa, nilai, penyebut (indikator rasio), catatan (opsional); judul Inggris village_code, value, denominator, note juga diterima; kolom lain diabaikan, baris tanpa nilai dan penyebut dilewati; CSV bertitik koma memakai koma desimal (12,5). Semua atau tidak sama sekali: masalah dijawab sekaligus sebagai sakip.village_import_invalid dengan details.problems (baris seperti di Excel, kolom, kode, pesan). / `file` (.csv UTF-8, comma or semicolon, or the first sheet of an .xlsx; 2 MB max) and optional `options`. Header row: kode_desa, nilai, penyebut (rates), catatan; English headers too; other columns are ignored, rows with neither value nor denominator skipped; a semicolon CSV uses decimal commas (12,5). All or nothing: problems come at once with row and column.',
      body: z.object({ reason }).nullish(),
      response: {
        200: answers.villageWrite.extend({ rows: z.number().int() }),
        ...failures(...entryFailures, 'sakip.village_import_invalid', 'sakip.village_file_type', 'sakip.workbook_too_large', 'sakip.workbook_unreadable'),
      },
    },
  }, async (request) => {
    const [file] = request.uploads;
    if (!file) throw new AppError('request.invalid', { file: 'one .csv or .xlsx file is required' });
    const sheet = await readVillageFile(file.data);
    return importVillageValues(ctx, request.region!, request.actor, request.params.planId, request.params.indicatorId, request.params.period, sheet,
      { fileName: file.fileName, reason: request.body?.reason });
  });

  r.delete(`${V}/values/:period/:villageCode`, {
    config: { access: 'sakip.village' },
    schema: {
      tags, summary: 'Hapus nilai satu desa (entri salah), dengan alasan / Delete one village\'s value (a wrong entry), with a reason', params: valuesParam.extend({ villageCode }),
      description: 'Siapa dan periode seperti mengisi: petugas data desa kecamatan itu atau koordinator; periode yang ditutup hanya koordinator. Alasan wajib. Nilai yang dihapus tetap di riwayatnya (deleted: kapan, oleh siapa, alasan), dan realisasi indikator dihitung ulang dari desa yang tersisa dalam transaksi yang sama (tanpa desa tersisa: realisasinya dihapus, tetap di riwayatnya). / Who and which periods as for entering; a closed period: the coordinator only. A reason is required. The deleted value stays in its history (deleted: when, by whom, why) and the indicator\'s realisation is rolled up again from the villages left in the same transaction (none left: the realisation is removed, kept in its history).',
      body: z.object({ reason: z.string().max(2000).describe('Mengapa nilai ini salah / why this value is wrong') }),
      response: {
        200: z.object({ realisation: answers.realisation.nullable().describe('Realisasi indikator setelahnya; null bila tidak ada desa yang tersisa / the indicator\'s realisation after; null when no village is left') }).meta({ id: 'SakipVillageDelete' }),
        ...failures(...entryFailures, 'sakip.village_value_not_found', 'sakip.village_delete_reason_required'),
      },
    },
  }, async (request) => deleteVillageValue(ctx, request.region!, request.actor, request.params.planId, request.params.indicatorId, request.params.period, request.params.villageCode, request.body));

  r.get(`${V}/values/:period/:villageCode/history`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Riwayat koreksi nilai satu desa / One village\'s correction history', params: valuesParam.extend({ villageCode }),
      response: { 200: answers.villageHistory, ...failures('sakip.plan_not_found', 'sakip.indicator_not_found') },
    },
  }, async (request) => villageValueHistory(ctx, request.region!.code, request.params.planId, request.params.indicatorId, request.params.period, request.params.villageCode));
};
