import { gql } from '@apollo/client';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { granted } from '../auth/authProvider';
import { client } from '../graphql/client';
import { toHttpError } from '../graphql/errors';
import { ItemReference } from '../numbering/ItemReference';
import { formatDate } from '../resources/common';
import { DecisionReportButton } from './DecisionReportDialog';
import type { DecisionRow } from './decision-row';

const PAGE = 25;

const AGENCY = gql(`query MyAgency { me { agencyId } }`);
const AGENCY_NAME = gql(`query AgencyName($id: ID!) { agency(id: $id) { id name } }`);

const OBLIGATIONS = gql(`query AgencyObligations($agencyId: ID!, $first: Int, $after: String) {
  obligations(filter: { agencyId: $agencyId }, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id periodLabel dueDate status completedOn daysLate completedLate
      item { id number measure reference } reports { id } } }
  }
}`);

const DECISIONS = gql(`query AgencyDecisions($agencyId: ID!, $first: Int, $after: String) {
  councilDecisions(filter: { assigneeAgencyId: $agencyId }, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id number reference text dueDate status doneOn daysLate doneLate
      reports { id reportedOn text authorName agency { name } evidence { id displayName } } } }
  }
}`);

export interface Lateness {
  status: string;
  dueDate: string;
  completedOn: string | null;
  daysLate: number;
  doneLate: boolean;
}

interface ObligationRow {
  id: string;
  periodLabel: string;
  dueDate: string;
  status: string;
  completedOn: string | null;
  daysLate: number;
  completedLate: boolean;
  item: { id: string; number: string | null; measure: string; reference: string };
  reports: { id: string }[];
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

/** Done late, late, done on time, open: the same words for obligations and Council decisions. */
export function LatenessChip({ status, completedOn, daysLate, doneLate }: Lateness) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const date = completedOn ? formatDate(completedOn, locale) : '';
  if (status === 'DONE')
    return doneLate ? (
      <Chip
        size="small"
        color="error"
        variant="outlined"
        label={translate('app.agency_work.done_late', { smart_count: daysLate, date })}
      />
    ) : (
      <Chip
        size="small"
        color="success"
        variant="outlined"
        label={translate('app.agency_work.done_on_time', { date })}
      />
    );
  if (status === 'CANCELLED')
    return <Chip size="small" variant="outlined" label={translate('app.agency_work.cancelled')} />;
  if (daysLate > 0)
    return (
      <Chip
        size="small"
        color="error"
        label={translate('app.agency_work.late_by', { smart_count: daysLate })}
      />
    );
  return <Chip size="small" variant="outlined" label={translate('app.agency_work.open')} />;
}

/** Every page of a list, a page at a time as the reader asks: nothing is silently left out. */
function usePaged<T>(document: ReturnType<typeof gql>, field: string, agencyId: string | null) {
  const [rows, setRows] = useState<T[]>([]);
  const [page, setPage] = useState<Page<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    async (after: string | null) => {
      if (!agencyId) return;
      try {
        const result = await client.query<Record<string, Page<T>>>({
          query: document,
          variables: { agencyId, first: PAGE, after },
          fetchPolicy: 'network-only',
        });
        const next = result.data![field]!;
        setPage(next);
        setRows((before) => [...(after ? before : []), ...next.edges.map((e) => e.node)]);
      } catch (e) {
        setError(toHttpError(e).message);
      }
    },
    [agencyId, document, field],
  );
  useEffect(() => {
    void load(null);
  }, [load]);
  return { rows, page, error, more: () => load(page?.pageInfo.endCursor ?? null), reload: () => load(null) };
}

function More({ shown, page, onMore }: { shown: number; page: Page<unknown> | null; onMore: () => void }) {
  const translate = useTranslate();
  if (!page) return null;
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mt: 1 }}>
      <Typography variant="body2">
        {translate('app.agency_work.shown', { shown, total: page.totalCount })}
      </Typography>
      {page.pageInfo.hasNextPage && (
        <Button size="small" onClick={onMore}>
          {translate('app.agency_work.more')}
        </Button>
      )}
    </Box>
  );
}

/**
 * A ministry's own work on its home page: the roadmap measures its agency executes (responsible or
 * co-executing) and the Council's decisions assigned to it, each with its lateness and a way to
 * report on it.
 */
export function AgencyWork() {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { permissions = [] } = usePermissions<string[]>();
  const [agency, setAgency] = useState<{ id: string; name: string } | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    client
      .query<{ me: { agencyId: string | null } }>({ query: AGENCY })
      .then(async ({ data }) => {
        const id = data?.me.agencyId;
        if (!id) return null;
        const named = await client.query<{ agency: { id: string; name: string } | null }>({
          query: AGENCY_NAME,
          variables: { id },
        });
        return named.data?.agency ?? null;
      })
      .then(
        (found) => current && setAgency(found),
        () => current && setAgency(null),
      );
    return () => {
      current = false;
    };
  }, []);
  const obligations = usePaged<ObligationRow>(OBLIGATIONS, 'obligations', agency?.id ?? null);
  const decisions = usePaged<DecisionRow>(DECISIONS, 'councilDecisions', agency?.id ?? null);
  const mayReport = granted(permissions, 'PROGRESS_WRITE');

  if (agency === undefined) return null;
  return (
    <Card data-testid="agency-work" sx={{ mt: 2 }}>
      <CardContent>
        <Typography component="h2" variant="h5">
          {translate('app.agency_work.title')}
        </Typography>
        {agency === null ? (
          <Alert severity="warning">{translate('app.agency_work.no_agency')}</Alert>
        ) : (
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.agency_work.agency', { name: agency.name })}
          </Typography>
        )}
        {[obligations.error, decisions.error].filter(Boolean).map((e) => (
          <Alert key={e} severity="error" role="alert">
            {e}
          </Alert>
        ))}

        <Typography component="h3" variant="h6" sx={{ mt: 2 }}>
          {translate('app.agency_work.decisions')}
        </Typography>
        {decisions.rows.length === 0 ? (
          <Typography>{translate('app.agency_work.none')}</Typography>
        ) : (
          <Table size="small" aria-label={translate('app.agency_work.decisions')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.agency_work.decision')}</TableCell>
                <TableCell>{translate('app.agency_work.due')}</TableCell>
                <TableCell>{translate('app.agency_work.state')}</TableCell>
                <TableCell>{translate('app.agency_work.reports')}</TableCell>
                <TableCell>{translate('app.agency_work.action')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {decisions.rows.map((d) => (
                <TableRow key={d.id} data-decision={d.id}>
                  <TableCell>
                    {d.text}
                    <Typography component="span" variant="caption" sx={{ display: 'block' }}>
                      {d.reference}
                    </Typography>
                  </TableCell>
                  <TableCell>{formatDate(d.dueDate, locale)}</TableCell>
                  <TableCell>
                    <LatenessChip
                      status={d.status}
                      dueDate={d.dueDate}
                      completedOn={d.doneOn}
                      daysLate={d.daysLate}
                      doneLate={d.doneLate}
                    />
                  </TableCell>
                  <TableCell>
                    {d.reports.map((r) => (
                      <div key={r.id}>
                        <Typography variant="caption">
                          {translate('app.agency_work.by', {
                            date: formatDate(r.reportedOn, locale),
                            author: r.authorName,
                            agency: r.agency.name,
                          })}
                        </Typography>
                        <div>{r.text}</div>
                        {r.evidence.map((e) => (
                          <Typography key={e.id} variant="caption" component="div">
                            {e.displayName}
                          </Typography>
                        ))}
                      </div>
                    ))}
                  </TableCell>
                  <TableCell>
                    {mayReport && d.status === 'OPEN' && (
                      <DecisionReportButton decision={d} onReported={() => void decisions.reload()} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <More shown={decisions.rows.length} page={decisions.page} onMore={() => void decisions.more()} />

        <Typography component="h3" variant="h6" sx={{ mt: 3 }}>
          {translate('app.agency_work.obligations')}
        </Typography>
        {obligations.rows.length === 0 ? (
          <Typography>{translate('app.agency_work.none')}</Typography>
        ) : (
          <Table size="small" aria-label={translate('app.agency_work.obligations')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.agency_work.measure')}</TableCell>
                <TableCell>{translate('app.agency_work.period')}</TableCell>
                <TableCell>{translate('app.agency_work.due')}</TableCell>
                <TableCell>{translate('app.agency_work.state')}</TableCell>
                <TableCell>{translate('app.agency_work.action')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {obligations.rows.map((o) => (
                <TableRow key={o.id} data-obligation={o.id}>
                  <TableCell>
                    <Link to={`/obligations/${o.id}/show`}>
                      <ItemReference item={o.item} />
                    </Link>
                  </TableCell>
                  <TableCell>{o.periodLabel}</TableCell>
                  <TableCell>{formatDate(o.dueDate, locale)}</TableCell>
                  <TableCell>
                    <LatenessChip
                      status={o.status}
                      dueDate={o.dueDate}
                      completedOn={o.completedOn}
                      daysLate={o.daysLate}
                      doneLate={o.completedLate}
                    />
                  </TableCell>
                  <TableCell>
                    {mayReport && o.status !== 'DONE' && o.status !== 'CANCELLED' && (
                      <Button
                        component={Link}
                        size="small"
                        variant="outlined"
                        to={{
                          pathname: '/progressReports/create',
                          search: `?source=${encodeURIComponent(JSON.stringify({ obligationId: o.id }))}`,
                        }}
                        aria-label={`${translate('app.agency_work.report')}: ${o.item.number ?? ''} ${o.periodLabel}`}
                      >
                        {translate('app.agency_work.report')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <More
          shown={obligations.rows.length}
          page={obligations.page}
          onMore={() => void obligations.more()}
        />
      </CardContent>
    </Card>
  );
}
