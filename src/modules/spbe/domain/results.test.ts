import { describe, expect, it } from 'vitest';
import { frameworkBreaks, parseResultsCsv } from './results.js';
import { nationalSeriesCsv } from '../seed.js';

describe('results CSV', () => {
  it('reads the national series', () => {
    const { rows, problems } = parseResultsCsv(nationalSeriesCsv);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.year, r.index])).toEqual([[2018, 1.98], [2019, 2.18], [2020, 2.26], [2021, 2.24], [2022, 2.34], [2023, 2.79], [2024, 3.12]]);
    expect(rows[3]).toMatchObject({ regionCode: '00', framework: 'spbe-2020', version: 1 });
    expect(rows[0]).toMatchObject({ framework: 'spbe-2018', version: null });
  });

  it('reads an Indonesian spreadsheet export: semicolons, decimal commas, Indonesian headers, domain and aspect columns', () => {
    const csv = '\uFEFFkode_wilayah;tahun;versi_kerangka;indeks;domain:D1;aspek:a7\r\n32.11;2024;spbe-2020@1;"3,45";3,10;\r\n';
    const { rows, problems } = parseResultsCsv(csv);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, regionCode: '32.11', year: 2024, framework: 'spbe-2020', version: 1, index: 3.45, predicate: null, domains: { D1: 3.1 }, aspects: {} }]);
  });

  it('reports every bad line at once', () => {
    const csv = 'region_code,year,framework_version,index\n32.11,2024,spbe-2020@1,3.456\n3211,2024,spbe-2020@1,3\n32.11,24,spbe-2020@1,3\n32.73,2024,SPBE 2020,3\n32.73,2023,spbe-2020@1,6\n';
    expect(parseResultsCsv(csv).problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('refuses a file without the required columns or with unknown ones', () => {
    expect(parseResultsCsv('region_code,year,index\n32.11,2024,3\n').problems).toEqual([{ line: 1, message: { id: 'kolom framework_version tidak ada', en: 'missing column framework_version' } }]);
    expect(parseResultsCsv('region_code,year,framework_version,index,skor\n32.11,2024,spbe-2018,3,1\n').problems).toEqual([{ line: 1, message: { id: 'kolom skor tidak dikenal', en: 'unknown column skor' } }]);
  });
});

describe('framework breaks in a trend', () => {
  it('marks the first year under another framework or version', () => {
    const points = [
      { year: 2020, frameworkCode: 'spbe-2018', version: null },
      { year: 2021, frameworkCode: 'spbe-2020', version: 1 },
      { year: 2022, frameworkCode: 'spbe-2020', version: null },
      { year: 2023, frameworkCode: 'spbe-2020', version: 1 },
      { year: 2024, frameworkCode: 'spbe-2020', version: 2 },
      { year: 2026, frameworkCode: 'pemdi-2026', version: 1 },
    ];
    expect(frameworkBreaks(points)).toEqual([false, true, false, false, true, true]);
  });
});
