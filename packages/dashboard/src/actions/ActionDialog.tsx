import { gql } from '@apollo/client';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { type ReactNode, useId, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { client } from '../graphql/client';
import { toHttpError } from '../graphql/errors';

/** A field the dialog asks for before the action runs (a note, a date). */
export interface ActionField {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'password';
  multiline?: boolean;
  required?: boolean;
  initial?: string;
}

/** Server problems keyed by the mutation's argument, as toHttpError reports them. */
type FieldErrors = Record<string, string>;

/**
 * Runs one mutation of the graph and hands back its answer, or the server's message and its
 * per-field problems: every action button of the secretary's and the administrator's screens
 * goes through it, so errors read the same everywhere.
 */
export async function runMutation<T>(
  document: string,
  variables: Record<string, unknown>,
): Promise<{ data?: T; message?: string; fields?: FieldErrors }> {
  try {
    const result = await client.mutate<T>({ mutation: gql(document), variables });
    return { data: result.data as T };
  } catch (error) {
    const http = toHttpError(error);
    const body = http.body as { errors?: Record<string, unknown> } | undefined;
    const fields = Object.fromEntries(
      Object.entries(body?.errors ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    return { message: http.message, fields };
  }
}

/**
 * A button that opens a dialog, asks for its fields, runs the action and shows what the server
 * refused on the field it concerns; on success it notifies and refreshes the screen.
 */
export function ActionButton({
  label,
  title,
  text,
  fields = [],
  confirmLabel,
  color = 'primary',
  variant = 'outlined',
  onConfirm,
  onDone,
  done,
}: {
  label: string;
  title: string;
  text?: ReactNode;
  fields?: ActionField[];
  confirmLabel?: string;
  color?: 'primary' | 'error' | 'success';
  variant?: 'outlined' | 'contained' | 'text';
  onConfirm: (values: Record<string, string>) => Promise<{ message?: string; fields?: FieldErrors }>;
  /** Called with the answer instead of the default notice (e.g. to show a secret once). */
  onDone?: () => void;
  done?: string;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ message?: string; fields?: FieldErrors }>({});
  const start = () => {
    setValues(Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
    setProblem({});
    setOpen(true);
  };
  const confirm = async () => {
    const missing = fields.find((f) => f.required && !values[f.name]?.trim());
    if (missing) {
      setProblem({ fields: { [missing.name]: translate('ra.validation.required') } });
      return;
    }
    setBusy(true);
    const answer = await onConfirm(values);
    setBusy(false);
    if (answer.message) {
      setProblem(answer);
      return;
    }
    setOpen(false);
    if (onDone) onDone();
    else notify(done ?? 'app.admin.done', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button size="small" color={color} variant={variant} onClick={start}>
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`${id}-title`}>
        <DialogTitle id={`${id}-title`}>{translate(title)}</DialogTitle>
        <DialogContent>
          {text && <DialogContentText component="div">{text}</DialogContentText>}
          {fields.map((f, i) => (
            <TextField
              key={f.name}
              name={f.name}
              label={translate(f.label)}
              type={f.type ?? 'text'}
              multiline={f.multiline}
              minRows={f.multiline ? 2 : undefined}
              required={f.required}
              autoFocus={i === 0}
              fullWidth
              margin="dense"
              value={values[f.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              error={Boolean(problem.fields?.[f.name])}
              helperText={problem.fields?.[f.name] ?? ' '}
              slotProps={f.type === 'date' ? { inputLabel: { shrink: true } } : undefined}
            />
          ))}
          {problem.message &&
            !Object.keys(problem.fields ?? {}).some((k) => fields.some((f) => f.name === k)) && (
              <Alert severity="error" role="alert">
                {problem.message}
              </Alert>
            )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color={color} disabled={busy} onClick={() => void confirm()}>
            {translate(confirmLabel ?? label)}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
