import { gql } from '@apollo/client';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { type ReactNode, useId, useState } from 'react';
import { Form, type HttpError, SaveButton, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { client } from '../graphql/client';
import { toHttpError } from '../graphql/errors';

export type Values = Record<string, unknown>;

export interface ActionProps {
  /** The button's text (a message key). */
  label: string;
  /** The dialog's heading; the label when not given. */
  title?: string;
  /** The GraphQL mutation document, with `$input` (or its own variables). */
  document: string;
  /** The form's starting values. */
  defaults?: Values;
  /** The mutation's variables from the form's values; `{ input: values }` by default (a file is read first). */
  variables?: (values: Values) => Values | Promise<Values>;
  /** What was done, said back to the user (the mutation's answer is its first field). */
  done: (values: Values, answer: Record<string, unknown>) => string;
  children?: ReactNode;
  variant?: 'contained' | 'outlined' | 'text';
  color?: 'primary' | 'error' | 'inherit';
  /** A short text under the heading: what the action does, what it needs. */
  intro?: ReactNode;
  /** Where the server's field errors go when the form names the field otherwise (input → form). */
  fieldOf?: Record<string, string>;
}

/**
 * The action a link asks to open with the page (`?action=grant`): the work queue's rows open the
 * form that resolves their deadline. The name is the label's last part (`case.a.grant` → `grant`).
 */
function useRequestedAction(label: string): boolean {
  const { search } = useLocation();
  const wanted = new URLSearchParams(search).get('action');
  return wanted !== null && label === `case.a.${wanted}`;
}

/**
 * One next-step action: a button opening a dialog with its form; the form sends one mutation.
 * The server's validation lands on the fields (graphql/errors.ts), its other refusals in a
 * notification; after success the dialog closes, says what was done, and the page reloads the case.
 */
export function ActionDialog({
  label,
  title,
  document,
  defaults = {},
  variables = (values) => ({ input: values }),
  done,
  children,
  variant = 'outlined',
  color = 'primary',
  intro,
  fieldOf = {},
}: ActionProps) {
  const [open, setOpen] = useState(useRequestedAction(label));
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();

  async function submit(values: Values) {
    try {
      const result = await client.mutate<Record<string, Record<string, unknown>>>({
        mutation: gql(document),
        variables: await variables(values),
      });
      const answer = Object.values(result.data ?? {})[0] ?? {};
      setOpen(false);
      notify(done(values, answer), { type: 'success', multiLine: true });
      refresh();
      return undefined;
    } catch (error) {
      const http: HttpError = toHttpError(error);
      notify(http.message, { type: 'error', multiLine: true });
      const fields = (http.body as { errors?: Record<string, unknown> } | undefined)?.errors;
      if (fields) {
        const { root: _root, ...onFields } = fields;
        return Object.fromEntries(
          Object.entries(onFields).map(([field, message]) => [fieldOf[field] ?? field, message]),
        );
      }
      return undefined;
    }
  }

  return (
    <>
      <Button
        variant={variant}
        color={color}
        size="small"
        onClick={() => setOpen(true)}
        sx={{ mr: 1, mb: 1 }}
      >
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <Form defaultValues={defaults} onSubmit={submit}>
          <DialogTitle id={titleId}>{translate(title ?? label)}</DialogTitle>
          <DialogContent>
            {intro && <div style={{ marginBottom: 12 }}>{intro}</div>}
            {children}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label={translate('case.do')} icon={<span />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
