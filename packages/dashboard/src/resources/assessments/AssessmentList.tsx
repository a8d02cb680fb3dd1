import { Datagrid, DateInput, List, NumberField, TextField } from 'react-admin';
import { DateText, ENUMS, EnumInput, EnumText, FullName } from '../common';
import { noBulk, PersonRecordListActions } from '../list-parts';

/** All assessments of need, newest first; each row opens the person's card. */
export function AssessmentList() {
  return (
    <List
      exporter={false}
      actions={<PersonRecordListActions />}
      filters={[
        <EnumInput
          key="d"
          source="degree"
          enumName="AutonomyDegree"
          values={ENUMS.AutonomyDegree}
          alwaysOn
        />,
        <DateInput key="r" source="reassessmentDueBefore" alwaysOn />,
        <DateInput key="a" source="assessedFrom" />,
      ]}
    >
      <Datagrid
        {...noBulk}
        rowClick={(_id, _resource, record) => `/recipients/${record.recipientId}/show/social`}
      >
        <FullName source="recipient" label="resources.assessments.fields.recipient" />
        <DateText source="assessedOn" label="resources.assessments.fields.assessedOn" />
        <TextField source="assessor" sortable={false} />
        <NumberField source="score" sortable={false} />
        <EnumText
          source="degree"
          enumName="AutonomyDegree"
          label="resources.assessments.fields.degree"
          sortable={false}
        />
        <DateText source="reassessmentDueOn" label="resources.assessments.fields.reassessmentDueOn" />
      </Datagrid>
    </List>
  );
}
