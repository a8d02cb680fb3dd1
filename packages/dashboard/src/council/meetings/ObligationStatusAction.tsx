import { usePermissions, useTranslate } from 'react-admin';
import { ActionButton, runMutation } from '../../actions/ActionDialog';
import { granted } from '../../auth/authProvider';
import { ENUMS, enumChoices } from '../../resources/common';

const SET_STATUS = `mutation SetObligationStatus($id: ID!, $status: ObligationStatusChange!, $completedOn: String) {
  setObligationStatus(id: $id, status: $status, completedOn: $completedOn) { id status completedOn daysOverdue }
}`;

/**
 * The secretariat sets an obligation's status by hand (LATE is never set: it follows from the
 * date); "done" takes the day it was done, today when left empty.
 */
export function ObligationStatusAction({ id }: { id: string }) {
  const translate = useTranslate();
  const { permissions } = usePermissions<string[]>();
  if (!granted(permissions ?? [], 'REFERENCE_WRITE')) return null;
  return (
    <>
      {enumChoices(translate, 'ObligationStatusChange', ENUMS.ObligationStatusChange).map((choice) => (
        <ActionButton
          key={choice.id}
          label={choice.name}
          title="app.council_admin.obligation_status_title"
          text={choice.name}
          fields={
            choice.id === 'DONE'
              ? [{ name: 'completedOn', label: 'app.council_admin.completed_on', type: 'date' }]
              : []
          }
          onConfirm={(values) =>
            runMutation(SET_STATUS, { id, status: choice.id, completedOn: values.completedOn || null })
          }
          done="app.council_admin.status_set"
        />
      ))}
    </>
  );
}
