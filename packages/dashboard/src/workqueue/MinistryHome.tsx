import { gql } from '@apollo/client';
import {
  Alert,
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
import { useEffect, useState } from 'react';
import { Title, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { AgencyWork } from '../accountability/AgencyWork';
import { granted } from '../auth/authProvider';
import { formatSnils, fullName } from '../case/format';
import { client } from '../graphql/client';
import { toHttpError } from '../graphql/errors';
import { formatDate } from '../resources/common';
import type { Person } from './queueData';

/** The subjects each ministry answers (social's ANSWERED_BY): the officer's queue. */
const SUBJECTS_OF: Record<string, string[]> = { HEALTH_OFFICER: ['MEDICAL_CONCLUSION'] };

const QUEUE = gql(`query MinistryQueue($subject: InteragencySubject!) {
  interagencyQueue(subject: $subject, first: 200) {
    edges { node { id recipientId subject agency sentOn dueOn overdue
      recipient { id lastName firstName patronymic snils } } }
  }
}`);

interface Request {
  id: string;
  recipientId: string;
  subject: string;
  sentOn: string;
  dueOn: string;
  overdue: boolean;
  recipient: Person | null;
}

/** A ministry officer's home: the interagency requests their ministry answers, with the person's name. */
export function MinistryHome() {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { permissions = [] } = usePermissions<string[]>();
  const subjects = permissions.flatMap((role) => SUBJECTS_OF[role] ?? []);
  const [rows, setRows] = useState<Request[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = subjects.join(',');

  useEffect(() => {
    if (!key) return;
    let current = true;
    Promise.all(
      key.split(',').map((subject) =>
        // A person whose consents keep their name from this ministry comes back without it (and an
        // error beside the data): the request stays in the queue all the same.
        client.query<{ interagencyQueue: { edges: { node: Request }[] } }>({
          query: QUEUE,
          variables: { subject },
          errorPolicy: 'all',
        }),
      ),
    )
      .then((results) => {
        if (!current) return;
        const all = results.flatMap((r) => r.data?.interagencyQueue.edges.map((e) => e.node) ?? []);
        setRows(all.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id)));
      })
      .catch((e: unknown) => current && setError(toHttpError(e).message));
    return () => {
      current = false;
    };
  }, [key]);

  return (
    <>
      <Card data-testid="ministry-home">
        <Title title="ministry.title" />
        <CardContent>
          <Typography component="h2" variant="h5">
            {translate('ministry.title')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate(subjects.length ? 'ministry.caption' : 'ministry.none')}
          </Typography>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          {rows && rows.length === 0 && <Typography>{translate('ministry.empty')}</Typography>}
          {rows && rows.length > 0 && (
            <Table size="small" aria-label={translate('ministry.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('ministry.due')}</TableCell>
                  <TableCell>{translate('ministry.state')}</TableCell>
                  <TableCell>{translate('ministry.person')}</TableCell>
                  <TableCell>{translate('ministry.subject')}</TableCell>
                  <TableCell>{translate('ministry.sent')}</TableCell>
                  <TableCell>{translate('ministry.action')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id} hover data-request={r.id}>
                    <TableCell>{formatDate(r.dueOn, locale)}</TableCell>
                    <TableCell>
                      {r.overdue ? (
                        <Chip color="error" size="small" label={translate('app.overdue')} />
                      ) : (
                        <Chip size="small" variant="outlined" label={translate('app.on_time')} />
                      )}
                    </TableCell>
                    <TableCell>
                      <Link to={`/recipients/${r.recipientId}/show`}>
                        {r.recipient ? fullName(r.recipient) : translate('queue.no_consent')}
                      </Link>
                      {r.recipient && (
                        <>
                          <br />
                          <Typography variant="caption">{formatSnils(r.recipient.snils)}</Typography>
                        </>
                      )}
                    </TableCell>
                    <TableCell>
                      {translate(`enums.InteragencySubject.${r.subject}`, { _: r.subject })}
                    </TableCell>
                    <TableCell>{formatDate(r.sentOn, locale)}</TableCell>
                    <TableCell>
                      {r.subject === 'MEDICAL_CONCLUSION' && granted(permissions, 'HEALTH_WRITE') && (
                        <Button
                          component={Link}
                          size="small"
                          variant="outlined"
                          to={{
                            pathname: '/interagencyAnswers/create',
                            search: `?source=${encodeURIComponent(
                              JSON.stringify({
                                requestId: r.id,
                                recipientId: r.recipientId,
                                ...(r.recipient ? { recipientName: fullName(r.recipient) } : {}),
                                requestName: `${translate(`enums.InteragencySubject.${r.subject}`)}, ${formatDate(r.sentOn, locale)}`,
                              }),
                            )}`,
                          }}
                        >
                          {translate('ministry.answer')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <AgencyWork />
    </>
  );
}
