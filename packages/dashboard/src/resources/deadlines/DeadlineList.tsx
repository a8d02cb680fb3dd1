import { Datagrid, List, NumberInput, TextField, TextInput } from 'react-admin';
import { ListActions } from '../../export/ListActions';
import { DateText, EnumText, FullName, LateBadge } from '../common';
import { noBulk } from '../list-parts';

/** What is due or late: decisions on applications (the application's deadline state), re-assessments, answers. */
export function DeadlineList() {
  return (
    <List
      exporter={false}
      actions={<ListActions />}
      filters={[
        <TextInput key="a" source="agency" alwaysOn />,
        <NumberInput key="h" source="horizonDays" min={0} />,
      ]}
    >
      <Datagrid {...noBulk} rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show`}>
        <EnumText
          source="kind"
          enumName="DeadlineKind"
          sortable={false}
          label="resources.deadlines.fields.kind"
        />
        <FullName source="recipient" label="resources.deadlines.fields.recipient" />
        <DateText source="dueOn" label="resources.deadlines.fields.dueOn" />
        <LateBadge source="daysLate" label="resources.deadlines.fields.daysLate" />
        <TextField source="agency" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
