import {
  ArrayField,
  BooleanField,
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  List,
  NumberField,
  required,
  Show,
  SimpleForm,
  Tab,
  TabbedShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { can } from '../auth/authProvider';
import { allowed } from '../data/registry';
import { EducationTab } from '../ministries/EducationTab';
import { EmploymentTab } from '../ministries/EmploymentTab';
import { HealthTab } from '../ministries/HealthTab';
import { TimelineTab } from '../timeline/TimelineTab';
import { DateText, ENUMS, EnumInput, EnumText, FullName } from './common';
import { RecordLink, VisitOutcomeLink } from './records';

const filters = [
  <TextInput key="name" source="name" alwaysOn resettable />,
  <TextInput key="snils" source="snils" alwaysOn resettable />,
  <TextInput key="municipality" source="municipality" resettable />,
  <EnumInput key="degree" source="degree" enumName="AutonomyDegree" values={ENUMS.AutonomyDegree} />,
];

export function RecipientList() {
  const { permissions = [] } = usePermissions<string[]>();
  return (
    <List filters={filters} sort={{ field: 'lastName', order: 'ASC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FullName source="" label="resources.recipients.fields.name" sortBy="lastName" />
        <TextField source="snils" sortable={false} />
        <DateText source="birthDate" />
        <TextField source="municipality" sortable={false} />
        {allowed(permissions, 'DISABILITY') && (
          <EnumText source="autonomyDegree" enumName="AutonomyDegree" sortable={false} />
        )}
        {allowed(permissions, 'SERVICE') && (
          <EnumText
            source="currentStage.kind"
            enumName="StageKind"
            label="resources.recipients.fields.currentStage"
            sortable={false}
          />
        )}
      </Datagrid>
    </List>
  );
}

/** A titled table inside a tab; `label={false}` keeps the tab from adding a second label. */
function Section({
  source,
  title,
  children,
}: {
  source: string;
  title: string;
  label: false;
  children: React.ReactNode;
}) {
  const translate = useTranslate();
  return (
    <>
      <h3 style={{ margin: '16px 0 4px' }}>{translate(title)}</h3>
      <ArrayField source={source}>
        <Datagrid bulkActionButtons={false} empty={<p>{translate('app.empty')}</p>} rowClick={false}>
          {children}
        </Datagrid>
      </ArrayField>
    </>
  );
}

/** A link to a form recording something about this person (the card's record). */
function PersonRecordLink({ resource, text }: { resource: string; text: string }) {
  const record = useRecordContext<{ id: string; lastName: string; firstName: string; patronymic?: string }>();
  if (!record) return null;
  const recipientName = [record.lastName, record.firstName, record.patronymic].filter(Boolean).join(' ');
  return <RecordLink resource={resource} label={text} values={{ recipientId: record.id, recipientName }} />;
}

function ShowActions() {
  const { permissions = [] } = usePermissions<string[]>();
  return <TopToolbar>{can.writeCases(permissions) && <EditButton />}</TopToolbar>;
}

/** The person's card: one tab per ministry, shown only to the roles that may read it. */
export function RecipientShow() {
  const { permissions = [] } = usePermissions<string[]>();
  return (
    <Show actions={<ShowActions />} title={<FullName />}>
      <TabbedShowLayout>
        <Tab label="app.tabs.person">
          <TextField source="snils" />
          <FullName source="" label="resources.recipients.fields.name" />
          <DateText source="birthDate" label="resources.recipients.fields.birthDate" />
          <EnumText source="sex" enumName="Sex" label="resources.recipients.fields.sex" />
          <TextField source="municipality" />
          {allowed(permissions, 'CONTACT') && <TextField source="address" emptyText="—" />}
          {allowed(permissions, 'CONTACT') && <TextField source="phone" emptyText="—" />}
          {allowed(permissions, 'DISABILITY') && (
            <EnumText
              source="disabilityGroup"
              enumName="DisabilityGroup"
              label="resources.recipients.fields.disabilityGroup"
            />
          )}
          {allowed(permissions, 'DISABILITY') && (
            <EnumText
              source="autonomyDegree"
              enumName="AutonomyDegree"
              label="resources.recipients.fields.autonomyDegree"
            />
          )}
        </Tab>
        {(allowed(permissions, 'CASE') || allowed(permissions, 'SERVICE')) && (
          <Tab label="app.tabs.social" path="social">
            {allowed(permissions, 'CASE') && (
              <Section label={false} source="applications" title="app.sections.applications">
                <DateText source="submittedOn" label="app.f.submittedOn" />
                <EnumText source="status" enumName="ApplicationStatus" label="app.f.status" />
                <DateText source="decisionDueOn" label="app.f.decisionDueOn" />
                <EnumText source="decision" enumName="Decision" label="app.f.decision" />
              </Section>
            )}
            {allowed(permissions, 'CASE') && (
              <Section label={false} source="assessments" title="app.sections.assessments">
                <DateText source="assessedOn" label="app.f.date" />
                <TextField source="assessor" label="app.f.assessor" />
                <NumberField source="score" label="app.f.score" />
                <EnumText source="degree" enumName="AutonomyDegree" label="app.f.degree" />
                <DateText source="reassessmentDueOn" label="app.f.reassessmentDueOn" />
              </Section>
            )}
            {permissions.includes('COORDINATOR') && (
              <PersonRecordLink resource="assessments" text="app.actions.record_assessment" />
            )}
            {allowed(permissions, 'SERVICE') && (
              <Section label={false} source="stages" title="app.sections.stages">
                <EnumText source="kind" enumName="StageKind" label="app.f.stage" />
                <DateText source="startedOn" label="app.f.startedOn" />
                <DateText source="endedOn" label="app.f.endedOn" />
                <BooleanField source="current" label="app.f.current" />
              </Section>
            )}
            {allowed(permissions, 'SERVICE') && (
              <Section label={false} source="servicePlans" title="app.sections.services">
                <NumberField source="hoursPerWeek" label="app.f.hoursPerWeek" />
                <DateText source="fromDate" label="app.f.fromDate" />
              </Section>
            )}
            {allowed(permissions, 'SERVICE') && (
              <Section label={false} source="visits" title="app.sections.visits">
                <DateText source="plannedAt" withTime label="app.f.plannedAt" />
                <TextField source="staffMember.fullName" label="app.f.staffMember" />
                <EnumText source="staffMember.role" enumName="StaffRole" label="app.f.staffRole" />
                <BooleanField source="delivered" label="app.f.delivered" />
                <NumberField source="hoursDelivered" label="app.f.hoursDelivered" emptyText="—" />
                {can.writeCases(permissions) && <VisitOutcomeLink label="app.f.outcome" />}
              </Section>
            )}
            {allowed(permissions, 'SERVICE') && (
              <PersonRecordLink resource="visits" text="app.actions.schedule_visit" />
            )}
            {allowed(permissions, 'SERVICE') && (
              <TextField source="housing.current.unit.address" label="app.sections.housing" emptyText="—" />
            )}
            {allowed(permissions, 'CASE') && (
              <Section label={false} source="interagencyRequests" title="app.sections.requests">
                <TextField source="agency" label="app.f.agency" />
                <EnumText source="subject" enumName="InteragencySubject" label="app.f.subject" />
                <DateText source="sentOn" label="app.f.sentOn" />
                <DateText source="dueOn" label="app.f.dueOn" />
                <BooleanField source="overdue" label="app.f.overdue" />
              </Section>
            )}
          </Tab>
        )}
        {allowed(permissions, 'HEALTH') && <HealthTab label="app.tabs.health" path="health" />}
        {allowed(permissions, 'EDUCATION') && <EducationTab label="app.tabs.education" path="education" />}
        {allowed(permissions, 'EMPLOYMENT') && (
          <EmploymentTab label="app.tabs.employment" path="employment" />
        )}
        {allowed(permissions, 'CASE') && <TimelineTab label="timeline.tab" path="timeline" />}
      </TabbedShowLayout>
    </Show>
  );
}

function RecipientForm() {
  return (
    <SimpleForm>
      <TextInput source="snils" validate={required()} helperText="11 цифр" />
      <TextInput source="lastName" validate={required()} />
      <TextInput source="firstName" validate={required()} />
      <TextInput source="patronymic" />
      <DateInput source="birthDate" validate={required()} />
      <EnumInput source="sex" enumName="Sex" values={ENUMS.Sex} validate={required()} />
      <TextInput source="municipality" validate={required()} />
      <TextInput source="address" />
      <TextInput source="phone" />
      <TextInput source="email" type="email" />
      <EnumInput source="legalCapacity" enumName="LegalCapacity" values={ENUMS.LegalCapacity} />
      <EnumInput source="disabilityGroup" enumName="DisabilityGroup" values={ENUMS.DisabilityGroup} />
      <TextInput source="ipraNumber" />
      <DateInput source="ipraDate" />
    </SimpleForm>
  );
}

export function RecipientCreate() {
  return (
    <Create redirect="show">
      <RecipientForm />
    </Create>
  );
}

export function RecipientEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <RecipientForm />
    </Edit>
  );
}
