// The application form's rules without a database: the definition's own
// checks, each field type's answers, NIK structure, conditional fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formSchema, isCalendarDate, nikDistrict, nikStructure, validateAnswers, type FormDefinition, type FormField } from './form.js';

const TODAY = '2026-12-06';
const l = (id: string) => ({ id });

const form = (...fields: FormField[]): FormDefinition => formSchema.parse({ fields });
const text = (key: string, required = true, extra: Partial<FormField> = {}): FormField => ({ key, label: l(key), required, type: 'text', maxLength: 20, ...extra } as FormField);
const purpose: FormField = { key: 'keperluan', label: l('Keperluan'), required: true, type: 'choice', multiple: false,
  options: [{ value: 'sekolah', label: l('Sekolah') }, { value: 'berobat', label: l('Berobat') }, { value: 'lainnya', label: l('Lainnya') }] };
const other: FormField = { key: 'keperluan_lain', label: l('Keperluan lain'), required: true, type: 'text', maxLength: 100, showIf: { field: 'keperluan', in: ['lainnya'] } };
const codes = (r: ReturnType<typeof validateAnswers>) => (r.ok ? [] : r.errors.map((e) => [e.key, e.code]));

describe('form definition', () => {
  it('accepts a form with every field type', () => {
    const f = form(
      text('nama'), { key: 'uraian', label: l('Uraian'), required: false, type: 'textarea', maxLength: 2000 },
      { key: 'luas', label: l('Luas'), required: true, type: 'number', integer: false, min: 0, max: 500, unit: 'm²' },
      { key: 'tanggal_lahir', label: l('Tanggal lahir'), required: true, type: 'date', notFuture: true }, purpose, other,
      { key: 'nik', label: l('NIK'), required: true, type: 'nik' }, { key: 'alamat', label: l('Alamat'), required: true, type: 'address' },
      { key: 'ktp', label: l('KTP'), required: true, type: 'document', accept: ['pdf', 'jpeg'], maxSizeMb: 2, multiple: false },
    );
    expect(f.fields).toHaveLength(9);
  });

  it('refuses duplicate keys, bad or reserved keys, a showIf on a later or non-choice field or an unknown value, duplicate options, min above max', () => {
    const bad: FormField[][] = [
      [text('nama'), text('nama')],
      [text('Nama')],
      [text('nomor')],
      [other, purpose],
      [text('keperluan'), { ...other }],
      [purpose, { ...other, showIf: { field: 'keperluan', in: ['kerja'] } }],
      [{ ...purpose, options: [...purpose.options, { value: 'sekolah', label: l('Sekolah lagi') }] } as FormField],
      [{ key: 'luas', label: l('Luas'), required: true, type: 'number', integer: true, min: 10, max: 1 }],
      [{ key: 'ktp', label: l('KTP'), required: true, type: 'document', accept: ['pdf'], maxSizeMb: 11, multiple: false }],
      [{ key: 'ktp', label: l('KTP'), required: true, type: 'document', accept: [], maxSizeMb: 1, multiple: false }],
    ];
    for (const fields of bad) expect(formSchema.safeParse({ fields }).success, JSON.stringify(fields)).toBe(false);
  });
});

describe('NIK', () => {
  // 32.11.01 (Wado, Sumedang), born 5 December 1990, serial 0001.
  const nik = (district = '321101', ddmmyy = '051290', serial = '0001') => `${district}${ddmmyy}${serial}`;

  it('needs exactly 16 digits', () => {
    for (const n of ['', '32110105129000', '32110105129000011', '321101051290000a', ' 3211010512900001']) expect(nikStructure(n)).toBe('layanan.nik_length');
    expect(nikStructure(nik())).toBeNull();
  });

  it('reads digits 7–12 as a birth date where women add 40 to the day', () => {
    expect(nikStructure(nik('321101', '451290'))).toBeNull();
    expect(nikStructure(nik('321101', '711290'))).toBeNull();
    expect(nikStructure(nik('321101', '311190'))).toBe('layanan.nik_birth_date');
    expect(nikStructure(nik('321101', '711190'))).toBe('layanan.nik_birth_date');
    expect(nikStructure(nik('321101', '001290'))).toBe('layanan.nik_birth_date');
    expect(nikStructure(nik('321101', '401290'))).toBe('layanan.nik_birth_date');
    expect(nikStructure(nik('321101', '721290'))).toBe('layanan.nik_birth_date');
    expect(nikStructure(nik('321101', '051390'))).toBe('layanan.nik_birth_date');
  });

  it('allows 29 February only in a leap year (00 is 2000, a leap year), for men and women', () => {
    for (const yy of ['92', '00', '24']) {
      expect(nikStructure(nik('321101', `2902${yy}`))).toBeNull();
      expect(nikStructure(nik('321101', `6902${yy}`))).toBeNull();
    }
    for (const yy of ['91', '23', '01']) {
      expect(nikStructure(nik('321101', `2902${yy}`))).toBe('layanan.nik_birth_date');
      expect(nikStructure(nik('321101', `6902${yy}`))).toBe('layanan.nik_birth_date');
    }
  });

  it('refuses serial 0000 and names the dotted district of its first six digits', () => {
    expect(nikStructure(nik('321101', '051290', '0000'))).toBe('layanan.nik_serial');
    expect(nikDistrict(nik())).toBe('32.11.01');
  });

  it('accepts every real date for men and women, and no impossible day (property)', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), fc.boolean(), fc.integer({ min: 1, max: 9999 }), (d, woman, serial) => {
      const day = d.getUTCDate() + (woman ? 40 : 0);
      const ddmmyy = `${String(day).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCFullYear() % 100).padStart(2, '0')}`;
      expect(nikStructure(`321101${ddmmyy}${String(serial).padStart(4, '0')}`)).toBeNull();
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), (dd, mm, yy) => {
      const day = dd > 40 ? dd - 40 : dd;
      const valid = isCalendarDate(1900 + yy, mm, day) || isCalendarDate(2000 + yy, mm, day);
      const n = `321101${String(dd).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(yy).padStart(2, '0')}0001`;
      expect(nikStructure(n) === null).toBe(valid);
    }));
  });
});

describe('validateAnswers', () => {
  it('returns clean answers: texts trimmed, blank optional answers left out, the place claims to confirm', () => {
    const f = form(text('nama'), text('catatan', false), { key: 'nik', label: l('NIK'), required: true, type: 'nik' }, { key: 'alamat', label: l('Alamat'), required: true, type: 'address' });
    const r = validateAnswers(f, { nama: '  Siti  ', catatan: '   ', nik: '3211014512900001', alamat: { street: 'Jl. Mawar 3', district: '32.11.01', village: '32.11.01.2001' } }, {}, TODAY);
    expect(r).toEqual({
      ok: true, documents: {},
      answers: { nama: 'Siti', nik: '3211014512900001', alamat: { street: 'Jl. Mawar 3', district: '32.11.01', village: '32.11.01.2001' } },
      claims: [{ key: 'nik', kind: 'nik_district', district: '32.11.01' }, { key: 'alamat', kind: 'address', district: '32.11.01', village: '32.11.01.2001' }],
    });
  });

  it('reports every field\'s error at once with its code and both languages', () => {
    const f = form(text('nama'), { key: 'umur', label: l('Umur'), required: true, type: 'number', integer: true, min: 17, max: 120 },
      { key: 'nik', label: l('NIK'), required: true, type: 'nik' }, purpose);
    const r = validateAnswers(f, { umur: 16.5, nik: '3211010512900000', keperluan: 'kerja', asal: 'x' }, {}, TODAY);
    expect(codes(r)).toEqual([['asal', 'layanan.field_unknown'], ['nama', 'layanan.field_required'], ['umur', 'layanan.number_integer'], ['nik', 'layanan.nik_serial'], ['keperluan', 'layanan.choice_unknown']]);
    expect(r.ok ? null : r.errors[1].messages).toEqual({ id: 'Wajib diisi.', en: 'Required.' });
  });

  it('refuses answers of the wrong type', () => {
    const f = form(text('nama'), { key: 'umur', label: l('Umur'), required: true, type: 'number', integer: true }, { ...purpose, multiple: true } as FormField,
      { key: 'alamat', label: l('Alamat'), required: true, type: 'address' }, { key: 'lahir', label: l('Lahir'), required: true, type: 'date' });
    const r = validateAnswers(f, { nama: 5, umur: '17', keperluan: 'sekolah', alamat: { street: 'Jl', district: '32.11.01', village: '32.11.01.2001', rt: '1' }, lahir: 20261206 }, {}, TODAY);
    expect(codes(r).map(([, c]) => c)).toEqual(Array(5).fill('layanan.field_type'));
    expect(codes(validateAnswers(f, [], {}, TODAY))).toEqual([['', 'layanan.field_type']]);
  });

  it('checks lengths, bounds and dates against the region\'s today', () => {
    const f = form(text('nama'), { key: 'luas', label: l('Luas'), required: true, type: 'number', integer: false, min: 0.5, max: 100 },
      { key: 'lahir', label: l('Lahir'), required: true, type: 'date', notFuture: true }, { key: 'mulai', label: l('Mulai'), required: true, type: 'date', notPast: true });
    expect(codes(validateAnswers(f, { nama: 'x'.repeat(21), luas: 0.4, lahir: '2026-12-07', mulai: '2026-12-05' }, {}, TODAY))).toEqual([
      ['nama', 'layanan.text_too_long'], ['luas', 'layanan.number_min'], ['lahir', 'layanan.date_future'], ['mulai', 'layanan.date_past']]);
    expect(codes(validateAnswers(f, { nama: 'x'.repeat(20), luas: 100.5, lahir: '2026-02-29', mulai: '2026-13-01' }, {}, TODAY))).toEqual([
      ['luas', 'layanan.number_max'], ['lahir', 'layanan.date_invalid'], ['mulai', 'layanan.date_invalid']]);
    expect(validateAnswers(f, { nama: 'x', luas: 12.75, lahir: TODAY, mulai: TODAY }, {}, TODAY).ok).toBe(true);
  });

  it('keeps multiple choices once each, in the options\' order', () => {
    const f = form({ ...purpose, multiple: true } as FormField);
    const r = validateAnswers(f, { keperluan: ['lainnya', 'sekolah', 'lainnya'] }, {}, TODAY);
    expect(r.ok && r.answers.keperluan).toEqual(['sekolah', 'lainnya']);
    expect(codes(validateAnswers(f, { keperluan: [] }, {}, TODAY))).toEqual([['keperluan', 'layanan.field_required']]);
  });

  it('requires a hidden field only when shown, and drops its answer when hidden', () => {
    const f = form(purpose, other);
    expect(validateAnswers(f, { keperluan: 'sekolah', keperluan_lain: 'Melamar kerja' }, {}, TODAY)).toMatchObject({ ok: true, answers: { keperluan: 'sekolah' } });
    expect(codes(validateAnswers(f, { keperluan: 'lainnya' }, {}, TODAY))).toEqual([['keperluan_lain', 'layanan.field_required']]);
    expect(validateAnswers(f, { keperluan: 'lainnya', keperluan_lain: 'Melamar kerja' }, {}, TODAY)).toMatchObject({ ok: true, answers: { keperluan_lain: 'Melamar kerja' } });
    // A field hanging on a refused choice is hidden too: one error, not two.
    expect(codes(validateAnswers(f, { keperluan: 'kerja' }, {}, TODAY))).toEqual([['keperluan', 'layanan.choice_unknown']]);
  });

  it('checks documents by count, size and declared type, and drops a hidden field\'s files', () => {
    const ktp: FormField = { key: 'ktp', label: l('KTP'), required: true, type: 'document', accept: ['pdf', 'jpeg'], maxSizeMb: 1, multiple: false };
    const foto: FormField = { key: 'foto', label: l('Foto'), required: false, type: 'document', accept: ['png'], maxSizeMb: 2, multiple: true, maxCount: 2, showIf: { field: 'keperluan', in: ['lainnya'] } };
    const f = form(purpose, ktp, foto);
    const pdf = { fileName: 'ktp.pdf', sizeBytes: 1024 * 1024, contentType: 'application/pdf' };
    const png = { fileName: 'a.png', sizeBytes: 10, contentType: 'image/png' };
    expect(codes(validateAnswers(f, { keperluan: 'lainnya' }, {}, TODAY))).toEqual([['ktp', 'layanan.field_required']]);
    expect(codes(validateAnswers(f, { keperluan: 'lainnya' }, { ktp: [pdf, pdf], foto: [png, png, png] }, TODAY))).toEqual([['ktp', 'layanan.document_count'], ['foto', 'layanan.document_count']]);
    expect(codes(validateAnswers(f, { keperluan: 'lainnya' }, { ktp: [{ ...pdf, sizeBytes: 1024 * 1024 + 1 }], foto: [pdf] }, TODAY))).toEqual([['ktp', 'layanan.document_too_large'], ['foto', 'layanan.document_type']]);
    expect(codes(validateAnswers(f, { keperluan: 'sekolah', ktp: 'x' }, { kk: [pdf] }, TODAY))).toEqual([['ktp', 'layanan.field_unknown'], ['kk', 'layanan.field_unknown'], ['ktp', 'layanan.field_required']]);
    expect(validateAnswers(f, { keperluan: 'sekolah' }, { ktp: [pdf], foto: [png] }, TODAY)).toMatchObject({ ok: true, documents: { ktp: [pdf] } });
  });

  it('never accepts a key that is not on the form, whatever else is answered (property)', () => {
    const f = form(text('nama', false), purpose);
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 10 }).filter((k) => k !== 'nama' && k !== 'keperluan' && k !== '__proto__'), fc.jsonValue(), (k, v) => {
      const r = validateAnswers(f, { keperluan: 'sekolah', [k]: v }, {}, TODAY);
      expect(codes(r)).toContainEqual([k, 'layanan.field_unknown']);
    }));
  });

  it('accepts exactly the texts within the limit and returns them trimmed (property)', () => {
    const f = form(text('nama'));
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      const r = validateAnswers(f, { nama: s }, {}, TODAY);
      const t = s.trim();
      if (t === '') expect(codes(r)).toEqual([['nama', 'layanan.field_required']]);
      else if (t.length > 20) expect(codes(r)).toEqual([['nama', 'layanan.text_too_long']]);
      else expect(r).toMatchObject({ ok: true, answers: { nama: t } });
    }));
  });
});
