import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  TextField,
} from '@mui/material';
import { useId, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { runMutation } from '../actions/ActionDialog';
import { base64Of } from '../graphql/base64';
import type { DecisionRow } from './decision-row';

const REPORT = `mutation ReportDecisionProgress($input: DecisionReportInput!) {
  reportDecisionProgress(input: $input) { id }
}`;

const today = () => new Date().toLocaleDateString('sv-SE');

/**
 * The assigned ministry reports on a Council decision: what it did, when, with evidence, and
 * whether the decision is fulfilled. The server's refusals appear under the field they concern.
 */
export function DecisionReportButton({
  decision,
  onReported,
}: {
  decision: Pick<DecisionRow, 'id' | 'number' | 'reference' | 'text'>;
  onReported: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [reportedOn, setReportedOn] = useState(today());
  const [files, setFiles] = useState<File[]>([]);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<{ message?: string; fields?: Record<string, string> }>({});

  const start = () => {
    setText('');
    setReportedOn(today());
    setFiles([]);
    setDone(false);
    setProblem({});
    setOpen(true);
  };
  const send = async () => {
    if (!text.trim()) {
      setProblem({ fields: { text: translate('ra.validation.required') } });
      return;
    }
    setBusy(true);
    const evidence = await Promise.all(
      files.map(async (file) => ({
        filename: file.name,
        mediaType: file.type || 'application/octet-stream',
        contentBase64: await base64Of(file),
      })),
    );
    const answer = await runMutation(REPORT, {
      input: {
        decisionId: decision.id,
        text: text.trim(),
        reportedOn: reportedOn || null,
        done,
        ...(evidence.length ? { evidence } : {}),
      },
    });
    setBusy(false);
    if (answer.message) {
      setProblem(answer);
      return;
    }
    setOpen(false);
    notify('app.agency_work.sent', { type: 'success' });
    onReported();
  };
  const fieldError = (name: string) => problem.fields?.[name];
  const shownElsewhere = Object.keys(problem.fields ?? {}).some((k) =>
    ['text', 'reportedOn', 'evidence'].includes(k),
  );

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        onClick={start}
        aria-label={`${translate('app.agency_work.report')}: ${decision.number ?? ''} ${decision.text.slice(0, 60)}`}
      >
        {translate('app.agency_work.report')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`${id}-title`} fullWidth>
        <DialogTitle id={`${id}-title`}>{translate('app.agency_work.report_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText component="div">
            {decision.reference}: {decision.text}
          </DialogContentText>
          <TextField
            name="text"
            label={translate('app.agency_work.text')}
            multiline
            minRows={3}
            required
            autoFocus
            fullWidth
            margin="dense"
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={Boolean(fieldError('text'))}
            helperText={fieldError('text') ?? ' '}
          />
          <TextField
            name="reportedOn"
            type="date"
            label={translate('app.agency_work.reported_on')}
            margin="dense"
            value={reportedOn}
            onChange={(e) => setReportedOn(e.target.value)}
            error={Boolean(fieldError('reportedOn'))}
            helperText={fieldError('reportedOn') ?? ' '}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <div>
            <label htmlFor={`${id}-files`}>{translate('app.agency_work.files')}</label>
            <input
              id={`${id}-files`}
              name="evidence"
              type="file"
              multiple
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
              style={{ display: 'block', marginTop: 4 }}
            />
            <FormHelperText error={Boolean(fieldError('evidence'))}>
              {fieldError('evidence') ?? ' '}
            </FormHelperText>
          </div>
          <FormControlLabel
            control={<Checkbox name="done" checked={done} onChange={(e) => setDone(e.target.checked)} />}
            label={translate('app.agency_work.done')}
          />
          {problem.message && !shownElsewhere && (
            <Alert severity="error" role="alert">
              {problem.message}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={busy} onClick={() => void send()}>
            {translate('app.agency_work.send')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
