import type { TestSystem } from './system.js';

/**
 * A word of the measures found in both roadmaps, in few enough items that a picker's first page
 * holds them all: what a secretary would type to find a measure of either.
 */
export async function commonWord(t: TestSystem, roadmapIds: string[]): Promise<string> {
  const measures: string[][] = [];
  for (const roadmapId of roadmapIds) {
    const res = await t.gql<{ roadmapItems: { edges: { node: { measure: string } }[] } }>(
      'query ($id: ID) { roadmapItems(roadmapId: $id, first: 200) { edges { node { measure } } } }',
      { id: roadmapId },
    );
    measures.push(res.data!.roadmapItems.edges.map((e) => e.node.measure.toLowerCase()));
  }
  const words = new Set(measures.flat().flatMap((m) => m.match(/\p{L}{6,}/gu) ?? []));
  const found = [...words].sort().find((w) => {
    const counts = measures.map((list) => list.filter((m) => m.includes(w)).length);
    return counts.every((c) => c > 0) && counts.reduce((a, b) => a + b, 0) <= 12;
  });
  if (!found) throw new Error('no word common to both roadmaps');
  return found;
}
