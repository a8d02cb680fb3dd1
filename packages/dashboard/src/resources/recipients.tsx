import {
  ArrayField,
  BooleanField,
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  List,
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
import { can, granted } from '../auth/authProvider';
import { CaseSummary, SocialCaseTab } from '../case/CaseWorkspace';
import { LimitationInputs, RepresentativeInputs, withoutEmptyGroups } from '../case/personInputs';
import { SnilsField } from '../case/SnilsField';
import { allowed } from '../data/registry';
import { ListActions } from '../export/ListActions';
import { DateText, ENUMS, EnumInput, EnumText, FullName } from './common';
import { RecordLink } from './records';

const filters = [
  <TextInput key="name" source="name" alwaysOn resettable />,
  <TextInput key="snils" source="snils" alwaysOn resettable />,
  <TextInput key="municipality" source="municipality" resettable />,
  <EnumInput key="degree" source="degree" enumName="AutonomyDegree" values={ENUMS.AutonomyDegree} />,
];

export function RecipientList() {
  const { permissions = [] } = usePermissions<string[]>();
  return (
    <List
      filters={filters}
      sort={{ field: 'lastName', order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={<ListActions />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FullName source="" label="resources.recipients.fields.name" sortBy="lastName" />
        <SnilsField source="snils" label="resources.recipients.fields.snils" sortable={false} />
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
  const record = useRecordContext<{ id: string }>();
  if (!record) return null;
  return <RecordLink resource={resource} label={text} values={{ recipientId: record.id }} />;
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
      {(allowed(permissions, 'CASE') || allowed(permissions, 'SERVICE')) && <CaseSummary />}
      <TabbedShowLayout>
        <Tab label="app.tabs.person">
          <SnilsField source="snils" label="resources.recipients.fields.snils" />
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
            <SocialCaseTab label={false} />
          </Tab>
        )}
        {allowed(permissions, 'HEALTH') && (
          <Tab label="app.tabs.health" path="health">
            <Section label={false} source="medicalConclusions" title="app.sections.medical">
              <DateText source="issuedOn" label="app.f.issuedOn" />
              <TextField source="organisation" label="app.f.organisation" />
              <BooleanField source="contraindicationsPresent" label="app.f.contraindications" />
              <DateText source="validUntil" label="app.f.validUntil" />
            </Section>
            {permissions.includes('HEALTH_OFFICER') && (
              <PersonRecordLink resource="medicalConclusions" text="app.actions.record_conclusion" />
            )}
          </Tab>
        )}
        {allowed(permissions, 'EDUCATION') && (
          <Tab label="app.tabs.education" path="education">
            <Section label={false} source="enrolments" title="app.sections.enrolments">
              <EnumText source="level" enumName="EducationLevel" label="app.f.level" />
              <TextField source="organisation" label="app.f.organisation" />
              <TextField source="programme" label="app.f.programme" />
              <EnumText source="form" enumName="StudyForm" label="app.f.form" />
              <DateText source="startDate" label="app.f.startDate" />
              <EnumText source="status" enumName="EnrolmentStatus" label="app.f.status" />
            </Section>
            {permissions.includes('EDUCATION_OFFICER') && (
              <PersonRecordLink resource="enrolments" text="app.actions.enrol" />
            )}
            <Section label={false} source="pmpkRecommendations" title="app.sections.pmpk">
              <DateText source="issuedOn" label="app.f.issuedOn" />
              <TextField source="commission" label="app.f.commission" />
              <TextField source="programme" label="app.f.programme" />
            </Section>
            {permissions.includes('EDUCATION_OFFICER') && (
              <PersonRecordLink resource="pmpkRecommendations" text="app.actions.record_pmpk" />
            )}
            <Section label={false} source="guidanceSessions" title="app.sections.guidance">
              <DateText source="heldOn" label="app.f.date" />
              <TextField source="organisation" label="app.f.organisation" />
              <TextField source="suggestedProfessions" label="app.f.professions" />
            </Section>
            {granted(permissions, 'EDUCATION_WRITE') && (
              <PersonRecordLink resource="guidanceSessions" text="app.actions.record_guidance" />
            )}
          </Tab>
        )}
        {allowed(permissions, 'EMPLOYMENT') && (
          <Tab label="app.tabs.employment" path="employment">
            <Section label={false} source="placements" title="app.sections.placements">
              <TextField source="employer.name" label="app.f.employer" />
              <TextField source="position" label="app.f.position" />
              <EnumText source="workKind" enumName="WorkKind" label="app.f.workKind" />
              <DateText source="startDate" label="app.f.startDate" />
              <DateText source="endDate" label="app.f.endDate" />
              <BooleanField source="supported" label="app.f.supported" />
            </Section>
            {permissions.includes('EMPLOYMENT_OFFICER') && (
              <PersonRecordLink resource="placements" text="app.actions.place" />
            )}
            <Section label={false} source="workRecommendations" title="app.sections.work_kinds">
              <EnumText source="workKind" enumName="WorkKind" label="app.f.workKind" />
              <EnumText source="verdict" enumName="WorkVerdict" label="app.f.verdict" />
              <TextField source="ipraNumber" label="app.f.ipraNumber" />
            </Section>
          </Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
}

function RecipientForm({ children }: { children?: React.ReactNode }) {
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
      {children}
    </SimpleForm>
  );
}

export function RecipientCreate() {
  return (
    <Create redirect="show" transform={withoutEmptyGroups}>
      <RecipientForm>
        <LimitationInputs />
        <RepresentativeInputs />
      </RecipientForm>
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
