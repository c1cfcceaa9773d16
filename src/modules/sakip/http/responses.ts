// What the e-SAKIP API answers (route `schema.response`): the serializer keeps
// only the keys named here.
import { z } from 'zod';
import { instant, oneOf, words } from '../../../platform/http/responses.js';

export const nodeKinds = ['vision', 'mission', 'goal', 'target', 'programme', 'activity', 'sub_activity'] as const;
const kind = oneOf(nodeKinds);

const unitBrief = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const plan = z.object({
  id: z.string(), kind: oneOf(['rpjmd', 'renstra']), unit: unitBrief.nullable().describe('Perangkat daerah pemilik Renstra; null untuk RPJMD / the Renstra\'s unit; null for the RPJMD'),
  startYear: z.number().int(), endYear: z.number().int(), title: z.string(), status: oneOf(['draft', 'active']), createdAt: instant, updatedAt: instant,
}).meta({ id: 'SakipPlan' });

const decimal = z.string().describe('Desimal tepat sebagai teks / an exact decimal as text');

export const target = z.object({
  year: z.number().int(), version: z.number().int(), type: oneOf(['single', 'range']),
  value: decimal.nullable(), low: decimal.nullable(), high: decimal.nullable(),
  reason: z.string().nullable().describe('Alasan revisi; null pada versi pertama / the revision\'s reason; null on the first version'),
  setAt: instant, setBy: z.string(),
}).meta({ id: 'SakipTarget' });

export const targetHistory = z.object({
  indicatorId: z.string(),
  years: z.array(z.object({ year: z.number().int(), current: target.nullable(), versions: z.array(target) })),
}).meta({ id: 'SakipTargetHistory' });

export const realisation = z.object({
  period: z.string(), year: z.number().int(), value: decimal, note: z.string(), obstacles: z.string(), followUp: z.string(), enteredAt: instant, enteredBy: z.string(),
  version: z.number().int().describe('1 untuk isian pertama, bertambah setiap koreksi / 1 for the first entry, one more for each correction'),
  reason: z.string().nullable().describe('Alasan koreksi; wajib setelah periode ditutup / the correction\'s reason; required once the period is closed'),
  afterClose: z.boolean().describe('Dikoreksi koordinator setelah periode ditutup / corrected by the coordinator after the period was closed'),
  fromVillages: z.boolean().describe('Dihitung dari data desa/kelurahan, bukan diisi / rolled up from the village values, not typed'),
}).meta({ id: 'SakipRealisation' });

const band = z.object({ label: words, colour: z.string() });

const result = z.discriminatedUnion('computable', [
  z.object({
    computable: z.literal(true),
    percent: z.string().describe('Dibulatkan setengah ke atas, dua desimal / half up, two decimals'),
    percentExact: z.string().describe('Nilai tepat / the exact value'),
    basis: oneOf(['single', 'below_range', 'above_range', 'within_range']),
    targetUsed: decimal.nullable().describe('Nilai target pembagi; null di dalam rentang / the target value divided by; null within a range'),
    band,
  }),
  z.object({ computable: z.literal(false), reason: oneOf(['target_zero', 'target_negative', 'range_inverted']) }),
]).meta({ id: 'SakipAchievementFigure' });

export const achievement = z.object({
  year: z.number().int(),
  target: target.nullable(),
  realisation: z.object({
    periodKind: oneOf(['year', 'quarter', 'month']),
    value: decimal.nullable().describe('Gabungan periode menurut aturan indikator / the periods combined by the indicator\'s rule'),
    reported: z.array(z.string()), missing: z.array(z.string()), complete: z.boolean(),
  }).nullable(),
  result: result.nullable().describe('Null tanpa target atau realisasi / null without a target or a realisation'),
}).meta({ id: 'SakipAchievement' });

const indicatorFieldsShape = {
  id: z.string(), nodeId: z.string(), name: z.string(), definition: z.string(), formula: z.string(), measure: z.string(), dataSource: z.string(),
  polarity: oneOf(['higher_is_better', 'lower_is_better']), targetType: oneOf(['single', 'range']), aggregation: oneOf(['sum', 'average', 'last']),
  isIku: z.boolean(), allowsNegative: z.boolean(), sharedUnitIds: z.array(z.string()),
  source: z.string().nullable().describe('Ukuran modul lain sumber realisasinya (GET /api/regions/{region}/measures); null: diisi orang / another module\'s measure its realisations come from; null: typed'),
};
export const indicatorFields = z.object(indicatorFieldsShape).meta({ id: 'SakipIndicatorFields' });

export const sourceSync = z.object({
  lastRunAt: instant.nullable().describe('Kapan terakhir dijalankan; null bila belum pernah / when it last ran; null if never yet'),
  nextAt: instant.describe('Kapan dijalankan lagi / when it runs next'),
  outcomes: z.array(z.object({
    period: z.string(),
    result: oneOf(['entered', 'unchanged', 'refused', 'failed'])
      .describe('entered: nilai sumber disimpan; unchanged: sudah sama; refused: ditolak (code); failed: galat tak terduga / entered: the source\'s value was stored; unchanged: already the same; refused: refused (code); failed: an unexpected error'),
    value: decimal.nullable().describe('Nilai sumber, bila ada / the source\'s value, when it had one'),
    code: z.string().nullable().describe('Kode galat penolakan (sakip.source_no_value, sakip.period_mixed, sakip.period_locked …) / the refusal\'s error code'),
    message: words.nullable(),
  })).describe('Hasil per periode pada jalan terakhir: periode pelaporan yang dibuka (atau tahunnya bila sumbernya tahunan) / each period\'s outcome in the last run: the open reporting periods (or their year for a yearly source)'),
}).meta({ id: 'SakipSourceSync' });

export const indicator = z.object({
  ...indicatorFieldsShape,
  targets: z.array(z.object({ year: z.number().int(), target: target.nullable() })).describe('Target yang berlaku per tahun rencana / the current target per plan year'),
  achievement,
  sourceSync: sourceSync.nullable().describe('Sinkron otomatis dari sumbernya (indikator bersumber pada rencana aktif); null bila diisi orang atau rencana masih draf / the automatic sync from its source (a sourced indicator of an active plan); null when typed or while the plan is a draft'),
}).meta({ id: 'SakipIndicator' });

export const summary = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true), percent: z.string(), percentExact: z.string(), used: z.array(z.string()),
    excluded: z.array(z.object({ indicator: z.string(), reason: z.string() })), complete: z.boolean(), band,
  }),
  z.object({ ok: z.literal(false), error: z.string(), indicators: z.array(z.string()) }),
]).meta({ id: 'SakipNodeSummary' });

const nodeFields = {
  id: z.string(), kind, kindLabel: words, code: z.string().nullable(), title: z.string(), unitId: z.string().nullable(), supportsNodeId: z.string().nullable(),
  parentId: z.string().nullable(), position: z.number().int(),
};
export const nodeBrief = z.object(nodeFields).meta({ id: 'SakipNodeBrief' });

export const treeNode: z.ZodType<unknown> = z.object({
  ...nodeFields,
  number: z.string().describe('Nomor urut bertingkat / outline number'), depth: z.number().int(),
  indicators: z.array(indicator),
  summary: summary.nullable().describe('Capaian gabungan indikator simpul (rata-rata) / the node\'s indicators together (their average)'),
  get children() {
    return z.array(treeNode);
  },
}).meta({ id: 'SakipTreeNode' });

export const problem = z.object({
  code: z.string(), nodeId: z.string().nullable(), indicatorId: z.string().optional(), year: z.number().int().optional(), cycle: z.array(z.string()).optional(), message: words,
}).meta({ id: 'SakipPlanProblem' });

const viewFields = {
  plan, year: z.number().int().describe('Tahun capaian yang ditampilkan / the year achievement is shown for'), years: z.array(z.number().int()),
  problems: z.array(problem).describe('Kosong bila rencana valid / empty when the plan is valid'),
};

export const planTree = z.object({ ...viewFields, tree: z.array(treeNode), detached: z.array(nodeBrief) }).meta({ id: 'SakipPlanTree' });

export const planTable = z.object({
  ...viewFields,
  rows: z.array(z.object({ number: z.string(), depth: z.number().int(), node: nodeBrief, indicator: indicator.nullable() })),
}).meta({ id: 'SakipPlanTable' });

export const percentFigure = z.object({
  percent: z.string().describe('Dibulatkan setengah ke atas, dua desimal / half up, two decimals'), percentExact: z.string().describe('Nilai tepat / the exact value'),
});

const efficiencyCategory = oneOf(['efficient', 'fairly_efficient', 'inefficient']);

export const efficiencyMethod = z.object({
  code: oneOf(['achievement_minus_absorption', 'output_index']), label: words,
  threshold: z.string().describe('Ambang (poin persen) di sekitar 0 (metode 1) atau 50 (metode 2) untuk cukup efisien / the band around 0 (method 1) or 50 (method 2) that is fairly efficient'),
  categories: z.array(z.object({ code: efficiencyCategory, label: words, colour: z.string() })).describe('Warna setiap kategori dari pita lampu lalu lintas daerah / each category\'s colour, from the region\'s traffic-light bands'),
}).meta({ id: 'SakipEfficiencyMethod' });

export const efficiency = z.discriminatedUnion('computable', [
  z.object({
    computable: z.literal(true),
    value: z.string().describe('Metode 1: capaian − serapan (poin); metode 2: nilai indeks (%); dua desimal / method 1: achievement − absorption (points); method 2: the index (%); two decimals'),
    valueExact: z.string(), category: efficiencyCategory, label: words, colour: z.string(),
  }),
  z.object({ computable: z.literal(false), reason: oneOf(['no_budget', 'ceiling_zero', 'negative_amount', 'no_achievement', 'no_outputs', 'nothing_computable']) }),
]).meta({ id: 'SakipEfficiency' });

export const budgetTotals = z.object({
  ceiling: z.string().describe('Pagu, rupiah / the ceiling'), spending: z.string().describe('Realisasi anggaran, rupiah / spending'),
  absorption: percentFigure.nullable().describe('Serapan; null bila pagu 0 / absorption; null when the ceiling is 0'),
}).meta({ id: 'SakipBudgetTotals' });

const budgetAndEfficiency = {
  budget: budgetTotals.nullable().describe('Anggaran program tahun ini (Renstra; RPJMD bila Renstra tanpa anggaran) / the year\'s programme budget (Renstra; the RPJMD when the Renstra has none)'),
  efficiency: efficiency.nullable().describe('Null tanpa anggaran / null without a budget'),
};

/** Many indicators' average, by count: how many are in it and left out (the lists would grow with the region). */
const tallySummary = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true), percent: z.string(), percentExact: z.string(),
    used: z.number().int().describe('Indikator yang masuk rata-rata / indicators in the average'),
    excluded: z.number().int().describe('Tanpa realisasi atau tak dapat dihitung / without a realisation or not computable'), complete: z.boolean(), band,
  }),
  z.object({ ok: z.literal(false), error: oneOf(['nothing_computable']), indicators: z.number().int() }),
]).meta({ id: 'SakipTallySummary' });

const tally = {
  indicators: z.number().int(), withTarget: z.number().int().describe('Dengan target tahun ini (triwulan atau bulan: target rencana aksinya) / with a target this year (a quarter or month: its action-plan target)'),
  reported: z.number().int().describe('Dengan realisasi tahun ini (triwulan atau bulan: periode itu) / with a realisation this year (a quarter or month: in it)'),
  met: z.number().int().describe('Capaian 100 % atau lebih / achievement of 100 % or more'),
  achievement: tallySummary.nullable().describe('Rata-rata capaian indikatornya / the average of its indicators\' achievement'),
};

export const overview = z.object({
  year: z.number().int(),
  period: z.string().nullable().describe('Triwulan atau bulan yang ditampilkan (target rencana aksi, realisasi dan anggaran periode itu); null: setahun / the quarter or month shown (its action-plan targets, realisations and budget); null: the year'),
  plans: z.array(z.object({ id: z.string(), kind: oneOf(['rpjmd', 'renstra']), title: z.string(), unitId: z.string().nullable() })).describe('Rencana aktif yang mencakup tahun ini / the active plans covering the year'),
  units: z.array(z.object({ unit: unitBrief.nullable().describe('Null: indikator RPJMD tanpa perangkat daerah penanggung jawab / null: RPJMD indicators with no responsible unit'), ...tally, ...budgetAndEfficiency })),
  iku: z.object(tally).describe('Indikator kinerja utama RPJMD / the RPJMD\'s key performance indicators'),
  targetsUnitId: z.string().nullable().describe('Perangkat daerah yang sasarannya ditampilkan; null: sasaran RPJMD / the unit whose targets are listed; null: the RPJMD\'s'),
  targets: z.array(z.object({
    planId: z.string(), planKind: oneOf(['rpjmd', 'renstra']), unitId: z.string().nullable(), node: z.object({ id: z.string(), title: z.string(), code: z.string().nullable() }),
    achievement: percentFigure.nullable().describe('Capaian indikator sasaran / the target\'s indicators\' achievement'),
    budget: budgetTotals.nullable().describe('Anggaran program di bawahnya / the budget of the programmes under it'), efficiency: efficiency.nullable(),
  })).describe('Sasaran dengan program beranggaran di bawahnya: sasaran RPJMD, atau sasaran perangkat daerah yang diminta / the targets (sasaran) with budgeted programmes under them: the RPJMD\'s, or the unit\'s asked for'),
  efficiencyMethod: efficiencyMethod.describe('Metode efisiensi yang dipilih daerah / the region\'s efficiency method'),
  total: z.object(budgetAndEfficiency).describe('Seluruh anggaran daerah; efisiensinya dari capaian IKU RPJMD / the whole budget; its efficiency from the RPJMD key indicators\' achievement'),
}).meta({ id: 'SakipOverview' });

// ---------------------------------------------------------------------------
// Village data

export const kecamatan = z.object({
  districtCode: z.string().describe('Kode kecamatan / the kecamatan (district) code'), name: z.string(), unit: unitBrief,
  villages: z.number().int().describe('Jumlah desa/kelurahan / number of villages'),
  editable: z.boolean().describe('Pengguna ini boleh mengisi data desanya / this user may enter its villages'),
  setAt: instant, setBy: z.string(),
}).meta({ id: 'SakipKecamatan' });

export const villageRule = z.object({
  rollup: oneOf(['sum', 'rate']).describe('sum: jumlah desa; rate: Σ pembilang / Σ penyebut × pengali / sum of counts, or the weighted rate'),
  scale: decimal.nullable().describe('Pengali rasio (100 = persen); null untuk jumlah / a rate\'s scale (100 = percent); null for a sum'),
  numeratorLabel: z.string(), denominatorLabel: z.string(),
}).meta({ id: 'SakipVillageRule' });

export const villageIndicator = z.object({
  planId: z.string(), planTitle: z.string(),
  indicator: z.object({ id: z.string(), name: z.string(), measure: z.string(), polarity: oneOf(['higher_is_better', 'lower_is_better']) }),
  rule: villageRule, periods: z.array(z.string()).describe('Periode tahun itu yang sudah berisi data desa / the year\'s periods with village values'),
}).meta({ id: 'SakipVillageIndicator' });

const villageFigure = z.object({
  value: decimal.describe('Nilai tepat (rasio: 6 desimal) / the exact figure (a rate: 6 decimals)'),
  shown: z.string().describe('Dibulatkan setengah ke atas, dua desimal / half up, two decimals'),
  numerator: decimal.describe('Jumlah (atau jumlah pembilang) / the count, or the numerators\' total'),
  denominator: decimal.nullable().describe('Jumlah penyebut; null untuk jumlah / the denominators\' total; null for a sum'),
  result: result.nullable().describe('Capaian terhadap target tahun itu, warna menurut pita daerah / achievement against the year\'s target, coloured by the region\'s bands'),
}).meta({ id: 'SakipVillageFigure' });

export const villageEntry = z.object({
  value: decimal.describe('Jumlah, atau pembilang rasio / the count, or a rate\'s numerator'), denominator: decimal.nullable(), note: z.string(),
  version: z.number().int(), enteredAt: instant, enteredBy: z.string(), reason: z.string().nullable(), afterClose: z.boolean(),
  deleted: z.object({ at: instant, by: z.string(), reason: z.string() }).nullable()
    .describe('Dalam riwayat: versi ini dihapus (entri salah), kapan, oleh siapa dan mengapa / in the history: this version was deleted (a wrong entry), when, by whom and why'),
}).meta({ id: 'SakipVillageEntry' });

export const kecamatanBreakdown = z.object({
  plan: z.object({ id: z.string(), title: z.string(), kind: oneOf(['rpjmd', 'renstra']), unitId: z.string().nullable() }),
  indicator: z.object({ id: z.string(), name: z.string(), measure: z.string(), polarity: oneOf(['higher_is_better', 'lower_is_better']), aggregation: oneOf(['sum', 'average', 'last']) }),
  rule: villageRule, period: z.string(), year: z.number().int(), periods: z.array(z.string()).describe('Periode yang berisi data desa, terbaru dulu / periods with village values, newest first'),
  lockedBy: z.string().nullable().describe('Periode tertutup yang mengunci periode ini (hanya koordinator mengoreksi, dengan alasan); null bila terbuka / the closed period locking it (the coordinator corrects, with a reason); null when open'),
  targetPerPart: z.boolean().describe('Rasio: setiap kecamatan dan desa dibandingkan dengan target; jumlah: hanya totalnya (target adalah jumlah seluruh daerah) / a rate: every kecamatan and village is compared with the target; a sum: only the total (the target is the whole region\'s sum)'),
  target: target.nullable(),
  total: villageFigure.nullable().describe('Semua desa yang berisi: sama dengan realisasi indikator / every village with a value: the indicator\'s realisation'),
  realisation: realisation.nullable(),
  kecamatan: z.array(z.object({
    districtCode: z.string(), name: z.string(), unit: unitBrief.nullable(), villages: z.number().int(), entered: z.number().int(), figure: villageFigure.nullable(),
    rank: z.number().int().nullable(), editable: z.boolean(),
  })),
}).meta({ id: 'SakipKecamatanBreakdown' });

export const villageTable = kecamatanBreakdown.extend({
  villages: z.array(z.object({
    code: z.string(), name: z.string(), kind: z.string().describe('desa atau kelurahan'), districtCode: z.string(), districtName: z.string(),
    entry: villageEntry.nullable(), figure: villageFigure.nullable(), rank: z.number().int().nullable().describe('Peringkat, terbaik = 1 menurut polaritas / rank, best = 1 by polarity'),
  })),
}).meta({ id: 'SakipVillageTable' });

export const villageWrite = z.object({
  changed: z.number().int().describe('Desa yang nilainya berubah / villages whose value changed'),
  realisation: realisation.nullable().describe('Realisasi indikator yang ditulis ulang dari desa; null bila tidak ada yang berubah / the indicator\'s realisation rewritten from its villages; null when nothing changed'),
}).meta({ id: 'SakipVillageWrite' });

export const villageHistory = z.object({ villageCode: z.string(), period: z.string(), versions: z.array(villageEntry) }).meta({ id: 'SakipVillageHistory' });
