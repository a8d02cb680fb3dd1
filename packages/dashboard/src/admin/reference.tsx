import {
  AutocompleteInput,
  Create,
  Datagrid,
  Edit,
  List,
  NumberInput,
  required,
  SimpleForm,
  TextField,
  TextInput,
  usePermissions,
} from 'react-admin';
import { can } from '../auth/authProvider';
import { ListActions } from '../export/ListActions';
import { ENUMS, EnumInput, EnumText } from '../resources/common';
import { matchName, useProviders } from './choices';

function ProviderPicker({ source, isRequired }: { source: string; isRequired?: boolean }) {
  const choices = useProviders();
  return (
    <AutocompleteInput
      source={source}
      choices={choices}
      matchSuggestion={matchName}
      validate={isRequired ? required() : undefined}
      fullWidth
    />
  );
}

/** The region's agency directory: who roadmap items and Council decisions are assigned to. */
export function AgencyList() {
  const { permissions = [] } = usePermissions<string[]>();
  return (
    <List exporter={false} actions={<ListActions />} perPage={50}>
      <Datagrid bulkActionButtons={false} rowClick={can.admin(permissions) ? 'edit' : false}>
        <TextField source="name" sortable={false} />
        <TextField source="abbreviations" sortable={false} emptyText="—" />
        <EnumText
          source="kind"
          enumName="AgencyKind"
          label="resources.agencies.fields.kind"
          sortable={false}
        />
        <TextField source="region" sortable={false} />
      </Datagrid>
    </List>
  );
}

function HousingForm({ operator }: { operator: string }) {
  return (
    <SimpleForm>
      <EnumInput source="kind" enumName="HousingKind" values={ENUMS.HousingKind} validate={required()} />
      <TextInput source="address" validate={required()} fullWidth />
      <TextInput source="municipality" validate={required()} />
      <ProviderPicker source={operator} />
      <NumberInput source="places" min={1} validate={required()} />
    </SimpleForm>
  );
}

export const HousingUnitCreate = () => (
  <Create redirect="list">
    <HousingForm operator="operatorId" />
  </Create>
);

/** The card reads the operator as `operator { id }`; the graph takes it back as `operatorId`. */
export const HousingUnitEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="list"
    queryOptions={{ meta: { card: true } }}
    transform={(data: { operator?: { id?: string } | null }) => ({
      ...data,
      operatorId: data.operator?.id ?? null,
    })}
  >
    <HousingForm operator="operator.id" />
  </Edit>
);

export function StaffMemberCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="fullName" validate={required()} fullWidth />
        <EnumInput source="role" enumName="StaffRole" values={ENUMS.StaffRole} validate={required()} />
        <ProviderPicker source="providerId" isRequired />
      </SimpleForm>
    </Create>
  );
}
