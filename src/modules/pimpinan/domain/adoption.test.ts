import { describe, expect, it } from 'vitest';
import { rankAdoption } from './adoption.js';

const units = [
  { id: 'a', code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
  { id: 'b', code: 'DPUPR', name: 'Dinas PUPR' },
  { id: 'c', code: 'DISHUB', name: 'Dinas Perhubungan' },
  { id: 'd', code: 'BAPPEDA', name: 'Bappeda' },
];

describe('units\' digital adoption', () => {
  it('scores a unit by the mean of its shares, leaves out work it had none of, and lists the lowest first', () => {
    const rows = rankAdoption(units, [
      { ref: 'complaints.answered-on-time', units: [{ unitId: 'a', done: 9, total: 10 }, { unitId: 'b', done: 1, total: 4 }, { unitId: 'c', done: 0, total: 0 }] },
      { ref: 'surat.followed-up', units: [{ unitId: 'a', done: 1, total: 2 }, { unitId: 'c', done: 3, total: 3 }] },
    ]);
    expect(rows.map((r) => [r.code, r.score, r.rank])).toEqual([
      ['DPUPR', 25, 3],
      ['DISKOMINFO', 70, 2],
      ['DISHUB', 100, 1],
      ['BAPPEDA', null, null],
    ]);
    expect(rows[1].measures).toEqual({
      'complaints.answered-on-time': { done: 9, total: 10, percent: 90 },
      'surat.followed-up': { done: 1, total: 2, percent: 50 },
    });
    // A unit with nothing due is not given a zero for it.
    expect(rows[2].measures).toEqual({ 'surat.followed-up': { done: 3, total: 3, percent: 100 } });
  });

  it('gives equal scores the same rank', () => {
    const rows = rankAdoption(units.slice(0, 3), [{ ref: 'x.y', units: [{ unitId: 'a', done: 1, total: 2 }, { unitId: 'b', done: 2, total: 4 }, { unitId: 'c', done: 2, total: 2 }] }]);
    expect(rows.map((r) => [r.code, r.rank])).toEqual([['DPUPR', 2], ['DISKOMINFO', 2], ['DISHUB', 1]]);
  });
});
