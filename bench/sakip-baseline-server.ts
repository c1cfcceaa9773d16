// The naive e-SAKIP baseline for `npm run bench` (bench/sakip.ts): a bare
// node:http server on its own copy of the data that answers the region view
// and the province's IKU comparison by recomputing every indicator from the
// raw targets and realisations, plan by plan (service/overview-raw.ts, the
// overview as it was before the stored summary), with the efficiency of the
// budgeted plans recomputed the same way. No framework, no checks.
import '../src/modules/registry.js'; // installs the modules
import { createServer } from 'node:http';
import { openDatabase } from '../src/platform/db/client.js';
import { childRegions, getRegion } from '../src/platform/regions/service.js';
import { Dec, round2 } from '../src/platform/decimal.js';
import { RAW, regionOverviewFromRaw } from '../src/modules/sakip/service/overview-raw.js';
import { efficiencyTotal, withEfficiency } from '../src/modules/sakip/service/efficiency.js';
import { contextOf } from './support.js';

const database = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, poolSize: 4 } : { dataDir: process.env.PAMONG_DATA_DIR! });
const ctx = contextOf(database);

async function answer(path: string, query: URLSearchParams): Promise<unknown> {
  const overview = /^\/api\/regions\/([\d.]+)\/sakip\/overview$/.exec(path);
  if (overview) {
    const region = await getRegion(database.db, overview[1]);
    return withEfficiency(ctx, region, await regionOverviewFromRaw(ctx, region, Number(query.get('year'))), query.get('unit') ? { unitId: query.get('unit')! } : null, RAW);
  }
  const province = /^\/api\/regions\/([\d.]+)\/sakip\/province-comparison$/.exec(path);
  if (!province) return null;
  const year = Number(query.get('targetsYear'));
  const regions = [];
  for (const code of (await childRegions(database.db, province[1])).sort()) {
    const region = await getRegion(database.db, code);
    const overview = await regionOverviewFromRaw(ctx, region, year);
    const { iku } = overview;
    regions.push({ code, targets: { year, met: iku.met, withTarget: iku.withTarget, indicators: iku.indicators,
      percent: iku.withTarget === 0 ? null : round2(new Dec(iku.met).times(100).div(iku.withTarget)).toFixed(2) }, efficiency: await efficiencyTotal(ctx, region, overview, RAW) });
  }
  return { province: province[1], targetsYear: year, regions };
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') return void res.end('ok');
  answer(url.pathname, url.searchParams).then((body) => {
    res.writeHead(body === null ? 404 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }, (err: unknown) => {
    res.writeHead(500);
    res.end(String(err));
  });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void database.close().then(() => process.exit(0))));
