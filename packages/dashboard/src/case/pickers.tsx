import {
  AutocompleteInput,
  ReferenceInput,
  required,
  useGetList,
  useTranslate,
  type Validator,
} from 'react-admin';

interface Staff {
  id: string;
  fullName: string;
  role: string;
  provider: { shortName: string };
}

interface Unit {
  id: string;
  address: string;
  kind: string;
  places: number;
  freePlaces: number;
}

const searchBy = (key: string) => (text: string) => (text ? { [key]: text } : {});

/** A staff member, searched by name as one types, shown with role and provider. */
export function StaffPicker({
  providerId,
  source = 'staffMemberId',
}: {
  providerId?: string | null;
  source?: string;
}) {
  const translate = useTranslate();
  return (
    <ReferenceInput source={source} reference="staffMembers" filter={providerId ? { providerId } : {}}>
      <AutocompleteInput
        label="case.f.staffMember"
        optionText={(s: Staff) =>
          `${s.fullName} — ${translate(`enums.StaffRole.${s.role}`)}, ${s.provider?.shortName ?? ''}`
        }
        filterToQuery={searchBy('name')}
        validate={required()}
        fullWidth
      />
    </ReferenceInput>
  );
}

/** A housing unit with a free place, searched by address, shown with its free places. */
export function HousingPicker() {
  const translate = useTranslate();
  return (
    <ReferenceInput source="unitId" reference="housingUnits" filter={{ withFreePlaces: true }}>
      <AutocompleteInput
        label="case.f.unit"
        optionText={(u: Unit) =>
          translate('case.unit_option', {
            address: u.address,
            kind: translate(`enums.HousingKind.${u.kind}`),
            free: u.freePlaces,
            places: u.places,
          })
        }
        filterToQuery={searchBy('address')}
        validate={required()}
        fullWidth
      />
    </ReferenceInput>
  );
}

/** An active coordinator, searched by name. */
export function CoordinatorPicker() {
  return (
    <ReferenceInput source="accountId" reference="coordinators">
      <AutocompleteInput
        label="case.f.coordinator"
        optionText="displayName"
        filterToQuery={searchBy('name')}
        validate={required()}
        fullWidth
      />
    </ReferenceInput>
  );
}

/**
 * A provider of the registry, filtered as one types (the registry is at most a couple of hundred names:
 * loaded once, matched in the browser).
 */
export function ProviderPicker({ validate }: { validate?: Validator }) {
  const { data = [] } = useGetList<{ id: string; shortName: string; municipality: string }>('providers', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'shortName', order: 'ASC' },
  });
  return (
    <AutocompleteInput
      source="providerId"
      label="case.f.provider"
      choices={data.map((p) => ({ id: p.id, name: `${p.shortName} (${p.municipality})` }))}
      validate={validate}
      fullWidth
    />
  );
}

/**
 * The receiving agency of an interagency request: one of the agency directory, stored by its id and
 * shown by its name (issue 23: agencies are references, never free text); an agency of another
 * region is refused by the server on this field.
 */
export function AgencyPicker() {
  const { data = [] } = useGetList<{ id: string; name: string; abbreviations: string[] }>('agencies', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  const choices = data
    .map((a) => ({ id: a.id, name: a.abbreviations[0] ? `${a.name} (${a.abbreviations[0]})` : a.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return (
    <AutocompleteInput
      source="agencyId"
      label="case.f.agency"
      choices={choices}
      validate={required()}
      fullWidth
    />
  );
}
