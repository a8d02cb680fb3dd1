import { type FieldDefinitionNode, Kind, parse, type TypeNode } from 'graphql';
import { type DecisionRef, type ExecutorRef, type ListPage, REPORT_PAGE } from './queries.js';

export { type ListPage, REPORT_PAGE } from './queries.js';

/** A number a subgraph contributes, found in the composed schema, with its description as label. */
export interface FigureField {
  name: string;
  label: string;
}

/**
 * The root query that lists one `Indicators` per municipality (social knows the municipalities).
 * Reports add a per-municipality table when the graph has it.
 */
export const MUNICIPALITY_QUERY = 'municipalityIndicators';

/** Figures of `Indicators` whose shape the reports lay out themselves (not plain numbers). */
const NUMBER_TYPES = new Set(['Int', 'Float']);

const namedScalar = (type: TypeNode): string | null =>
  type.kind === Kind.NON_NULL_TYPE
    ? namedScalar(type.type)
    : type.kind === Kind.NAMED_TYPE
      ? type.name.value
      : null;

/** The type a field returns, lists and non-nulls unwrapped. */
const namedType = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);

function numberFields(fields: readonly FieldDefinitionNode[] | undefined): FigureField[] {
  return (fields ?? [])
    .filter((f) => !f.arguments?.length && NUMBER_TYPES.has(namedScalar(f.type) ?? ''))
    .map((f) => ({ name: f.name.value, label: f.description?.value.split('\n')[0] ?? f.name.value }));
}

export interface ReportShape {
  /**
   * Plain numbers of `Indicators`, whichever subgraph adds them: a ministry that adds a figure to
   * the entity adds it to every report, with no change here.
   */
  indicatorNumbers: FigureField[];
  /** Whether the graph lists the municipalities (a per-municipality table). */
  byMunicipality: boolean;
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
        returns.set(f.name.value, namedType(f.type));
      }
  }
  return {
    indicatorNumbers: numberFields(types.get('Indicators')).filter((f) => f.name !== 'asOf'),
    byMunicipality: returns.get(MUNICIPALITY_QUERY) === 'Indicators',
  };
}

const LATE_PAGE = `totalCount pageInfo { hasNextPage endCursor }
    edges { node { periodLabel dueDate daysOverdue
      item { key number measure reference executors { role nameAsWritten agency { id name } } } } }`;
const DECISIONS_PAGE = `totalCount pageInfo { hasNextPage endCursor }
    edges { node { reference number text dueDate status doneOn daysLate doneLate overdue peopleCount assignee { name } } }`;

/** The pages after the first of the report's two lists, same filters (`reportOperation`). */
export const MORE_LATE = `query ReportLate($after: String, $region: String, $roadmapId: ID) {
  page: lateObligations(first: ${REPORT_PAGE}, after: $after, filter: { region: $region, roadmapId: $roadmapId }) {
    ${LATE_PAGE}
  }
}`;
export const MORE_DECISIONS = `query ReportDecisions($after: String, $region: String) {
  page: councilDecisions(first: ${REPORT_PAGE}, after: $after, filter: { region: $region }) {
    ${DECISIONS_PAGE}
  }
}`;

/** The one operation every report is made from, sent with the caller's own credentials. */
export function reportOperation(shape: ReportShape): string {
  const numbers = shape.indicatorNumbers.map((f) => f.name).join(' ');
  const municipalities = shape.byMunicipality
    ? `municipalities: ${MUNICIPALITY_QUERY}(asOf: $asOf) {
    municipality ${numbers}
    applications { submitted decided decidedOnTime shareDecidedOnTime pending pendingOverdue }
    peopleByStage { key people }
  }`
    : '';
  return `query Report($asOf: LocalDate!, $from: LocalDate!, $region: String, $roadmapId: ID) {
  indicators(asOf: $asOf, region: $region, roadmapId: $roadmapId) {
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
  series: indicatorSeries(from: $from, to: $asOf, region: $region, roadmapId: $roadmapId) {
    asOf ${numbers}
    applications { submitted decided decidedOnTime shareDecidedOnTime }
    peopleByStage { key people }
  }
  lateObligations(first: ${REPORT_PAGE}, filter: { region: $region, roadmapId: $roadmapId }) {
    ${LATE_PAGE}
  }
  councilDecisions(first: ${REPORT_PAGE}, filter: { region: $region }) {
    ${DECISIONS_PAGE}
  }
  ${municipalities}
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
  lateObligations: ListPage<{
    periodLabel: string;
    dueDate: string;
    daysOverdue: number;
    item: {
      key: string;
      number: string | null;
      measure: string;
      reference: string;
      executors: ExecutorRef[];
    };
  }>;
  councilDecisions: ListPage<DecisionRef & { peopleCount: number | null }>;
  /** One per municipality, when the graph lists them (see `ReportShape.byMunicipality`). */
  municipalities?: (Record<string, unknown> & {
    municipality: string;
    applications: ReportData['indicators']['applications'];
    peopleByStage: { key: string; people: number }[];
  })[];
}
