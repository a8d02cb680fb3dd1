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
  useTranslate,
} from 'react-admin';
import { can } from '../auth/authProvider';
import { allowed } from '../data/registry';
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
                <DateText source="submittedOn" label="Подано" />
                <EnumText source="status" enumName="ApplicationStatus" label="Статус" />
                <DateText source="decisionDueOn" label="Решение до" />
                <TextField source="decision" label="Решение" emptyText="—" />
              </Section>
            )}
            {allowed(permissions, 'CASE') && (
              <Section label={false} source="assessments" title="app.sections.assessments">
                <DateText source="assessedOn" label="Дата" />
                <NumberField source="score" label="Баллы" />
                <EnumText source="degree" enumName="AutonomyDegree" label="Степень" />
                <DateText source="reassessmentDueOn" label="Повторная оценка" />
              </Section>
            )}
            {allowed(permissions, 'SERVICE') && (
              <Section label={false} source="stages" title="app.sections.stages">
                <EnumText source="kind" enumName="StageKind" label="Этап" />
                <DateText source="startedOn" label="Начат" />
                <DateText source="endedOn" label="Окончен" />
                <BooleanField source="current" label="Текущий" />
              </Section>
            )}
            {allowed(permissions, 'SERVICE') && (
              <Section label={false} source="servicePlans" title="app.sections.services">
                <NumberField source="hoursPerWeek" label="Часов в неделю" />
                <DateText source="fromDate" label="С" />
              </Section>
            )}
            {allowed(permissions, 'SERVICE') && (
              <TextField source="housing.current.unit.address" label="app.sections.housing" emptyText="—" />
            )}
            {allowed(permissions, 'CASE') && (
              <Section label={false} source="interagencyRequests" title="app.sections.requests">
                <TextField source="agency" label="Ведомство" />
                <TextField source="subject" label="Предмет" />
                <DateText source="sentOn" label="Отправлен" />
                <BooleanField source="overdue" label="Просрочен" />
              </Section>
            )}
          </Tab>
        )}
        {allowed(permissions, 'HEALTH') && (
          <Tab label="app.tabs.health" path="health">
            <Section label={false} source="medicalConclusions" title="app.sections.medical">
              <DateText source="issuedOn" label="Выдано" />
              <TextField source="organisation" label="Организация" />
              <BooleanField source="contraindicationsPresent" label="Противопоказания" />
              <DateText source="validUntil" label="Действительно до" />
            </Section>
          </Tab>
        )}
        {allowed(permissions, 'EDUCATION') && (
          <Tab label="app.tabs.education" path="education">
            <Section label={false} source="enrolments" title="app.sections.enrolments">
              <TextField source="organisation" label="Организация" />
              <TextField source="programme" label="Программа" />
              <DateText source="startDate" label="Начало" />
              <TextField source="status" label="Статус" />
            </Section>
          </Tab>
        )}
        {allowed(permissions, 'EMPLOYMENT') && (
          <Tab label="app.tabs.employment" path="employment">
            <Section label={false} source="placements" title="app.sections.placements">
              <TextField source="employer.name" label="Работодатель" />
              <TextField source="position" label="Должность" />
              <DateText source="startDate" label="Начало" />
              <BooleanField source="supported" label="Сопровождаемое" />
            </Section>
          </Tab>
        )}
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
