// What the tenant-isolation test aims at (contract: IsolationFixtures): the
// leader's page holds no records of its own; its routes read every module's
// figures for the region in the URL, so the test's callers from another
// region must be refused them. The trend route needs a trend that exists; the
// choice of published figures a body that would be saved.
import type { IsolationFixtures } from '../../platform/modules/contract.js';
import { listTiles } from '../../platform/modules/tiles.js';

export const pimpinanIsolation: IsolationFixtures = {
  async records() {
    const withTrend = listTiles().find(({ tile }) => tile.trend);
    if (!withTrend) throw new Error('The leader\'s page isolation fixtures need a tile with a trend');
    return { params: { ref: `${withTrend.module}.${withTrend.tile.trend}` }, secrets: [], private: [] };
  },
  // The region admin's choice of published figures: a real tile, which the region's own admin could publish.
  request({ method, url }) {
    if (method === 'PUT' && url === '/api/regions/:region/pimpinan/publik/pilihan') {
      const [first] = listTiles();
      return { body: { refs: [`${first.module}.${first.tile.key}`] } };
    }
    return undefined;
  },
};
