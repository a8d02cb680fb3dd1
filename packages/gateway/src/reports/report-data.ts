import { type FieldDefinitionNode, Kind, parse, type TypeNode } from 'graphql';

/** A number a subgraph contributes, found in the composed schema, with its description as label. */
export interface FigureField {
  name: string;
  label: string;
}

/**
 * Root queries the ministries' subgraphs add (counts as of a date). Reports include each one the
 * supergraph has, with every number it returns: a ministry that adds a figure adds it to the
 * reports too, with no change here.
 */
export const MINISTRY_FIGURES = ['healthFigures', 'educationFigures', 'employmentFigures'] as const;

/** Figures of `Indicators` whose shape the reports lay out themselves (not plain numbers). */
const NUMBER_TYPES = new Set(['Int', 'Float']);

const namedScalar = (type: TypeNode): string | null =>
  type.kind === Kind.NON_NULL_TYPE
    ? namedScalar(type.type)
    : type.kind === Kind.NAMED_TYPE
      ? type.name.value
      : null;

function numberFields(fields: readonly FieldDefinitionNode[] | undefined): FigureField[] {
  return (fields ?? [])
    .filter((f) => !f.arguments?.length && NUMBER_TYPES.has(namedScalar(f.type) ?? ''))
    .map((f) => ({ name: f.name.value, label: f.description?.value.split('\n')[0] ?? f.name.value }));
}

export interface ReportShape {
  /** Plain numbers of `Indicators`, whichever subgraph adds them. */
  indicatorNumbers: FigureField[];
  /** Each ministry figures query present in the supergraph, with its plain numbers. */
  ministries: { query: string; fields: FigureField[] }[];
}

/** Reads what the composed graph offers today, once at start. */
export function reportShape(supergraphSdl: string): ReportShape {
  const types = new Map<string, readonly FieldDefinitionNode[] | undefined>();
  const returns = new Map<string, string>();
  for (const d of parse(supergraphSdl).definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    types.set(d.name.value, [...(types.get(d.name.value) ?? []), ...(d.fields ?? [])]);
    if (d.name.value === 'Query')
      for (const f of d.fields ?? []) {
        const t = namedScalar(f.type);
        if (t) returns.set(f.name.value, t);
      }
  }
  return {
    indicatorNumbers: numberFields(types.get('Indicators')).filter((f) => f.name !== 'asOf'),
    ministries: MINISTRY_FIGURES.filter((q) => returns.has(q)).map((query) => ({
      query,
      fields: numberFields(types.get(returns.get(query)!)),
    })),
  };
}

/** The one operation every report is made from, sent with the caller's own credentials. */
export function reportOperation(shape: ReportShape): string {
  const numbers = shape.indicatorNumbers.map((f) => f.name).join(' ');
  const ministries = shape.ministries
    .map((m) => `${m.query}(asOf: $asOf) { ${m.fields.map((f) => f.name).join(' ')} }`)
    .join('\n  ');
  return `query Report($asOf: LocalDate!, $from: LocalDate!) {
  indicators(asOf: $asOf) {
    scope asOf ${numbers}
    applications { submitted decided decidedOnTime shareDecidedOnTime pending pendingOverdue }
    peopleByStage { key people }
    peopleByAutonomyDegree { key people }
    peopleByServiceType { key label people }
    housing { kind units places occupied }
    roadmapByAgency { agencyName total done inProgress notStarted late }
    roadmapTotals { total done inProgress notStarted late }
    targets { indicator value comparator unit text itemNumber roadmapTitle }
  }
  series: indicatorSeries(from: $from, to: $asOf) {
    asOf ${numbers}
    applications { submitted decided decidedOnTime shareDecidedOnTime }
    peopleByStage { key people }
  }
  lateObligations(first: 100) {
    totalCount
    edges { node { periodLabel dueDate daysOverdue item { key number measure } responsibleAgency { name } } }
  }
  councilDecisions(first: 100) {
    edges { node { number text dueDate status overdue assignee { name } } }
  }
  ${ministries}
}`;
}

type Counts = { total: number; done: number; inProgress: number; notStarted: number; late: number };
export interface ReportData {
  indicators: Record<string, unknown> & {
    asOf: string;
    applications: {
      submitted: number;
      decided: number;
      decidedOnTime: number;
      shareDecidedOnTime: number | null;
      pending: number;
      pendingOverdue: number;
    };
    peopleByStage: { key: string; people: number }[];
    peopleByAutonomyDegree: { key: string; people: number }[];
    peopleByServiceType: { key: string; label: string | null; people: number }[];
    housing: { kind: string; units: number; places: number; occupied: number }[];
    roadmapByAgency: (Counts & { agencyName: string | null })[] | null;
    roadmapTotals: Counts | null;
    targets: {
      indicator: string;
      value: number;
      comparator: string;
      unit: string | null;
      text: string;
      itemNumber: string;
      roadmapTitle: string;
    }[];
  };
  series: (Record<string, unknown> & {
    asOf: string;
    applications: {
      submitted: number;
      decided: number;
      decidedOnTime: number;
      shareDecidedOnTime: number | null;
    };
    peopleByStage: { key: string; people: number }[];
  })[];
  lateObligations: {
    totalCount: number;
    edges: {
      node: {
        periodLabel: string;
        dueDate: string;
        daysOverdue: number;
        item: { key: string; number: string | null; measure: string };
        responsibleAgency: { name: string } | null;
      };
    }[];
  };
  councilDecisions: {
    edges: {
      node: {
        number: string | null;
        text: string;
        dueDate: string;
        status: string;
        overdue: boolean;
        assignee: { name: string };
      };
    }[];
  };
  [ministry: string]: unknown;
}
