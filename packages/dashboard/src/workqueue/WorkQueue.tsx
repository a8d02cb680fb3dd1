import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useGetIdentity, useLocaleState, useStore, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { formatSnils, fullName, REGION_TIME_ZONE } from '../case/format';
import { client } from '../graphql/client';
import { toHttpError } from '../graphql/errors';
import { formatDate } from '../resources/common';
import { EXPIRED_CONCLUSION, loadWorkQueue, type QueueRow } from './queueData';

/** "Today" on the region's calendar (the deadlines are the region's days). */
export function regionToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: REGION_TIME_ZONE }).format(now);
}

/**
 * Where a row's work is done: the person page opened on the action that resolves it (the
 * `action` parameter names it), or the form itself where the dashboard has one of its own.
 */
export function actionPath(row: Pick<QueueRow, 'kind' | 'recipientId'>): {
  pathname: string;
  search: string;
} {
  if (row.kind === 'REASSESSMENT') {
    return {
      pathname: '/assessments/create',
      search: `?source=${encodeURIComponent(JSON.stringify({ recipientId: row.recipientId }))}`,
    };
  }
  const action: Record<string, string> = {
    // The form the deadline is resolved with, opened with the person's page (case/ActionDialog.tsx).
    DECISION: 'grant',
    READINESS_REVIEW: 'readiness_review',
    SERVICE_HOURS: 'schedule_visit',
    [EXPIRED_CONCLUSION]: 'send_request',
  };
  return {
    pathname: `/recipients/${row.recipientId}/show`,
    search: action[row.kind] ? `?action=${action[row.kind]}` : '',
  };
}

function DueState({ days }: { days: number }) {
  const translate = useTranslate();
  if (days > 0) {
    return <Chip color="error" size="small" label={translate('app.days_late', { smart_count: days })} />;
  }
  return (
    <Chip
      size="small"
      variant="outlined"
      label={days === 0 ? translate('queue.today') : translate('queue.days_left', { days: -days })}
    />
  );
}

/** The coordinator's home: every open deadline of the cases, earliest first, each opening its work. */
export function WorkQueue() {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const navigate = useNavigate();
  const { identity } = useGetIdentity();
  const [mine, setMine] = useStore('workQueue.mine', false);
  const [overdueOnly, setOverdueOnly] = useStore('workQueue.overdueOnly', false);
  const [rows, setRows] = useState<QueueRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!identity) return;
    let current = true;
    setRows(null);
    loadWorkQueue(
      client,
      { id: String(identity.id), name: identity.fullName ?? '' },
      { mine, overdueOnly, today: regionToday() },
    )
      .then((loaded) => {
        if (!current) return;
        setRows(loaded);
        setError(null);
      })
      .catch((e: unknown) => current && setError(toHttpError(e).message));
    return () => {
      current = false;
    };
  }, [identity, mine, overdueOnly]);

  const late = rows?.filter((r) => r.daysLate > 0).length ?? 0;
  const kindLabel = (kind: string) =>
    kind === EXPIRED_CONCLUSION
      ? translate('queue.expired_conclusion')
      : translate(`enums.DeadlineKind.${kind}`, { _: kind });

  return (
    <Card data-testid="work-queue">
      <Title title="queue.title" />
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Typography component="h2" variant="h5" sx={{ flex: 1 }}>
            {translate('queue.title')}
          </Typography>
          <Button component={Link} to="/council" variant="outlined" size="small">
            {translate('app.council')}
          </Button>
        </Box>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('queue.caption')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <FormControlLabel
            control={<Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} />}
            label={translate('queue.mine')}
          />
          <FormControlLabel
            control={<Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />}
            label={translate('queue.overdue')}
          />
          {rows && (
            <Typography variant="body2" aria-live="polite" data-testid="queue-count">
              {translate('queue.count', { count: rows.length, late })}
            </Typography>
          )}
        </Box>
        {error && (
          <Alert severity="error" role="alert" sx={{ my: 2 }}>
            {error}
          </Alert>
        )}
        {!rows && !error && <Typography sx={{ my: 2 }}>{translate('queue.loading')}</Typography>}
        {rows && rows.length === 0 && <Typography sx={{ my: 2 }}>{translate('queue.empty')}</Typography>}
        {rows && rows.length > 0 && (
          <Table size="small" aria-label={translate('queue.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('queue.due')}</TableCell>
                <TableCell>{translate('queue.state')}</TableCell>
                <TableCell>{translate('queue.kind')}</TableCell>
                <TableCell>{translate('queue.person')}</TableCell>
                <TableCell>{translate('queue.owner')}</TableCell>
                <TableCell>{translate('queue.agency')}</TableCell>
                <TableCell>{translate('queue.action')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow
                  key={row.key}
                  hover
                  data-kind={row.kind}
                  sx={{ cursor: 'pointer' }}
                  // The mouse may click anywhere on the row; the keyboard has the links inside it.
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest('a')) return;
                    navigate(actionPath(row));
                  }}
                >
                  <TableCell>{formatDate(row.dueOn, locale)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <DueState days={row.daysLate} />
                  </TableCell>
                  <TableCell>{kindLabel(row.kind)}</TableCell>
                  <TableCell sx={{ minWidth: 220 }}>
                    {row.person ? (
                      <>
                        <Link to={`/recipients/${row.recipientId}/show`}>{fullName(row.person)}</Link>
                        <br />
                        <Typography variant="caption">{formatSnils(row.person.snils)}</Typography>
                      </>
                    ) : (
                      <Link to={`/recipients/${row.recipientId}/show`}>
                        {translate('app.actions.open_card')}
                      </Link>
                    )}
                  </TableCell>
                  <TableCell>{row.owner ?? '—'}</TableCell>
                  <TableCell>
                    {row.awaitedFrom
                      ? translate('queue.awaited_from', { agency: row.awaitedFrom })
                      : (row.ownerAgency ?? '—')}
                    {row.hoursPlanned !== null && (
                      <>
                        <br />
                        <Typography variant="caption">
                          {translate('queue.hours', {
                            delivered: row.hoursDelivered ?? 0,
                            planned: row.hoursPlanned,
                          })}
                        </Typography>
                      </>
                    )}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Button component={Link} to={actionPath(row)} size="small" variant="outlined">
                      {translate(`queue.open.${row.kind}`)}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
