// The lineage graph's layout, deterministic and without a library: regions
// are nodes, each adoption an edge from the source to the adopter; a region
// that adopted from nobody here sits in the first layer, an adopter one layer
// right of the furthest region it adopted from (cycles stop growing after as
// many rounds as there are nodes); in a layer, regions go by name.
import type { LineageEdge } from './types.js';

export interface GraphNode { key: string; label: string; layer: number; row: number }
export interface GraphLink { from: string; to: string; titles: string[] }

/** A node's key: the region's code, or for a package file the installation and the region it named. */
export const sourceKey = (e: LineageEdge) => e.from.code ?? `file:${e.from.installation ?? ''}|${e.from.name}`;

export function layoutLineage(edges: LineageEdge[]): { nodes: GraphNode[]; links: GraphLink[]; layers: number; rows: number } {
  const labels = new Map<string, string>();
  const links = new Map<string, GraphLink>();
  for (const e of edges) {
    const from = sourceKey(e);
    labels.set(from, e.from.name || from);
    labels.set(e.to.code, e.to.name);
    const key = `${from}→${e.to.code}`;
    const link = links.get(key) ?? { from, to: e.to.code, titles: [] };
    if (!link.titles.includes(e.title)) link.titles.push(e.title);
    links.set(key, link);
  }
  const keys = [...labels.keys()];
  const layer = new Map(keys.map((k) => [k, 0]));
  for (let round = 0; round < keys.length; round++) {
    let moved = false;
    for (const l of links.values()) {
      if (l.from === l.to) continue;
      const want = Math.min(layer.get(l.from)! + 1, keys.length - 1);
      if (want > layer.get(l.to)!) { layer.set(l.to, want); moved = true; }
    }
    if (!moved) break;
  }
  const byLayer = new Map<number, string[]>();
  for (const k of keys) byLayer.set(layer.get(k)!, [...(byLayer.get(layer.get(k)!) ?? []), k]);
  const nodes: GraphNode[] = [];
  for (const [l, ks] of byLayer) {
    ks.sort((a, b) => labels.get(a)!.localeCompare(labels.get(b)!, 'id') || a.localeCompare(b));
    ks.forEach((k, row) => nodes.push({ key: k, label: labels.get(k)!, layer: l, row }));
  }
  return {
    nodes, links: [...links.values()],
    layers: Math.max(0, ...nodes.map((n) => n.layer)) + 1, rows: Math.max(0, ...[...byLayer.values()].map((ks) => ks.length)),
  };
}
