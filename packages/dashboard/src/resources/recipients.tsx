import {
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
} from 'react-admin';
import { can } from '../auth/authProvider';
import { CaseSummary, SocialCaseTab } from '../case/CaseWorkspace';
import { LimitationInputs, RepresentativeInputs, withoutEmptyGroups } from '../case/personInputs';
import { SnilsField } from '../case/SnilsField';
import { allowed } from '../data/registry';
import { ListActions } from '../export/ListActions';
import { EducationTab } from '../ministries/EducationTab';
import { EmploymentTab } from '../ministries/EmploymentTab';
import { HealthTab } from '../ministries/HealthTab';
import { TimelineTab } from '../timeline/TimelineTab';
import { DateText, ENUMS, EnumInput, EnumText, FullName } from './common';

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
