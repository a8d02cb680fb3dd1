import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateInput,
  List,
  NullableBooleanInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextField,
  TextInput,
} from 'react-admin';
import { ListActions } from '../export/ListActions';
import { DateText, ENUMS, EnumInput, EnumText } from './common';

export function EmployerList() {
  return (
    <List exporter={false} actions={<ListActions />}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" sortable={false} />
        <TextField source="inn" sortable={false} />
        <TextField source="municipality" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

export const EmployerCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="inn" validate={required()} helperText="resources.employers.hints.inn" />
      <TextInput source="municipality" />
    </SimpleForm>
  </Create>
);

export function VacancyList() {
  return (
    <List
      exporter={false}
      actions={<ListActions />}
      filters={[
        <ReferenceInput key="e" source="employerId" reference="employers" alwaysOn>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>,
        <NullableBooleanInput key="q" source="quota" alwaysOn />,
        <NullableBooleanInput key="o" source="open" alwaysOn />,
      ]}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="position" sortable={false} />
        <TextField source="employer.name" label="resources.vacancies.fields.employer" sortable={false} />
        <EnumText source="workKind" enumName="WorkKind" label="resources.vacancies.fields.workKind" />
        <BooleanField source="quota" sortable={false} />
        <EnumText source="origin" enumName="WorkplaceOrigin" label="resources.vacancies.fields.origin" />
        <DateText source="openedOn" label="resources.vacancies.fields.openedOn" />
        <DateText source="closedOn" label="resources.vacancies.fields.closedOn" />
      </Datagrid>
    </List>
  );
}

export const VacancyCreate = () => (
  <Create
    redirect="list"
    transform={(data: Record<string, unknown>) => ({ ...data, quota: Boolean(data.quota) })}
  >
    <SimpleForm>
      <ReferenceInput source="employerId" reference="employers">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput source="position" validate={required()} />
      <EnumInput source="workKind" enumName="WorkKind" values={ENUMS.WorkKind} validate={required()} />
      <BooleanInput source="quota" />
      <EnumInput
        source="origin"
        enumName="WorkplaceOrigin"
        values={ENUMS.WorkplaceOrigin}
        defaultValue="REGULAR"
        validate={required()}
      />
      <DateInput source="openedOn" validate={required()} />
    </SimpleForm>
  </Create>
);
