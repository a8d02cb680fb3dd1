import { gql } from '@apollo/client';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { fullName, REGION_TIME_ZONE } from '../case/format';
import { client } from '../graphql/client';
import { toHttpError } from '../graphql/errors';
import { intlLocale } from '../i18n/i18nProvider';
import { formatNumber } from '../resources/common';
import type { Person } from './queueData';
import { regionToday } from './WorkQueue';

// Only what the table shows: the edge's cost limit counts every field of the page.
const VISITS = gql(`query ProviderVisits($filter: VisitFilter) {
  visits(filter: $filter, first: 200) {
    edges { node { id recipientId plannedAt delivered hoursDelivered recordedAt
      staffMember { fullName role } recipient { lastName firstName patronymic } } }
  }
}`);

interface Visit {
  id: string;
  recipientId: string;
  plannedAt: string;
  delivered: boolean;
  hoursDelivered: number | null;
  recordedAt: string | null;
  staffMember: { fullName: string; role: string };
  recipient: Pick<Person, 'lastName' | 'firstName' | 'patronymic'> | null;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const regionDay = (instant: string) => regionToday(new Date(instant));
/** The visit's time on the region's clock, whatever the browser's zone. */
const regionTime = (instant: string, locale: string) =>
  new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: REGION_TIME_ZONE,
  }).format(new Date(instant));

function VisitTable({ visits, caption }: { visits: Visit[]; caption: string }) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  if (visits.length === 0) return <Typography sx={{ mb: 2 }}>{translate('provider.empty')}</Typography>;
  return (
    <Table size="small" aria-label={caption} sx={{ mb: 3 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('provider.when')}</TableCell>
          <TableCell>{translate('provider.person')}</TableCell>
          <TableCell>{translate('provider.staff')}</TableCell>
          <TableCell>{translate('provider.delivered')}</TableCell>
          <TableCell>{translate('queue.action')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {visits.map((v) => (
          <TableRow key={v.id} hover data-visit={v.id}>
            <TableCell>{regionTime(v.plannedAt, locale)}</TableCell>
            <TableCell>
              <Link to={`/recipients/${v.recipientId}/show`}>{fullName(v.recipient)}</Link>
            </TableCell>
            <TableCell>
              {v.staffMember.fullName}
              <br />
              <Typography variant="caption">
                {translate(`enums.StaffRole.${v.staffMember.role}`, { _: v.staffMember.role })}
              </Typography>
            </TableCell>
            <TableCell>
              {!v.recordedAt
                ? translate('provider.awaiting')
                : v.delivered
                  ? translate('provider.done', { hours: formatNumber(v.hoursDelivered ?? 0, locale) })
                  : translate('provider.missed')}
            </TableCell>
            <TableCell>
              {/* An outcome once recorded stays (VISIT_ALREADY_RECORDED): nothing to offer then. */}
              {!v.recordedAt && (
                <Button
                  component={Link}
                  size="small"
                  variant="outlined"
                  to={{
                    pathname: '/visitOutcomes/create',
                    search: `?source=${encodeURIComponent(
                      JSON.stringify({
                        visitId: v.id,
                        recipientId: v.recipientId,
                        // What the form shows of the visit: whom, when, who (never its id).
                        visitName: `${fullName(v.recipient)}, ${regionTime(v.plannedAt, locale)}, ${v.staffMember.fullName}`,
                      }),
                    )}`,
                  }}
                >
                  {translate('provider.record')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Provider staff's home: the visits of today and of the next days (their provider's people only). */
export function ProviderHome() {
  const translate = useTranslate();
  const [visits, setVisits] = useState<Visit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const today = regionToday();

  useEffect(() => {
    let current = true;
    client
      .query<{ visits: { edges: { node: Visit }[] } }>({
        query: VISITS,
        variables: { filter: { from: today, to: addDays(today, 6) } },
      })
      .then((r) => {
        if (!current) return;
        const all = r.data!.visits.edges.map((e) => e.node);
        setVisits(all.sort((a, b) => a.plannedAt.localeCompare(b.plannedAt)));
      })
      .catch((e: unknown) => current && setError(toHttpError(e).message));
    return () => {
      current = false;
    };
  }, [today]);

  return (
    <Card data-testid="provider-home">
      <Title title="provider.title" />
      <CardContent>
        <Typography component="h2" variant="h5" sx={{ mb: 2 }}>
          {translate('provider.title')}
        </Typography>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {visits && (
          <>
            <Typography component="h2" variant="h6">
              {translate('provider.today')}
            </Typography>
            <VisitTable
              caption={translate('provider.today')}
              visits={visits.filter((v) => regionDay(v.plannedAt) === today)}
            />
            <Typography component="h2" variant="h6">
              {translate('provider.week')}
            </Typography>
            <VisitTable
              caption={translate('provider.week')}
              visits={visits.filter((v) => regionDay(v.plannedAt) !== today)}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
}
