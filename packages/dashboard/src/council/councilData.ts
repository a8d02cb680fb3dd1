import type { ApolloClient } from '@apollo/client';
import { gql } from '@apollo/client';

export interface ObligationRow {
  id: string;
  status: string;
  dueDate: string;
  daysOverdue: number;
  item: { number: string | null; measure: string };
  responsibleAgency: { name: string } | null;
}

export interface CouncilFigures {
  obligations: ObligationRow[];
  late: ObligationRow[];
  overdueDecisions: number;
  lateApplicationDecisions: { id: string; dueOn: string; daysLate: number }[] | null;
}

const OBLIGATIONS = gql`
  query CouncilObligations($after: String) {
    obligations(first: 200, after: $after) {
      edges { node { id status dueDate daysOverdue item { number measure } responsibleAgency { name } } }
      pageInfo { hasNextPage endCursor }
    }
    lateObligations(first: 50) {
      totalCount
      edges { node { id status dueDate daysOverdue item { number measure } responsibleAgency { name } } }
    }
    councilDecisions(first: 1, filter: { overdue: true }) { totalCount }
  }
`;

// Only the social case's coordinators may read deadlines (they name people); counted apart.
const LATE_DECISIONS = gql`
  query CouncilLateDecisions {
    deadlines(first: 200, filter: { kinds: [DECISION] }) { edges { node { itemId dueOn daysLate } } }
  }
`;

interface Page<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * The figures of the Council's page from the aggregate queries the graph has today (roadmap
 * execution from obligations, overdue Council decisions, late decisions on applications). The
 * `indicators` query being built in parallel will replace the obligation walk when it lands.
 */
export async function loadCouncilFigures(
  client: ApolloClient,
  withDeadlines: boolean,
): Promise<CouncilFigures> {
  const obligations: ObligationRow[] = [];
  let after: string | null = null;
  let late: ObligationRow[] = [];
  let overdueDecisions = 0;
  for (let i = 0; i < 25; i++) {
    const result: { data?: unknown } = await client.query({ query: OBLIGATIONS, variables: { after } });
    const data = result.data as {
      obligations: Page<ObligationRow>;
      lateObligations: { edges: { node: ObligationRow }[] };
      councilDecisions: { totalCount: number };
    };
    obligations.push(...data.obligations.edges.map((e) => e.node));
    late = data.lateObligations.edges.map((e) => e.node);
    overdueDecisions = data.councilDecisions.totalCount;
    if (!data.obligations.pageInfo.hasNextPage) break;
    after = data.obligations.pageInfo.endCursor;
  }
  let lateApplicationDecisions: CouncilFigures['lateApplicationDecisions'] = null;
  if (withDeadlines) {
    const result = await client.query({ query: LATE_DECISIONS });
    const data = result.data as {
      deadlines: { edges: { node: { itemId: string; dueOn: string; daysLate: number } }[] };
    };
    lateApplicationDecisions = data.deadlines.edges
      .map((e) => ({ id: e.node.itemId, dueOn: e.node.dueOn, daysLate: e.node.daysLate }))
      .filter((d) => d.daysLate > 0);
  }
  return { obligations, late, overdueDecisions, lateApplicationDecisions };
}

/** Roadmap execution per responsible agency: done, late, the rest. */
export function executionByAgency(rows: ObligationRow[], unknownAgency: string) {
  const byAgency = new Map<string, { agency: string; done: number; late: number; open: number }>();
  for (const row of rows) {
    if (row.status === 'CANCELLED') continue;
    const agency = row.responsibleAgency?.name ?? unknownAgency;
    const entry = byAgency.get(agency) ?? { agency, done: 0, late: 0, open: 0 };
    if (row.status === 'DONE') entry.done += 1;
    else if (row.status === 'LATE') entry.late += 1;
    else entry.open += 1;
    byAgency.set(agency, entry);
  }
  return [...byAgency.values()].sort((a, b) => b.late - a.late || a.agency.localeCompare(b.agency, 'ru'));
}
