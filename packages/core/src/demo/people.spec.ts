import { checkSnils, snilsFromBody } from '../validation/snils.js';
import { demoProfile } from './generator.js';
import { DEMO_MAX_PEOPLE, demoPeople, demoPeopleChunks, demoSnilsBody } from './people.js';

describe('demo people in chunks', () => {
  it('continues one seeded faker: the first people of any profile are the demo people', () => {
    const demo = demoPeople(300, 'kaluga');
    const chunked = [...demoPeopleChunks(300, 'kaluga', 70)];
    expect(chunked.map((c) => c.length)).toEqual([70, 70, 70, 70, 20]);
    expect(chunked.flat()).toEqual(demo);
    // A large profile tells other stories, never other people.
    const large = [...demoPeopleChunks(300, 'kaluga', 1000, demoProfile('country').scale)].flat();
    expect(large.map(({ journey: _, ...p }) => p)).toEqual(demo.map(({ journey: _, ...p }) => p));
  });

  it('gives every index of the country profile a СНИЛС band of its own, nine digits long', () => {
    // seed 002 §2: the СНИЛС identifies the person; bands that do not overlap make them unique.
    expect(DEMO_MAX_PEOPLE).toBeGreaterThanOrEqual(1_000_000);
    let previousMax = 1_001_998;
    for (let index = 0; index < DEMO_MAX_PEOPLE; index += 1) {
      const min = demoSnilsBody(index, 0);
      const max = Math.max(demoSnilsBody(index, 7000), demoSnilsBody(index, 99));
      if (min <= previousMax || max > 999_999_999) throw new Error(`band of ${index} overlaps or overflows`);
      previousMax = max;
    }
    expect(() => demoPeopleChunks(DEMO_MAX_PEOPLE + 1, 'kaluga', 10).next()).toThrow();
  });

  it('keeps the demo numbers and makes valid ones past them', () => {
    expect(demoSnilsBody(5, 123)).toBe(100_000_000 + 5 * 7919 + 123);
    for (const index of [0, 99_999, 100_000, 500_000, DEMO_MAX_PEOPLE - 1]) {
      for (const jitter of [0, 57, 7000]) {
        expect(checkSnils(snilsFromBody(demoSnilsBody(index, jitter)))).toBeNull();
      }
    }
  });

  it('the large profiles put about 30% in work and 10% in education; the demo keeps its stories', () => {
    const large = [...demoPeopleChunks(20_000, 'kaluga', 5000, demoProfile('region').scale)].flat();
    const share = (f: (p: (typeof large)[number]) => boolean) => large.filter(f).length / large.length;
    expect(share((p) => p.journey.job !== 'NONE')).toBeGreaterThan(0.27);
    expect(share((p) => p.journey.job !== 'NONE')).toBeLessThan(0.33);
    expect(share((p) => p.journey.education !== 'NONE')).toBeCloseTo(0.1, 2);
    // Work only after a grant (seed 001 §13 е), never in a terminated story.
    for (const p of large.filter((x) => x.journey.job !== 'NONE')) {
      expect(p.journey.application).toBe('GRANTED');
      expect(p.journey.steps).not.toContain('TERMINATE');
    }
    const demo = demoPeople(300, 'kaluga');
    expect(demo.filter((p) => p.journey.education !== 'NONE')).toHaveLength(60);
  });
});
