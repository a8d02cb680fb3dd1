import { parse } from 'graphql';
import { reportOperation, reportShape } from './report-data.js';

const SDL = `
type Query { indicators: Indicators  municipalityIndicators(asOf: String): [Indicators!]!  other: Int }
type Indicators { scope: String! asOf: String! trainingFlatPlaces: Int! """Сотрудников на учёте""" staffed: Float applications: Int @deprecated housing: [Int!]! }
extend type Indicators { """Трудоустроено""" peopleEmployed: Int note: String }
`;

describe('report shape from the composed graph', () => {
  it('takes every plain number of Indicators, whichever subgraph adds it', () => {
    const shape = reportShape(SDL);
    expect(shape.indicatorNumbers.map((f) => f.name)).toEqual([
      'trainingFlatPlaces',
      'staffed',
      'applications',
      'peopleEmployed',
    ]);
    expect(shape.indicatorNumbers[1]!.label).toBe('Сотрудников на учёте');
  });

  it('adds the per-municipality table once the graph lists municipalities, and only then', () => {
    const shape = reportShape(SDL);
    expect(shape.byMunicipality).toBe(true);
    expect(reportOperation(shape)).toContain('municipalities: municipalityIndicators(asOf: $asOf)');
    expect(() => parse(reportOperation(shape))).not.toThrow();
    const without = reportShape('type Query { indicators: Indicators } type Indicators { scope: String! }');
    expect(without.byMunicipality).toBe(false);
    expect(reportOperation(without)).not.toContain('municipalityIndicators');
    expect(() => parse(reportOperation(without))).not.toThrow();
  });
});
