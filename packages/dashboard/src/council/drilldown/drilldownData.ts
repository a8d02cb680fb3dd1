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
}

const PEOPLE = gql`
  query CouncilPeopleBehind($filter: RecipientFilter) {
    recipients(first: 100, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges { node { id fullName snils birthDate } }
    }
  }
`;

/**
 * The people a municipality's stage or degree figure counts (not terminated, as the figure), those
 * the reader may see (`sharedWith: ME`: an officer sees the people whose consents allow it).
 */
export async function loadPeopleBehind(
  client: ApolloClient,
  municipality: string,
  by: { stage: string } | { degree: string },
): Promise<{ total: number; people: PersonRow[] }> {
  const result = await client.query<{ recipients: { totalCount: number; edges: { node: PersonRow }[] } }>({
    query: PEOPLE,
    variables: { filter: { municipality, terminated: false, sharedWith: 'ME', ...by } },
    fetchPolicy: 'network-only',
  });
  return {
    total: result.data!.recipients.totalCount,
    people: result.data!.recipients.edges.map((e) => e.node),
  };
}
