import { ManualClock } from '@sl/core';
import { startTestSystem, type TestSystem } from '../support/system.js';

describe('coordination demo data', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({
      env: { DEMO_DATA: 'true', DEMO_PEOPLE: '5' },
      clock: new ManualClock(new Date('2026-01-15T09:00:00Z')),
    });
  });
  afterAll(() => t.stop());

  it('shows the real Kaliningrad roadmap with done and late obligations and a Council meeting', async () => {
    const res = await t.gql<{
      roadmaps: { edges: { node: { title: string; sections: unknown[] } }[] };
      late: { totalCount: number; edges: { node: { item: { key: string } } }[] };
      done: { totalCount: number };
      councilMeetings: {
        edges: { node: { decisions: { number: string; status: string; overdue: boolean }[] } }[];
      };
    }>(`{
      roadmaps(region: "kaliningrad") { edges { node { title sections { key } } } }
      late: lateObligations(first: 50) { totalCount edges { node { item { key } } } }
      done: obligations(filter: { status: DONE }) { totalCount }
      councilMeetings(region: "kaliningrad") { edges { node { decisions { number status overdue } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.roadmaps.edges).toHaveLength(1);
    expect(d.roadmaps.edges[0]!.node.sections).toHaveLength(3);
    // items 3 and 13 (due 31.12.2024 and 01.01.2025) were left undone; so were the 2025 annual
    // ones and item 18's monitoring for 2024 (due 01.10.2025)
    expect(new Set(d.late.edges.map((e) => e.node.item.key))).toEqual(
      new Set(['3', '13', '7', '8', '9', '10', '11', '15', '17', '18', '20']),
    );
    expect(d.done.totalCount).toBeGreaterThan(10);
    expect(d.councilMeetings.edges[0]!.node.decisions).toEqual([
      { number: '1', status: 'DONE', overdue: false },
      { number: '2', status: 'OPEN', overdue: true },
      { number: '3', status: 'OPEN', overdue: false },
    ]);
  });
});
