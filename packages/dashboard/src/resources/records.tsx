import AddIcon from '@mui/icons-material/Add';
import { Button } from '@mui/material';
import type { ReactNode } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  Datagrid,
  DateInput,
  DateTimeInput,
  List,
  NumberInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { DateText, ENUMS, EnumInput, EnumText } from './common';

/**
 * A link (not a click handler on a row) to a form that records something about a person: reached
 * by Tab and opened by Enter like any link (WCAG 2.1.1).
 */
export function RecordLink({
  resource,
  label,
  values,
}: {
  resource: string;
  label: string;
  values: Record<string, unknown>;
}) {
  const translate = useTranslate();
  return (
    <Button
      component={Link}
      to={{
        pathname: `/${resource}/create`,
        search: `?source=${encodeURIComponent(JSON.stringify(values))}`,
      }}
      startIcon={<AddIcon />}
      size="small"
      variant="outlined"
      sx={{ my: 1 }}
    >
      {translate(label)}
    </Button>
  );
}

/** Back to the person's card, on the tab the record belongs to. */
const backToCard =
  (tab: string) =>
  (_resource?: string, _id?: unknown, data?: Record<string, unknown>): string =>
    `recipients/${String(data?.recipientId ?? '')}/show/${tab}`;

function RecordCreate({ tab, children }: { tab: string; children: ReactNode }) {
  return (
    <Create redirect={backToCard(tab)}>
      <SimpleForm>
        <TextInput source="recipientId" disabled label="resources.recipients.name" helperText={false} />
        {children}
      </SimpleForm>
    </Create>
  );
}

export const AssessmentCreate = () => (
  <RecordCreate tab="social">
    <DateInput source="assessedOn" validate={required()} />
    <TextInput source="assessor" validate={required()} />
    <NumberInput source="score" validate={required()} min={0} step={1} />
  </RecordCreate>
);

export const EnrolmentCreate = () => (
  <RecordCreate tab="education">
    <EnumInput source="level" enumName="EducationLevel" values={ENUMS.EducationLevel} validate={required()} />
    <TextInput source="organisation" validate={required()} fullWidth />
    <TextInput source="programme" validate={required()} fullWidth />
    <EnumInput source="form" enumName="StudyForm" values={ENUMS.StudyForm} validate={required()} />
    <DateInput source="startDate" validate={required()} />
  </RecordCreate>
);

export const PmpkRecommendationCreate = () => (
  <RecordCreate tab="education">
    <DateInput source="issuedOn" validate={required()} />
    <TextInput source="commission" validate={required()} fullWidth />
    <TextInput source="programme" validate={required()} fullWidth />
    <TextInput source="conditions" multiline fullWidth />
  </RecordCreate>
);

/** Conditions are typed one per line; the graph takes a list. */
const splitConditions = (data: Record<string, unknown>) => ({
  ...data,
  contraindicationsPresent: Boolean(data.contraindicationsPresent),
  conditions: String(data.conditionsText ?? '')
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean),
});

export const MedicalConclusionCreate = () => (
  <Create redirect={backToCard('health')} transform={splitConditions}>
    <SimpleForm>
      <TextInput source="recipientId" disabled label="resources.recipients.name" helperText={false} />
      <DateInput source="issuedOn" validate={required()} />
      <TextInput source="organisation" validate={required()} fullWidth />
      <BooleanInput source="contraindicationsPresent" />
      <TextInput source="conditionsText" multiline fullWidth />
      <DateInput source="validUntil" />
    </SimpleForm>
  </Create>
);

export const PlacementCreate = () => (
  <RecordCreate tab="employment">
    <ReferenceInput source="employerId" reference="employers">
      <AutocompleteInput optionText="name" validate={required()} />
    </ReferenceInput>
    <TextInput source="position" validate={required()} />
    <EnumInput source="workKind" enumName="WorkKind" values={ENUMS.WorkKind} />
    <DateInput source="startDate" validate={required()} />
    <TextInput source="mentorName" />
  </RecordCreate>
);

export const VisitCreate = () => (
  <RecordCreate tab="social">
    <ReferenceInput source="staffMemberId" reference="staffMembers">
      <AutocompleteInput optionText="fullName" validate={required()} />
    </ReferenceInput>
    <DateTimeInput source="plannedAt" validate={required()} />
  </RecordCreate>
);

function PersonLink() {
  const record = useRecordContext<{ id: string; recipientId: string }>();
  const translate = useTranslate();
  if (!record) return null;
  return <Link to={`/recipients/${record.recipientId}/show`}>{translate('app.actions.open_card')}</Link>;
}

/**
 * Interagency requests not yet answered, by subject: the answering ministry's queue, and for the
 * coordinator the requests sent and still waiting.
 */
export function InteragencyRequestList() {
  return (
    <List
      filters={[
        <EnumInput
          key="s"
          source="subject"
          enumName="InteragencySubject"
          values={ENUMS.InteragencySubject}
          alwaysOn
          validate={required()}
        />,
      ]}
      filterDefaultValues={{ subject: 'MEDICAL_CONCLUSION' }}
      sort={{ field: 'dueOn', order: 'ASC' }}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <EnumText
          source="subject"
          enumName="InteragencySubject"
          label="resources.interagencyRequests.fields.subject"
        />
        <TextField source="agency" sortable={false} />
        <DateText source="sentOn" label="resources.interagencyRequests.fields.sentOn" />
        <DateText source="dueOn" label="resources.interagencyRequests.fields.dueOn" />
        <OverdueText label="resources.interagencyRequests.fields.overdue" />
        <PersonLink />
      </Datagrid>
    </List>
  );
}

function OverdueText(_: { label: string }) {
  const record = useRecordContext<{ overdue: boolean }>();
  const translate = useTranslate();
  return <span>{translate(record?.overdue ? 'app.overdue' : 'app.on_time')}</span>;
}
