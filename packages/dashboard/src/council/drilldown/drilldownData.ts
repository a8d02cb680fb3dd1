import type { ApolloClient } from '@apollo/client';
import { gql } from '@apollo/client';
import type { PeopleCount } from '../councilData';

/**
 * The Council's drill-down: the same federated `Indicators` the Council page reads, one per
 * municipality (`municipalityIndicators`, each subgraph adding the figures it owns), then the people
 * behind a municipality's figure from social's `recipients` under the reader's own access rules.
 */
export interface AreaFigures {
  scope: string;
  asOf: string;
  peopleByStage: PeopleCount[];
  peopleByAutonomyDegree: PeopleCount[];
  trainingFlatPlaces: number;
  trainingFlatOccupied: number;
  reassessmentsOverdue: number;
  applications: { submitted: number; pending: number; pendingOverdue: number };
  peopleEmployed: number;
  peopleInSupportedEmployment: number;
}

const AREA = `scope asOf peopleByStage { key label people } peopleByAutonomyDegree { key label people }
  trainingFlatPlaces trainingFlatOccupied reassessmentsOverdue
  applications { submitted pending pendingOverdue }
  peopleEmployed peopleInSupportedEmployment`;

const MUNICIPALITIES = gql`
  query CouncilDrilldown($asOf: LocalDate) {
    region: indicators(asOf: $asOf) { ${AREA} }
    municipalityIndicators(asOf: $asOf) { ${AREA} }
  }
`;

const MUNICIPALITY = gql`
  query CouncilMunicipality($municipality: String!, $asOf: LocalDate) {
    indicators(municipality: $municipality, asOf: $asOf) { ${AREA} }
  }
`;

/** The figures a row of the drill-down shows, by the id the Council page's tiles use. */
export const AREA_FIGURES = [
  'peopleInStages',
  'trainingFlatPlaces',
  'trainingFlatOccupied',
  'applicationsPending',
  'pendingOverdue',
  'reassessmentsOverdue',
  'peopleEmployed',
] as const;
export type AreaFigure = (typeof AREA_FIGURES)[number];

export function figureOf(area: AreaFigures, figure: AreaFigure): number {
  switch (figure) {
    case 'peopleInStages':
      return area.peopleByStage.reduce((sum, p) => sum + p.people, 0);
    case 'applicationsPending':
      return area.applications.pending;
    case 'pendingOverdue':
      return area.applications.pendingOverdue;
    default:
      return area[figure];
  }
}

export async function loadMunicipalities(
  client: ApolloClient,
  asOf: string | undefined,
): Promise<{ region: AreaFigures; municipalities: AreaFigures[] }> {
  const result = await client.query<{ region: AreaFigures; municipalityIndicators: AreaFigures[] }>({
    query: MUNICIPALITIES,
    variables: { asOf: asOf || null },
    fetchPolicy: 'network-only',
  });
  return { region: result.data!.region, municipalities: result.data!.municipalityIndicators };
}

export async function loadMunicipality(
  client: ApolloClient,
  municipality: string,
  asOf: string | undefined,
): Promise<AreaFigures> {
  const result = await client.query<{ indicators: AreaFigures }>({
    query: MUNICIPALITY,
    variables: { municipality, asOf: asOf || null },
    fetchPolicy: 'network-only',
  });
  return result.data!.indicators;
}

export interface PersonRow {
  id: string;
  fullName: string;
  snils: string;
  birthDate: string;
  /** Where the person works (the list behind the employed). */
  employer?: string;
}

const PEOPLE = gql`
  query CouncilPeopleBehind($filter: RecipientFilter) {
    recipients(first: 100, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges { node { id fullName snils birthDate } }
    }
  }
`;

/** The reader's access preset each list behind a figure needs (the graph refuses the others). */
export type PeopleList = 'CASE' | 'SERVICE' | 'EMPLOYMENT';

/** What a list behind a figure is asked for: a stage or degree count, or a figure of the tiles. */
export type ListedFigure =
  | 'trainingFlatOccupied'
  | 'applicationsPending'
  | 'pendingOverdue'
  | 'peopleEmployed';
export type Behind = { stage: string } | { degree: string } | { figure: ListedFigure };

/** The figures of the tiles with a list of people behind them, and the access each list needs. */
export const FIGURE_LISTS: Partial<Record<AreaFigure, PeopleList>> & Record<ListedFigure, PeopleList> = {
  trainingFlatOccupied: 'SERVICE',
  applicationsPending: 'CASE',
  pendingOverdue: 'CASE',
  peopleEmployed: 'EMPLOYMENT',
};

/**
 * The `recipients` filter counting the people a municipality's figure counts, on the figure's day:
 * stage and degree as the figures (not terminated); applications by where the person lives;
 * training-flat places by where the unit stands.
 */
function recipientFilter(municipality: string, asOf: string, by: Behind): Record<string, unknown> {
  if ('stage' in by || 'degree' in by) return { municipality, terminated: false, ...by };
  switch (by.figure) {
    case 'trainingFlatOccupied':
      return { housing: { kind: 'TRAINING_FLAT', municipality, asOf } };
    case 'applicationsPending':
      return { municipality, pendingApplication: { state: 'PENDING', asOf } };
    default:
      return { municipality, pendingApplication: { state: 'OVERDUE', asOf } };
  }
}

const EMPLOYED = gql`
  query CouncilEmployedBehind($filter: PlacementFilter) {
    placements(first: 100, filter: $filter) {
      totalCount
      edges { node { id startDate employer { name } recipient { id fullName snils birthDate } } }
    }
  }
`;

interface EmployedRow {
  id: string;
  startDate: string;
  employer: { name: string };
  recipient: PersonRow;
}

/**
 * The people behind a municipality's figure, those the reader may see (`sharedWith: ME`: an officer
 * sees the people whose consents allow it). The employed are employment's: its placements under way
 * on the day at the municipality's employers, one row a person as the figure counts them.
 */
export async function loadPeopleBehind(
  client: ApolloClient,
  municipality: string,
  asOf: string,
  by: Behind,
): Promise<{ total: number; people: PersonRow[] }> {
  if ('figure' in by && by.figure === 'peopleEmployed') {
    const result = await client.query<{ placements: { totalCount: number; edges: { node: EmployedRow }[] } }>(
      {
        query: EMPLOYED,
        variables: { filter: { employerMunicipality: municipality, activeOn: asOf } },
        fetchPolicy: 'network-only',
      },
    );
    const byPerson = new Map<string, PersonRow>();
    for (const { node } of result.data!.placements.edges) {
      const seen = byPerson.get(node.recipient.id);
      const employer = seen?.employer ? `${seen.employer}; ${node.employer.name}` : node.employer.name;
      byPerson.set(node.recipient.id, { ...node.recipient, employer });
    }
    const people = [...byPerson.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
    const complete = result.data!.placements.totalCount <= result.data!.placements.edges.length;
    return { total: complete ? people.length : result.data!.placements.totalCount, people };
  }
  const result = await client.query<{ recipients: { totalCount: number; edges: { node: PersonRow }[] } }>({
    query: PEOPLE,
    variables: { filter: { ...recipientFilter(municipality, asOf, by), sharedWith: 'ME' } },
    fetchPolicy: 'network-only',
  });
  return {
    total: result.data!.recipients.totalCount,
    people: result.data!.recipients.edges.map((e) => e.node),
  };
}
