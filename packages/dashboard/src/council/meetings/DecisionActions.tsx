import { Stack } from '@mui/material';
import { ActionButton, runMutation } from '../../actions/ActionDialog';
import type { Decision } from './meeting.types';

const SET_STATUS = `mutation SetDecisionStatus($id: ID!, $status: DecisionStatus!, $note: String, $doneOn: LocalDate) {
  setCouncilDecisionStatus(id: $id, status: $status, note: $note, doneOn: $doneOn) { id status doneOn doneNote daysLate doneLate }
}`;

/**
 * Closing a decision (done on the day the person closing gives, today by default; never in the
 * future), cancelling it with a reason, or reopening a closed one.
 */
export function DecisionActions({ decision }: { decision: Decision }) {
  const set = (status: string) => (values: Record<string, string>) =>
    runMutation(SET_STATUS, {
      id: decision.id,
      status,
      note: values.note?.trim() || null,
      doneOn: status === 'DONE' ? values.doneOn || null : null,
    });
  if (decision.status !== 'OPEN') {
    return (
      <ActionButton
        label="app.council_admin.reopen"
        title="app.council_admin.reopen_title"
        onConfirm={set('OPEN')}
        done="app.council_admin.reopened"
      />
    );
  }
  return (
    <Stack direction="row" spacing={1}>
      <ActionButton
        label="app.council_admin.close"
        title="app.council_admin.close_title"
        text={decision.text}
        fields={[
          {
            name: 'doneOn',
            label: 'app.council_admin.completed_on',
            type: 'date',
            initial: new Date().toLocaleDateString('sv-SE'),
          },
          { name: 'note', label: 'app.council_admin.note', multiline: true },
        ]}
        color="success"
        variant="contained"
        onConfirm={set('DONE')}
        done="app.council_admin.closed"
      />
      <ActionButton
        label="app.council_admin.cancel"
        title="app.council_admin.cancel_title"
        text={decision.text}
        fields={[{ name: 'note', label: 'app.council_admin.cancel_reason', multiline: true, required: true }]}
        color="error"
        onConfirm={set('CANCELLED')}
        done="app.council_admin.cancelled"
      />
    </Stack>
  );
}
