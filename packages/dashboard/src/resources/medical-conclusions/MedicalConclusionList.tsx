import { BooleanField, Datagrid, DateInput, List, NullableBooleanInput, TextField } from 'react-admin';
import { DateText, FullName } from '../common';
import { noBulk, PersonRecordListActions } from '../list-parts';

/** All medical conclusions, newest first (health officers); each row opens the person's health tab. */
export function MedicalConclusionList() {
  return (
    <List
      exporter={false}
      actions={<PersonRecordListActions />}
      filters={[
        <NullableBooleanInput key="c" source="contraindicationsPresent" alwaysOn />,
        <DateInput key="v" source="validUntilBefore" alwaysOn />,
        <DateInput key="i" source="issuedFrom" />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show/health`}
      >
        <FullName source="recipient" label="resources.medicalConclusions.fields.recipient" />
        <DateText source="issuedOn" label="resources.medicalConclusions.fields.issuedOn" />
        <TextField source="organisation" sortable={false} />
        <BooleanField source="contraindicationsPresent" sortable={false} />
        <DateText source="validUntil" label="resources.medicalConclusions.fields.validUntil" />
      </Datagrid>
    </List>
  );
}
