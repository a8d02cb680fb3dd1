import {
  AutocompleteInput,
  BooleanField,
  Datagrid,
  DateInput,
  List,
  NullableBooleanInput,
  NumberField,
  ReferenceInput,
  TextField,
} from 'react-admin';
import { DateText, FullName } from '../common';
import { noBulk, PersonRecordListActions } from '../list-parts';

/** Staff visits, latest first: what was planned, whether it took place, its hours; rows open the card. */
export function VisitList() {
  return (
    <List
      exporter={false}
      actions={<PersonRecordListActions />}
      filters={[
        <ReferenceInput key="s" source="staffMemberId" reference="staffMembers" alwaysOn>
          <AutocompleteInput optionText="fullName" />
        </ReferenceInput>,
        <NullableBooleanInput key="d" source="delivered" alwaysOn />,
        <DateInput key="f" source="from" alwaysOn />,
        <DateInput key="t" source="to" alwaysOn />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show/social`}
      >
        <DateText source="plannedAt" withTime label="resources.visits.fields.plannedAt" />
        <FullName source="recipient" label="resources.visits.fields.recipient" />
        <TextField
          source="staffMember.fullName"
          label="resources.visits.fields.staffMemberId"
          sortable={false}
        />
        <TextField
          source="staffMember.provider.shortName"
          label="resources.visits.fields.provider"
          sortable={false}
        />
        <BooleanField source="delivered" sortable={false} />
        <NumberField source="hoursDelivered" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
