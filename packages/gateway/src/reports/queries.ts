/** Lists are read in pages of this size, and every page is read: a report leaves nothing out. */
export const REPORT_PAGE = 100;

/** One page of a list as the graph answers it. */
export interface ListPage<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

type GraphQLError = { message: string; extensions?: { code?: string } };
export type Answer<T> = { data?: T; errors?: GraphQLError[] };
/** Sends one operation to the gateway with the caller's own credentials. */
export type Ask = <T>(
  operationName: string,
  query: string,
  variables: Record<string, unknown>,
) => Promise<Answer<T>>;

/** The graph refused a report's query (not signed in, not allowed, bad input): told as the graph told it. */
export class ReportRefused extends Error {
  constructor(readonly error: GraphQLError | undefined) {
    super(error?.message ?? 'Отчёт не сформирован');
  }
}

export async function answered<T>(answer: Promise<Answer<T>>): Promise<T> {
  const body = await answer;
  if (body.errors?.length || !body.data) throw new ReportRefused(body.errors?.[0]);
  return body.data;
}

/**
 * Every page of a list, however long: the query names its list `page` and takes `$after`.
 * A report that stopped at the first hundred would hide the rest.
 */
export async function readAll<T>(
  ask: Ask,
  name: string,
  query: string,
  variables: Record<string, unknown>,
  first?: ListPage<T>,
): Promise<ListPage<T>> {
  const list =
    first ?? (await answered(ask<{ page: ListPage<T> }>(name, query, { ...variables, after: null }))).page;
  while (list.pageInfo.hasNextPage) {
    const more = await answered(
      ask<{ page: ListPage<T> }>(name, query, { ...variables, after: list.pageInfo.endCursor }),
    );
    list.edges.push(...more.page.edges);
    list.pageInfo = more.page.pageInfo;
  }
  return list;
}

/** The caller's own agency's region: whose Council and roadmaps a report is for unless asked. */
export const OWN_REGION = `query ReportOwnRegion { me { agencyId } }`;
export const AGENCY_REGION = `query ReportAgencyRegion($id: ID!) { agency(id: $id) { region } }`;

export interface ExecutorRef {
  role: 'RESPONSIBLE' | 'CO_EXECUTOR';
  nameAsWritten: string;
  agency: { id: string; name: string } | null;
}

/** The executing agency's name as the directory gives it, or as the document wrote it. */
export const executorName = (e: ExecutorRef) => e.agency?.name ?? e.nameAsWritten;

export const ROADMAPS = `query ReportRoadmaps($region: String, $after: String) {
  page: roadmaps(region: $region, first: ${REPORT_PAGE}, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id title periodStartYear periodEndYear } }
  }
}`;
export interface RoadmapRef {
  id: string;
  title: string;
  periodStartYear: number | null;
  periodEndYear: number | null;
}

/**
 * A roadmap's measures with their executors, periods, and every report with its evidence; in
 * smaller pages than the flat lists, since each item nests three lists (the graph's cost limit).
 */
export const ITEMS = `query ReportItems($roadmapId: ID!, $after: String) {
  page: roadmapItems(roadmapId: $roadmapId, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id key number measure deadlineText withdrawn
      executors { role nameAsWritten agency { id name } }
      obligations { periodLabel dueDate status completedOn daysLate completedLate
        reports { reportedOn text authorName agency { name } evidence { displayName } } } } }
  }
}`;
export interface MeasureAccount {
  id: string;
  key: string;
  number: string | null;
  measure: string;
  deadlineText: string | null;
  withdrawn: boolean;
  executors: ExecutorRef[];
  obligations: {
    periodLabel: string;
    dueDate: string;
    status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'LATE' | 'CANCELLED';
    completedOn: string | null;
    daysLate: number;
    completedLate: boolean;
    reports: {
      reportedOn: string;
      text: string;
      authorName: string | null;
      agency: { name: string } | null;
      evidence: { displayName: string }[];
    }[];
  }[];
}

export const MEETING = `query ReportMeeting($id: ID!) {
  councilMeeting(id: $id) {
    id region heldOn agenda attendees protocolNumber
    decisions { reference number text dueDate status doneOn daysLate doneLate overdue assignee { name } }
  }
}`;
export interface DecisionRef {
  reference: string;
  number: string | null;
  text: string;
  dueDate: string;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  doneOn: string | null;
  daysLate: number;
  doneLate: boolean;
  overdue: boolean;
  assignee: { name: string };
}
export interface MeetingRef {
  id: string;
  region: string;
  heldOn: string;
  agenda: string;
  attendees: string[];
  protocolNumber: string | null;
  decisions: DecisionRef[];
}
