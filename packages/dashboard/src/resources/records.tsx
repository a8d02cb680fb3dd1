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
  FormDataConsumer,
  List,
  NumberInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextField,
  TextInput,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { granted } from '../auth/authProvider';
import { regionInstant, regionLocal } from '../case/format';
import { answersOf, QuestionnaireInputs } from '../case/questionnaire/QuestionnaireInputs';
import { ListActions } from '../export/ListActions';
import { PersonInput } from '../ministries/PersonInput';
import { DateText, ENUMS, EnumInput, EnumText, formatDate } from './common';

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

/**
 * What the record is about is shown read-only, not disabled: a disabled input's value is left out
 * of the submitted data, so a second submit after a server error would lose the person.
 */
function RecordCreate({
  tab,
  children,
  transform,
}: {
  tab: string;
  children: ReactNode;
  transform?: (data: Record<string, unknown>) => Record<string, unknown>;
}) {
  return (
    <Create redirect={backToCard(tab)} transform={transform}>
      <SimpleForm>
        <PersonInput />
        {children}
      </SimpleForm>
    </Create>
  );
}

export const AssessmentCreate = () => (
  <RecordCreate tab="social" transform={(data) => ({ ...data, answers: answersOf(data) })}>
    <DateInput source="assessedOn" validate={required()} />
    <TextInput source="assessor" validate={required()} />
    <QuestionnaireInputs />
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
      <PersonInput />
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
    {/* Typed in the region's time and sent as an instant (a bare local time is no DateTimeISO). */}
    <DateTimeInput
      source="plannedAt"
      validate={required()}
      parse={(value: string) => (value ? (regionInstant(value) ?? value) : null)}
      format={(value?: string | null) => (value?.includes('Z') ? regionLocal(value) : (value ?? ''))}
    />
  </RecordCreate>
);

/** Topics are typed one per line; the graph takes a list. */
const lines = (value: unknown) =>
  String(value ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A vocational guidance session (003 п. 2.16): the professions suggested, one per line. */
export const GuidanceSessionCreate = () => (
  <Create
    redirect={backToCard('education')}
    transform={({ professionsText, ...data }: Record<string, unknown>) => ({
      ...data,
      suggestedProfessions: lines(professionsText),
    })}
  >
    <SimpleForm>
      <PersonInput />
      <DateInput source="heldOn" validate={required()} />
      <TextInput source="organisation" validate={required()} fullWidth />
      <TextInput source="professionsText" multiline fullWidth minRows={2} />
    </SimpleForm>
  </Create>
);

/**
 * The visit the outcome is of, read-only: named by the link that opened the form (person, time,
 * staff member), never by its id; the id stays the value, so the server's refusal of the visit
 * (already recorded, not yet come) lands here.
 */
function VisitInput() {
  // The form's own values (the link's `?source=`), where the name travels beside the id.
  return (
    <FormDataConsumer<{ visitName?: string }>>
      {({ formData }) => (
        <TextInput
          source="visitId"
          readOnly
          helperText={false}
          fullWidth
          format={() => formData.visitName ?? ''}
        />
      )}
    </FormDataConsumer>
  );
}

/** Whether a scheduled visit took place; its hours when it did (the server checks the day's total). */
export const VisitOutcomeCreate = () => (
  <Create
    redirect={backToCard('social')}
    transform={(data: Record<string, unknown>) => ({
      ...data,
      delivered: Boolean(data.delivered),
      hoursDelivered: data.delivered ? data.hoursDelivered : null,
    })}
  >
    <SimpleForm>
      <VisitInput />
      <BooleanInput source="delivered" />
      {/* No min/max here: the server's rule (and its message on the field) covers the day's total too. */}
      <NumberInput source="hoursDelivered" step={0.5} />
    </SimpleForm>
  </Create>
);

/**
 * The request answered, read-only: named by the link that opened the form (subject, date, agency),
 * never by its id, which stays the value (the server's refusals of the request land here).
 */
function RequestInput() {
  const translate = useTranslate();
  return (
    <FormDataConsumer<{ requestName?: string }>>
      {({ formData }) => (
        <TextInput
          source="requestId"
          readOnly
          helperText={false}
          fullWidth
          format={() => formData.requestName ?? translate('resources.interagencyAnswers.fields.requestId')}
        />
      )}
    </FormDataConsumer>
  );
}

/** Health answers with a conclusion; the request is then marked answered on the case and leaves the queue. */
export const InteragencyAnswerCreate = () => (
  <Create
    redirect={() => 'interagencyRequests'}
    transform={({
      conclusion = {},
      ...data
    }: Record<string, unknown> & { conclusion?: Record<string, unknown> }) => {
      const { conditionsText, ...fields } = conclusion;
      return {
        ...data,
        conclusion: {
          ...fields,
          contraindicationsPresent: Boolean(fields.contraindicationsPresent),
          conditions: lines(conditionsText),
          validUntil: fields.validUntil || null,
        },
      };
    }}
  >
    <SimpleForm>
      <RequestInput />
      <PersonInput />
      <DateInput source="conclusion.issuedOn" validate={required()} />
      <TextInput source="conclusion.organisation" validate={required()} fullWidth />
      <BooleanInput source="conclusion.contraindicationsPresent" />
      <TextInput source="conclusion.conditionsText" multiline fullWidth />
      <DateInput source="conclusion.validUntil" />
    </SimpleForm>
  </Create>
);

/** The answer's form from a row of the health queue. */
function AnswerLink(_: { label: string }) {
  const request = useRecordContext<{ id: string; recipientId: string; subject: string; sentOn?: string }>();
  const { permissions = [] } = usePermissions<string[]>();
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  if (request?.subject !== 'MEDICAL_CONCLUSION') return null;
  if (!granted(permissions, 'HEALTH_WRITE')) return null;
  return (
    <RecordLink
      resource="interagencyAnswers"
      label="app.actions.answer_request"
      values={{
        requestId: request.id,
        recipientId: request.recipientId,
        requestName: [
          translate(`enums.InteragencySubject.${request.subject}`),
          request.sentOn ? formatDate(request.sentOn, locale) : null,
        ]
          .filter(Boolean)
          .join(', '),
      }}
    />
  );
}

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
      exporter={false}
      actions={<ListActions />}
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
        <AnswerLink label="app.f.answer" />
      </Datagrid>
    </List>
  );
}

function OverdueText(_: { label: string }) {
  const record = useRecordContext<{ overdue: boolean }>();
  const translate = useTranslate();
  return <span>{translate(record?.overdue ? 'app.overdue' : 'app.on_time')}</span>;
}
