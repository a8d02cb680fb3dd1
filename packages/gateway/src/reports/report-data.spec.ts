import { parse } from 'graphql';
import { reportOperation, reportShape } from './report-data.js';

const SDL = `
type Query { indicators: Indicators  healthFigures(asOf: String): HealthFigures  other: Int }
type Indicators { scope: String! asOf: String! trainingFlatPlaces: Int! """Сотрудников на учёте""" staffed: Float applications: Int @deprecated housing: [Int!]! }
type HealthFigures { """Выдано заключений""" conclusionsIssued: Int! note: String }
`;

describe('report shape from the composed graph', () => {
  it('takes every plain number of Indicators, whichever subgraph adds it', () => {
    const shape = reportShape(SDL);
    expect(shape.indicatorNumbers.map((f) => f.name)).toEqual([
      'trainingFlatPlaces',
      'staffed',
      'applications',
    ]);
    expect(shape.indicatorNumbers[1]!.label).toBe('Сотрудников на учёте');
  });

  it('adds a ministry’s figures query once the graph has it, and only then', () => {
    const shape = reportShape(SDL);
    expect(shape.ministries).toEqual([
      { query: 'healthFigures', fields: [{ name: 'conclusionsIssued', label: 'Выдано заключений' }] },
    ]);
    expect(reportOperation(shape)).toContain('healthFigures(asOf: $asOf) { conclusionsIssued }');
    expect(() => parse(reportOperation(shape))).not.toThrow();
    expect(reportShape('type Query { indicators: Int }').ministries).toEqual([]);
  });
});
