import { Create, Edit, required, SimpleForm, TextInput } from 'react-admin';
import { ENUMS, EnumInput } from '../resources/common';

interface AgencyFormData {
  abbreviations?: string[] | string;
}

// One spelling per line while typing; blank lines go only when the form is sent.
const formatLines = (value: string[] | string | undefined) =>
  Array.isArray(value) ? value.join('\n') : (value ?? '');
const parseLines = (text: string) => text.split('\n');
const toInput = <T extends AgencyFormData>(data: T): T => ({
  ...data,
  abbreviations: (Array.isArray(data.abbreviations) ? data.abbreviations : [data.abbreviations ?? ''])
    .map((a) => a.trim())
    .filter(Boolean),
});

function AgencyFields() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput
        source="abbreviations"
        multiline
        minRows={2}
        fullWidth
        format={formatLines}
        parse={parseLines}
        helperText="app.agencies.abbreviations_hint"
      />
      <EnumInput source="kind" enumName="AgencyKind" values={ENUMS.AgencyKind} validate={required()} />
    </>
  );
}

/** A new agency of a region (the directory holds several: each imported roadmap's own). */
export function AgencyCreate() {
  return (
    <Create redirect="list" transform={toInput}>
      <SimpleForm defaultValues={{ abbreviations: [] }}>
        <TextInput source="region" validate={required()} helperText="app.agencies.region_hint" />
        <AgencyFields />
      </SimpleForm>
    </Create>
  );
}

/** Name, spellings and kind; the region and id stay (accounts and roadmap items refer to them). */
export function AgencyEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list" transform={toInput}>
      <SimpleForm>
        <TextInput source="region" disabled />
        <AgencyFields />
      </SimpleForm>
    </Edit>
  );
}
