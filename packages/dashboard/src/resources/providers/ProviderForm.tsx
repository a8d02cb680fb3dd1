import { Create, Edit, required, SimpleForm, TextInput } from 'react-admin';

function ProviderForm() {
  return (
    <SimpleForm>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="shortName" validate={required()} />
      <TextInput source="postalAddress" validate={required()} fullWidth />
      <TextInput source="municipality" validate={required()} />
      <TextInput source="phone" />
      <TextInput source="email" type="email" />
      <TextInput source="inn" />
    </SimpleForm>
  );
}

export const ProviderCreate = () => (
  <Create redirect="list" transform={(data: Record<string, unknown>) => ({ forms: [], ...data })}>
    <ProviderForm />
  </Create>
);

export const ProviderEdit = () => (
  <Edit mutationMode="pessimistic">
    <ProviderForm />
  </Edit>
);
