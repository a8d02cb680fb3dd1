import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Datagrid,
  List,
  NullableBooleanInput,
  ReferenceInput,
  TextField,
} from 'react-admin';
import { DateText, ENUMS, EnumInput, EnumText, FullName } from '../common';
import { noBulk, PersonRecordListActions } from '../list-parts';

/** All job placements, latest start first; each row opens the person's employment tab. */
export function PlacementList() {
  return (
    <List
      exporter={false}
      actions={<PersonRecordListActions />}
      filters={[
        <ReferenceInput key="e" source="employerId" reference="employers" alwaysOn>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>,
        <EnumInput key="w" source="workKind" enumName="WorkKind" values={ENUMS.WorkKind} />,
        <NullableBooleanInput key="s" source="supported" alwaysOn />,
        <BooleanInput key="c" source="current" alwaysOn />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show/employment`}
      >
        <FullName source="recipient" label="resources.placements.fields.recipient" />
        <TextField source="employer.name" label="resources.placements.fields.employer" sortable={false} />
        <TextField source="position" sortable={false} />
        <EnumText
          source="workKind"
          enumName="WorkKind"
          label="resources.placements.fields.workKind"
          sortable={false}
        />
        <DateText source="startDate" label="resources.placements.fields.startDate" />
        <DateText source="endDate" label="resources.placements.fields.endDate" />
        <BooleanField source="supported" sortable={false} />
      </Datagrid>
    </List>
  );
}
