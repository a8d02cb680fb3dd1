import type { ApolloClient } from '@apollo/client';
import { gql } from '@apollo/client';

export interface Person {
  id: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  snils: string;
}

/** One line of the coordinator's queue: a social deadline or an expired medical conclusion. */
export interface QueueRow {
  key: string;
  kind: string;
  dueOn: string;
  daysLate: number;
  person: Person | null;
  recipientId: string;
  owner: string | null;
  ownerAgency: string | null;
  /** The agency an answer is awaited from (interagency requests). */
  awaitedFrom: string | null;
  hoursPlanned: number | null;
  hoursDelivered: number | null;
}

/** The kind the health subgraph's expired conclusions get in the queue (not a social deadline). */
export const EXPIRED_CONCLUSION = 'MEDICAL_CONCLUSION_EXPIRED';

const PERSON = 'id lastName firstName patronymic snils';

const DEADLINES = gql(`query WorkQueue($filter: DeadlineFilter, $after: String) {
  deadlines(filter: $filter, first: 100, after: $after) {
    edges { node { kind itemId recipientId dueOn daysLate agency hoursPlanned hoursDelivered
      caseCoordinator { id displayName agencyId } recipient { ${PERSON} } } }
    pageInfo { hasNextPage endCursor }
  }
}`);

const EXPIRED = gql(`query ExpiredConclusions($filter: RecipientFilter, $after: String) {
  recipients(filter: $filter, first: 100, after: $after) {
    edges { node { ${PERSON} expiredMedicalConclusion { id validUntil } } }
    pageInfo { hasNextPage endCursor }
  }
}`);

interface Page<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface DeadlineNode {
  kind: string;
  itemId: string;
  recipientId: string;
  dueOn: string;
  daysLate: number;
  agency: string | null;
  hoursPlanned: number | null;
  hoursDelivered: number | null;
  caseCoordinator: { id: string; displayName: string; agencyId: string | null } | null;
  recipient: Person | null;
}
interface ExpiredNode extends Person {
  expiredMedicalConclusion: { id: string; validUntil: string } | null;
}

/** Every page of a connection, one request after another (the queue is read whole, then sorted). */
async function allPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  // The API's page limit keeps each request small; ten pages is more than any coordinator's day.
  for (let page = 0; page < 10; page += 1) {
    const result: Page<T> = await fetchPage(after);
    nodes.push(...result.edges.map((e) => e.node));
    if (!result.pageInfo.hasNextPage) break;
    after = result.pageInfo.endCursor;
  }
  return nodes;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The coordinator's queue: the case's deadlines from social (what is late, and decisions and
 * answers due within 30 days), and from health the people of their own cases whose latest
 * conclusion has expired (health shows conclusions only to the case's own coordinator).
 */
export async function loadWorkQueue(
  client: ApolloClient,
  me: { id: string; name: string },
  options: { mine: boolean; overdueOnly: boolean; today: string },
): Promise<QueueRow[]> {
  const filter = { upcoming: true, horizonDays: 30, mine: options.mine, overdueOnly: options.overdueOnly };
  const [deadlines, people] = await Promise.all([
    allPages(async (after) => {
      const r = await client.query<{ deadlines: Page<DeadlineNode> }>({
        query: DEADLINES,
        variables: { filter, after },
      });
      return r.data!.deadlines;
    }),
    allPages(async (after) => {
      const r = await client.query<{ recipients: Page<ExpiredNode> }>({
        query: EXPIRED,
        variables: { filter: { caseCoordinatorId: me.id }, after },
      });
      return r.data!.recipients;
    }),
  ]);
  const rows: QueueRow[] = deadlines.map((d) => ({
    key: `${d.kind}:${d.itemId}`,
    kind: d.kind,
    dueOn: d.dueOn,
    daysLate: d.daysLate,
    person: d.recipient,
    recipientId: d.recipientId,
    owner: d.caseCoordinator?.displayName ?? null,
    ownerAgency: d.caseCoordinator?.agencyId ?? null,
    awaitedFrom: d.agency,
    hoursPlanned: d.hoursPlanned,
    hoursDelivered: d.hoursDelivered,
  }));
  for (const p of people) {
    const expired = p.expiredMedicalConclusion;
    if (!expired) continue;
    const daysLate = daysBetween(expired.validUntil, options.today);
    rows.push({
      key: `${EXPIRED_CONCLUSION}:${expired.id}`,
      kind: EXPIRED_CONCLUSION,
      dueOn: expired.validUntil,
      daysLate,
      person: p,
      recipientId: p.id,
      owner: me.name,
      ownerAgency: null,
      awaitedFrom: null,
      hoursPlanned: null,
      hoursDelivered: null,
    });
  }
  return rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.key.localeCompare(b.key));
}
