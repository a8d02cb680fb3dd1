import { Datagrid, DateInput, List, TextField } from 'react-admin';
import { DateText, ENUMS, EnumInput, EnumText, FullName } from '../common';
import { noBulk, PersonRecordListActions } from '../list-parts';

/** All education enrolments, latest start first; each row opens the person's education tab. */
export function EnrolmentList() {
  return (
    <List
      exporter={false}
      actions={<PersonRecordListActions />}
      filters={[
        <EnumInput key="l" source="level" enumName="EducationLevel" values={ENUMS.EducationLevel} alwaysOn />,
        <EnumInput
          key="s"
          source="status"
          enumName="EnrolmentStatus"
          values={ENUMS.EnrolmentStatus}
          alwaysOn
        />,
        <DateInput key="f" source="startedFrom" />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show/education`}
      >
        <FullName source="recipient" label="resources.enrolments.fields.recipient" />
        <EnumText
          source="level"
          enumName="EducationLevel"
          label="resources.enrolments.fields.level"
          sortable={false}
        />
        <TextField source="organisation" sortable={false} />
        <TextField source="programme" sortable={false} />
        <DateText source="startDate" label="resources.enrolments.fields.startDate" />
        <EnumText
          source="status"
          enumName="EnrolmentStatus"
          label="resources.enrolments.fields.status"
          sortable={false}
        />
      </Datagrid>
    </List>
  );
}
