// The training rules without I/O: completion and its date, counts per unit, the export's rows.
import { expect, it } from 'vitest';
import { completionProblem, countByUnit, EXPORT_HEADER, exportRows } from './training.js';

const programme = { startDate: '2026-10-05' };

it('asks a completion date exactly when completed, within the programme and today', () => {
  expect(completionProblem('completed', '2026-10-09', programme, '2026-11-02')).toBeNull();
  expect(completionProblem('completed', '2026-10-05', programme, '2026-10-05')).toBeNull();
  expect(completionProblem('completed', null, programme, '2026-11-02')).toMatch(/required/);
  expect(completionProblem('completed', '2026-10-04', programme, '2026-11-02')).toMatch(/before/);
  expect(completionProblem('completed', '2026-11-03', programme, '2026-11-02')).toMatch(/future/);
  expect(completionProblem('enrolled', null, programme, '2026-11-02')).toBeNull();
  expect(completionProblem('not_completed', '2026-10-09', programme, '2026-11-02')).toMatch(/only for a completed/);
});

it('counts participants and completions per unit, most participants first', () => {
  expect(countByUnit([
    { unitId: 'b', status: 'completed' }, { unitId: 'a', status: 'enrolled' }, { unitId: 'b', status: 'not_completed' }, { unitId: 'c', status: 'completed' },
  ])).toEqual([{ unitId: 'b', participants: 2, completed: 1 }, { unitId: 'a', participants: 1, completed: 0 }, { unitId: 'c', participants: 1, completed: 1 }]);
});

it('writes a row per participant and one for a programme without any, in the header\'s columns', () => {
  const rows = exportRows([
    { title: 'DLA', organiser: 'Komdigi', kind: 'digital_leadership', startDate: '2026-10-05', endDate: '2026-10-09', hours: 40,
      participants: [{ name: 'Budi', nip: null, unit: 'PUPR', position: 'Kepala Dinas', status: 'completed', completedOn: '2026-10-09', certificate: true }] },
    { title: 'Bimtek', organiser: 'BPSDM', kind: 'gcio', startDate: '2026-11-01', endDate: '2026-11-01', hours: null, participants: [] },
  ]);
  expect(rows.every((r) => r.length === EXPORT_HEADER.length)).toBe(true);
  expect(rows[0]).toEqual(['DLA', 'Komdigi', 'Kepemimpinan digital', '2026-10-05 s.d. 2026-10-09', 40, 'Budi', null, 'PUPR', 'Kepala Dinas', 'Lulus/selesai', '2026-10-09', 'ada']);
  expect(rows[1].slice(0, 6)).toEqual(['Bimtek', 'BPSDM', 'Bimbingan teknis GCIO', '2026-11-01', null, null]);
});
