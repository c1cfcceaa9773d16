// What the tenant-isolation test aims at (contract: IsolationFixtures): the
// leader's page holds no records of its own; its routes read every module's
// figures for the region in the URL, so the test's callers from another
// region must be refused them. The trend route needs a trend that exists.
import type { IsolationFixtures } from '../../platform/modules/contract.js';
import { listTiles } from '../../platform/modules/tiles.js';

export const pimpinanIsolation: IsolationFixtures = {
  async records() {
    const withTrend = listTiles().find(({ tile }) => tile.trend);
    if (!withTrend) throw new Error('The leader\'s page isolation fixtures need a tile with a trend');
    return { params: { ref: `${withTrend.module}.${withTrend.tile.trend}` }, secrets: [], private: [] };
  },
};
