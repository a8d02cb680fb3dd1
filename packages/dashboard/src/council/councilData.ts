import type { ApolloClient } from '@apollo/client';
import { gql } from '@apollo/client';
import type { RoadmapScope } from '../accountability/RoadmapScopeFields';

export interface ExecutionCounts {
  agencyId: string | null;
  agencyName: string | null;
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  late: number;
}
export interface PeopleCount {
  key: string;
  label: string | null;
  people: number;
}
export interface IndicatorTarget {
  indicator: string;
  value: number;
  comparator: string;
  unit: string | null;
  text: string;
  itemNumber: string;
}
export interface Indicators {
  asOf: string;
  peopleIdentified: number | null;
  councilDecisionsOverdue: number | null;
  reassessmentsOverdue: number;
  roadmapTotals: ExecutionCounts | null;
  roadmapByAgency: ExecutionCounts[] | null;
  targets: IndicatorTarget[];
  applications: {
    submitted: number;
    decided: number;
    decidedOnTime: number;
    shareDecidedOnTime: number | null;
    pending: number;
    pendingOverdue: number;
  };
  peopleByStage: PeopleCount[];
  peopleByAutonomyDegree: PeopleCount[];
  housing: { kind: string; units: number; places: number; occupied: number }[];
  trainingFlatPlaces: number;
  trainingFlatOccupied: number;
  otherHousingPlaces: number;
  otherHousingOccupied: number;
  peopleEmployed: number;
  peopleInSupportedEmployment: number;
  peopleOnQuotaJobs: number;
  registeredUnemployed: number | null;
  peopleInEducation: number | null;
}
export interface LateObligation {
  id: string;
  dueDate: string;
  daysOverdue: number;
  item: { number: string | null; measure: string; reference: string };
  responsibleAgency: { name: string } | null;
}
export interface LateDecision {
  id: string;
  number: string | null;
  /** «Протокол № 3, поручение 2»: numbers repeat across meetings */
  reference: string;
  text: string;
  dueDate: string;
  assignee: { name: string } | null;
}
export interface CouncilFigures {
  indicators: Indicators;
  series: { asOf: string; peopleByStage: PeopleCount[] }[];
  late: LateObligation[];
  lateTotal: number;
  lateDecisions: LateDecision[];
}

const COUNTS = 'agencyId agencyName total done inProgress notStarted late';

/**
 * Everything the Council's page shows comes from the graph's `indicators` (the same query the
 * Council's brief and the reports use), so the page and the documents cannot disagree.
 */
const FIGURES = gql`
  query CouncilFigures($municipality: String, $asOf: LocalDate, $region: String, $roadmapId: ID) {
    indicators(municipality: $municipality, asOf: $asOf, region: $region, roadmapId: $roadmapId) {
      asOf peopleIdentified councilDecisionsOverdue reassessmentsOverdue
      roadmapTotals { ${COUNTS} }
      roadmapByAgency { ${COUNTS} }
      targets { indicator value comparator unit text itemNumber }
      applications { submitted decided decidedOnTime shareDecidedOnTime pending pendingOverdue }
      peopleByStage { key label people }
      peopleByAutonomyDegree { key label people }
      housing { kind units places occupied }
      trainingFlatPlaces trainingFlatOccupied otherHousingPlaces otherHousingOccupied
      peopleEmployed peopleInSupportedEmployment peopleOnQuotaJobs registeredUnemployed peopleInEducation
    }
    lateObligations(first: 50, filter: { region: $region, roadmapId: $roadmapId }) {
      totalCount
      edges { node { id dueDate daysOverdue item { number measure reference } responsibleAgency { name } } }
    }
    councilDecisions(first: 50, filter: { overdue: true, region: $region }) {
      edges { node { id number reference text dueDate assignee { name } } }
    }
  }
`;

const SERIES = gql`
  query CouncilSeries($from: LocalDate!, $to: LocalDate!, $municipality: String) {
    indicatorSeries(from: $from, to: $to, municipality: $municipality) { asOf peopleByStage { key label people } }
  }
`;

/** The first day of the month eleven months before `asOf`: a year of month ends with `asOf`'s. */
export function seriesStart(asOf: string): string {
  const [year, month] = asOf.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1 - 11, 1));
  return start.toISOString().slice(0, 10);
}

/**
 * Whose figures and when: the region (no municipality) or one municipality, today or a past day.
 * Late measures and decisions stay regional: the roadmap and the Council are the region's.
 */
export interface CouncilScope extends RoadmapScope {
  municipality?: string;
  asOf?: string;
}

export async function loadCouncilFigures(
  client: ApolloClient,
  scope: CouncilScope = {},
): Promise<CouncilFigures> {
  const municipality = scope.municipality || null;
  const result = await client.query({
    query: FIGURES,
    variables: {
      municipality,
      asOf: scope.asOf || null,
      region: scope.region || null,
      roadmapId: scope.roadmapId || null,
    },
  });
  const data = result.data as {
    indicators: Indicators;
    lateObligations: { totalCount: number; edges: { node: LateObligation }[] };
    councilDecisions: { edges: { node: LateDecision }[] };
  };
  const asOf = data.indicators.asOf;
  const series = await client.query({
    query: SERIES,
    variables: { from: seriesStart(asOf), to: asOf, municipality },
  });
  return {
    indicators: data.indicators,
    series: (series.data as { indicatorSeries: CouncilFigures['series'] }).indicatorSeries,
    late: data.lateObligations.edges.map((e) => e.node),
    lateTotal: data.lateObligations.totalCount,
    lateDecisions: data.councilDecisions.edges.map((e) => e.node),
  };
}

/** The target a roadmap item sets for an indicator, if any (seed 000 item 12: 12 training places). */
export function targetOf(indicators: Indicators, field: string): IndicatorTarget | undefined {
  return indicators.targets.find((t) => t.indicator === field);
}

const MUNICIPALITIES = gql`
  query CouncilMunicipalities {
    housingUnits(first: 200) { edges { node { municipality } } }
    providers(first: 200) { edges { node { municipality } } }
  }
`;

/** The municipalities the registries name (housing and providers): the choices of the scope filter. */
export async function loadMunicipalities(client: ApolloClient): Promise<string[]> {
  const result = await client.query({ query: MUNICIPALITIES });
  const data = result.data as {
    housingUnits: { edges: { node: { municipality: string } }[] };
    providers: { edges: { node: { municipality: string } }[] };
  };
  const names = [...data.housingUnits.edges, ...data.providers.edges].map((e) => e.node.municipality.trim());
  return [...new Set(names.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'ru'));
}
