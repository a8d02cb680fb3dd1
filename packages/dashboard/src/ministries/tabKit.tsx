import { gql } from '@apollo/client';
import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { type ReactNode, useEffect, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { client } from '../graphql/client';
import { toHttpError } from '../graphql/errors';

/**
 * One query of a tab about the person on the card, sent when the tab opens. Partial answers are
 * kept (`errorPolicy: 'all'`): a part the reader may not see comes with its own message instead of
 * hiding the rest.
 */
export function usePersonQuery<T>(document: string, recipientId: string | undefined) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!recipientId) return;
    let current = true;
    client
      .query<T>({ query: gql(document), variables: { id: recipientId }, errorPolicy: 'all' })
      .then((result) => {
        if (!current) return;
        setData((result.data as T | undefined) ?? null);
        setError(result.error ? toHttpError(result.error).message : null);
      })
      .catch((e: unknown) => current && setError(toHttpError(e).message));
    return () => {
      current = false;
    };
  }, [document, recipientId]);
  return { data, error };
}

export interface Column<T> {
  label: string;
  render: (row: T) => ReactNode;
}

/** A titled table of the person's records; an empty list says so. */
export function RecordsTable<T extends { id: string }>({
  title,
  rows,
  columns,
}: {
  title: string;
  rows: T[] | null | undefined;
  columns: Column<T>[];
}) {
  const translate = useTranslate();
  return (
    <>
      <Typography component="h3" variant="subtitle1" sx={{ mt: 2, fontWeight: 600 }}>
        {translate(title)}
      </Typography>
      {!rows?.length ? (
        <Typography variant="body2">{translate('app.empty')}</Typography>
      ) : (
        <Table size="small" aria-label={translate(title)}>
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableCell key={c.label}>{translate(c.label)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                {columns.map((c) => (
                  <TableCell key={c.label}>{c.render(row)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

export function TabError({ error }: { error: string | null }) {
  return error ? (
    <Alert severity="warning" role="alert" sx={{ my: 1 }}>
      {error}
    </Alert>
  ) : null;
}

/** The card's person: id and the name the forms show read-only. */
export function usePerson() {
  const record = useRecordContext<{
    id: string;
    lastName?: string;
    firstName?: string;
    patronymic?: string;
  }>();
  const name = [record?.lastName, record?.firstName, record?.patronymic].filter(Boolean).join(' ');
  return { id: record?.id, name };
}

/** A tab's content in one block; `label={false}` keeps the tab from adding a field label above it. */
export function TabContent({ children, testId }: { label: false; children: ReactNode; testId: string }) {
  return <div data-testid={testId}>{children}</div>;
}
