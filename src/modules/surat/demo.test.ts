// The correspondence demo: Diskominfo Sumedang's outgoing letters in every
// state, made through the module's own use cases (numbered from the counters,
// PDFs rendered and signed), and the letter sent to the province arriving in
// the register of the province's Sekretariat Daerah, where its demo records
// clerk sees it; the certificates public services issued in the demo are in
// the kecamatan's register, numbered in the region's letter numbering.
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp, type Session } from '../../../test/harness.js';

const S = '/api/regions/32.11/surat';

describeWithApp('Correspondence demo', (h) => {
  let clerk: Session;
  let letters: { id: string; subject: string; status: string; direction: string; number: string | null }[];
  const bySubject = (words: string) => letters.find((l) => l.subject.includes(words))!;

  beforeAll(async () => {
    clerk = await h.signIn('tu.kominfo@sumedang.demo');
    const units = (await h.api('GET', '/api/regions/32.11/units', { session: clerk })).body as { id: string; code: string }[];
    const unitId = units.find((u) => u.code === 'DISKOMINFO')!.id;
    const outgoing = await h.api('GET', `${S}/letters?box=unit&unitId=${unitId}&direction=outgoing&limit=100`, { session: clerk });
    const memos = await h.api('GET', `${S}/letters?box=unit&unitId=${unitId}&direction=memo&limit=100`, { session: clerk });
    letters = [...outgoing.body.items, ...memos.body.items];
  });

  it('has Diskominfo\'s outgoing letters in every state, and an internal memo', async () => {
    expect(Object.fromEntries(letters.map((l) => [l.subject, l.status]))).toEqual({
      'Undangan sosialisasi portal Satu Data Sumedang': 'draft',
      'Penyampaian data aplikasi untuk evaluasi SPBE 2026': 'verifying',
      'Undangan pelatihan keamanan informasi bagi operator perangkat daerah': 'returned',
      'Rekomendasi teknis pengadaan aplikasi antrean Dinas Kesehatan': 'to_sign',
      'Undangan rapat evaluasi layanan jaringan intra pemerintah': 'signed',
      'Tanggapan permohonan dukungan integrasi layanan perizinan': 'sent',
      'Laporan pelaksanaan penilaian mandiri SPBE Kabupaten Sumedang 2026': 'sent',
      'Undangan rapat persiapan Hari Jadi Sumedang bidang publikasi': 'signed',
      'Permintaan data titik kamera pengawas untuk ruang kendali': 'sent',
    });
    expect(bySubject('kamera pengawas').direction).toBe('memo');
    // Numbered only once signed, from the counters: no number twice.
    const numbered = letters.filter((l) => l.number).map((l) => l.number!);
    expect(numbered).toHaveLength(5);
    expect(new Set(numbered).size).toBe(5);
    for (const l of letters.filter((x) => ['draft', 'verifying', 'returned', 'to_sign'].includes(x.status))) expect(l.number).toBeNull();
  });

  it('shows the returned letter\'s notes, the electronic signature with its PDF, and the paper one with its scan', async () => {
    const returned = (await h.api('GET', `${S}/outgoing/${bySubject('pelatihan keamanan').id}`, { session: clerk })).body;
    expect(returned.reviews).toMatchObject([{ status: 'returned', note: expect.stringContaining('daftar peserta') }]);
    const waiting = (await h.api('GET', `${S}/outgoing/${bySubject('evaluasi SPBE 2026').id}`, { session: clerk })).body;
    expect(waiting.reviews).toMatchObject([{ status: 'pending', verifier: 'Ujang Kabid Aptika' }]);

    const signed = bySubject('jaringan intra pemerintah');
    expect(signed.number).toMatch(/^000\.1\.1\/\d{3}\/DISKOMINFO\/\d{4}$/);
    expect((await h.api('GET', `${S}/outgoing/${signed.id}`, { session: clerk })).body).toMatchObject({ signMethod: 'electronic', signerName: 'Kepala Dinas Kominfo Sumedang' });
    const pdf = await h.app.inject({ method: 'GET', url: `${S}/outgoing/${signed.id}/pdf`, headers: { cookie: clerk.cookie } });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('/ByteRange');

    const paper = bySubject('Hari Jadi');
    // Numbers follow the order of signing: the paper letter was signed five days earlier in the same series.
    const sequence = (l: { number: string | null }) => Number(l.number!.split('/')[1]);
    expect(sequence(paper)).toBeLessThan(sequence(signed));
    expect((await h.api('GET', `${S}/outgoing/${paper.id}`, { session: clerk })).body.signMethod).toBe('paper');
    const detail = (await h.api('GET', `${S}/letters/${paper.id}`, { session: clerk })).body;
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['pindaian-bertanda-tangan-basah.pdf']);

    const sent = (await h.api('GET', `${S}/outgoing/${bySubject('integrasi layanan perizinan').id}`, { session: clerk })).body;
    expect(sent.recipients).toMatchObject([{ kind: 'unit', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', deliveredAt: expect.any(String) }]);
  });

  it('lists each person\'s outgoing boxes as the home counts them: drafts, to initial, to sign, signed (unsent first)', async () => {
    const box = async (email: string, name: string) => {
      const session = await h.signIn(email);
      const res = await h.api('GET', `${S}/outgoing?box=${name}`, { session });
      expect(res.status, res.raw).toBe(200);
      return { items: res.body.items as { subject: string; status: string }[], home: (await h.api('GET', `${S}/home`, { session })).body };
    };
    const staf = await box('staf.aptika@sumedang.demo', 'mine');
    expect(staf.items.map((l) => l.status)).toEqual(['draft', 'returned', 'verifying', 'to_sign']);
    expect(staf.home.myDrafts).toBe(2);
    const kabid = await box('kabid.aptika@sumedang.demo', 'to_verify');
    expect([kabid.items.map((l) => l.subject), kabid.home.toVerify]).toEqual([['Penyampaian data aplikasi untuk evaluasi SPBE 2026'], 1]);
    const head = await box('kadis.kominfo@sumedang.demo', 'to_sign');
    expect([head.items.map((l) => l.subject), head.home.toSign]).toEqual([['Rekomendasi teknis pengadaan aplikasi antrean Dinas Kesehatan'], 1]);
    const signed = await box('tu.kominfo@sumedang.demo', 'signed');
    expect(signed.items.map((l) => l.status)).toEqual(['signed', 'signed', 'sent', 'sent', 'sent']);
    expect(signed.home.signedNotSent).toBe(2);
    // Another unit's staff are on none of them and see none.
    const other = await h.sessionWithRole('32.11', 'surat_staff', 'staf.pupr@surat.test', (await h.api('GET', '/api/regions/32.11/units', { session: clerk })).body.find((u: { code: string }) => u.code === 'PUPR').id);
    expect((await h.api('GET', `${S}/outgoing?box=signed`, { session: other })).body.items).toEqual([]);
  });

  it('has the results public services issued in the demo in the kecamatan\'s register, as outgoing letters numbered in the letter numbering', async () => {
    const records = await h.signIn('arsip@sumedang.demo');
    const register = await h.api('GET', `${S}/letters?box=all&direction=outgoing&limit=100&q=${encodeURIComponent('keterangan tidak mampu')}`, { session: records });
    const results = register.body.items as { id: string; number: string; unitName: string; status: string }[];
    expect(results.map((l) => [l.unitName, l.status])).toEqual([['Kecamatan Sumedang Selatan', 'sent'], ['Kecamatan Sumedang Selatan', 'sent']]);
    expect(results.map((l) => l.number).sort()).toEqual([1, 2].map((n) => expect.stringMatching(new RegExp(`^400\\.7\\.22/00${n}/KEC-SUMSEL/\\d{4}$`))));
    const letter = await h.api('GET', `${S}/outgoing/${results[0].id}`, { session: records });
    expect(letter.body).toMatchObject({ origin: 'layanan', signMethod: 'electronic', documentTypeCode: 'surat-keterangan' });
  });

  it('puts the letter sent to the province in the province\'s register, where its records clerk opens it', async () => {
    const report = bySubject('penilaian mandiri SPBE');
    const province = await h.signIn('tu.setda@jabarprov.demo');
    const register = await h.api('GET', '/api/regions/32/surat/letters?box=unit&limit=100', { session: province });
    expect(register.status, register.raw).toBe(200);
    const arrived = register.body.items.find((l: { number: string }) => l.number === report.number);
    expect(arrived).toMatchObject({
      direction: 'incoming', status: 'registered', access: 'open', unitName: 'Sekretariat Daerah Provinsi Jawa Barat', agendaNumber: 1,
      subject: 'Laporan pelaksanaan penilaian mandiri SPBE Kabupaten Sumedang 2026', senderName: 'Dinas Komunikasi dan Informatika, Kabupaten Sumedang', unread: true,
    });
    const unread = async () => (await h.api('GET', '/api/regions/32/surat/home', { session: province })).body.unreadLetters;
    expect(await unread()).toBe(1);
    const opened = await h.api('GET', `/api/regions/32/surat/letters/${arrived.id}`, { session: province });
    expect(opened.body).toMatchObject({ number: report.number, unit: { code: 'SETDA' } });
    expect(await unread()).toBe(0);
  });
});
