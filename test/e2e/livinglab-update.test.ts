// A new version reaches an adopter, in Chromium on a phone: Kota Bandung
// adopted all of Sumedang's complaint categories (set up through the API);
// Sumedang changes two categories' descriptions and publishes a new version.
// Kota Bandung's Living Lab officer sees "new version available" on its
// Living Lab page, opens the difference (the two categories as changes, with
// ours and theirs, unchecked; the rest unchanged), takes only one of them and
// applies it: that category has Sumedang's new description, the other keeps
// its own, and the adoption is now at the new version.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users } from '../../src/platform/schema.js';
import { createUser, grantRole } from '../../src/platform/auth/service.js';
import { enableRegion } from '../../src/platform/regions/service.js';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

const SOURCE = '32.11';
const TARGET = '32.73';
type Preview = { source: { version: number }; units: { code: string; unitId: string | null }[]; changes: { key: string; kind: 'add' | 'change' | 'same'; label: string }[] };
type Category = { code: string; description: string };

describeInBrowser('Living Lab: a new version reaches an adopter', (b) => {
  it('shows the adopter the update, the difference, and applies only the lines it chose', async () => {
    await b.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, TARGET);
      // Kota Bandung has units with Sumedang's codes: every source unit is suggested.
      await tx.execute(sql`insert into units (region_code, code, name) select ${TARGET}, code, name || ' Kota Bandung' from units where region_code = ${SOURCE}`);
      const [hash] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = 'admin@sumedang.demo'`);
      const id = await createUser(tx, { email: 'livinglab@kotabandung.test', name: 'Living Lab Kota Bandung', passwordHash: hash.passwordHash ?? undefined });
      await grantRole(tx, TARGET, id, 'livinglab_officer', null);
    });
    const officer = await b.apiSession('livinglab@kotabandung.test');
    const { items } = await b.api<{ items: { id: string; title: string }[] }>('GET', `/api/livinglab/solutions?module=complaints&region=${SOURCE}`);
    const solution = items[0];
    const base = `/api/regions/${TARGET}/livinglab/adoptions`;
    // Adopts everything of the current version.
    const first = await b.api<Preview>('POST', `${base}/preview`, { solutionId: solution.id }, officer);
    const unitMap = Object.fromEntries(first.units.map((u) => [u.code, u.unitId!]));
    expect(Object.values(unitMap).every(Boolean)).toBe(true);
    await b.api('POST', base, { solutionId: solution.id, version: first.source.version, unitMap, take: first.changes.filter((c) => c.kind !== 'same').map((c) => c.key) }, officer);
    const categories = () => b.ctx.database.rows<Category>(sql`select code, description from categories where region_code = ${TARGET} order by code`);
    const before = await categories();
    expect(before.length).toBeGreaterThan(2);
    const [one, two] = before.map((c) => c.code);
    const theirs = (code: string) => `Uraian baru ${code} dari Sumedang`;

    // Sumedang changes two categories and publishes.
    await b.ctx.database.rows(sql`update categories set description = 'Uraian baru ' || code || ' dari Sumedang' where region_code = ${SOURCE} and code in (${one}, ${two})`);
    const sumedang = await b.apiSession('livinglab@sumedang.demo');
    const published = await b.api<{ latestVersion: number }>('POST', `/api/regions/${SOURCE}/livinglab/solutions/${solution.id}/publish`, { changelog: 'Uraian dua kategori diperbarui' }, sumedang);
    expect(published.latestVersion).toBe(first.source.version + 1);

    // The adopter sees the update on its Living Lab page.
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'livinglab@kotabandung.test');
    await page.goto(b.url(`/staff/${TARGET}/livinglab`));
    await eventually(() => page.getByText(`Versi baru tersedia: ${published.latestVersion}`).isVisible()).toBe(true);
    expect(await page.getByText('Uraian dua kategori diperbarui').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Tinjau dan adopsi versi baru' }).click();
    await eventually(() => page.getByRole('heading', { name: `Adopsi: ${solution.title}` }).isVisible()).toBe(true);

    // The difference: the two categories are changes, unchecked, with ours and theirs; nothing is new.
    const changed = page.locator('.livinglab-diff tbody tr.change');
    await eventually(() => changed.count()).toBe(2);
    expect(await page.locator('.livinglab-diff tbody tr.add').count()).toBe(0);
    expect(await page.locator('.livinglab-diff tbody tr.same').count()).toBeGreaterThan(0);
    expect(await changed.locator('input:checked').count()).toBe(0);
    const rowOf = (code: string) => changed.filter({ hasText: theirs(code) });
    expect(await rowOf(one).locator('ins').allTextContents()).toContain(theirs(one));
    expect(await rowOf(two).locator('ins').allTextContents()).toContain(theirs(two));
    await eventually(() => page.getByRole('button', { name: 'Adopsi 0 baris terpilih' }).isVisible()).toBe(true);

    // Only the first.
    await rowOf(one).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Adopsi 1 baris terpilih' }).click();
    await eventually(() => page.getByText(/^Selesai: \d+ hal diterapkan/).isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);

    const after = await categories();
    const description = (list: Category[], code: string) => list.find((c) => c.code === code)?.description;
    expect(description(after, one)).toBe(theirs(one));
    expect(description(after, two)).toBe(description(before, two));
    expect(description(after, two)).not.toBe(theirs(two));
    const adoptions = await b.api<{ solutionId: string; version: number; updateAvailable: boolean }[]>('GET', base, undefined, officer);
    expect(adoptions.find((a) => a.solutionId === solution.id)).toMatchObject({ version: published.latestVersion, updateAvailable: false });
  });
});
