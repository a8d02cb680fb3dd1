import { gql } from '@apollo/client';
import { Autocomplete, Box, Chip, TextField as MuiTextField } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  AutocompleteInput,
  Datagrid,
  DateInput,
  FunctionField,
  List,
  TextInput,
  useListContext,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { matchName, useAgencies } from '../admin/choices';
import { ListActions } from '../export/ListActions';
import { client } from '../graphql/client';
import { ENUMS, EnumInput, formatDate } from '../resources/common';
import { readFields } from './fieldLabels';

interface AuditRow {
  id: string;
  occurredAt: string;
  operation: string | null;
  actorKind: string;
  actorName: string | null;
  agencyId: string | null;
  action: string;
  recipient: { id: string; fullName: string | null } | null;
  fields: string[] | null;
  entity: string | null;
  breakGlass: boolean;
  /** A change's new state; for a break of the glass, its reason. */
  after: { reason?: unknown } | null;
}
interface Person {
  id: string;
  fullName: string;
}

const PEOPLE = gql`
  query PeopleByName($name: String!) {
    peopleByName(name: $name) { id fullName }
  }
`;

/** The actor's agency, picked by its name from the directory: the auditor never types an id. */
function AgencyFilter({ source }: { source: string }) {
  const { choices } = useAgencies();
  return <AutocompleteInput source={source} choices={choices} matchSuggestion={matchName} />;
}

/**
 * The person filter: their name typed, the log filtered by their id. The auditor never sees or
 * types an id; names come from social through the graph.
 */
function PersonFilter({ alwaysOn: _ }: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<Person[]>([]);
  const [chosen, setChosen] = useState<Person | null>(null);
  useEffect(() => {
    if (input.trim().length < 2 || input === chosen?.fullName) return;
    let current = true;
    const timer = setTimeout(() => {
      client
        .query<{ peopleByName: Person[] }>({ query: PEOPLE, variables: { name: input } })
        .then((r) => current && setOptions(r.data?.peopleByName ?? []))
        .catch(() => current && setOptions([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [input, chosen]);
  return (
    <Autocomplete
      sx={{ width: 280, mb: '4px' }}
      options={options}
      value={chosen}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.fullName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={translate('app.audit.person_search')}
      onInputChange={(_e, value) => setInput(value)}
      onChange={(_e, person) => {
        setChosen(person);
        const { recipientId: _old, ...rest } = filterValues as Record<string, unknown>;
        setFilters(person ? { ...rest, recipientId: person.id } : rest, displayedFilters);
      }}
      renderInput={(params) => (
        <MuiTextField
          {...params}
          name="person"
          label={translate('app.audit.person')}
          size="small"
          variant="filled"
          helperText={false}
        />
      )}
    />
  );
}

/** A day picked in the filter is the whole day: `to` is the start of the next one. */
const dayStart = {
  parse: (v: string) => (v ? new Date(`${v}T00:00:00`).toISOString() : null),
  format: (v: unknown) => (typeof v === 'string' && v ? localDay(new Date(v)) : ''),
};
const dayEnd = {
  parse: (v: string) => (v ? new Date(new Date(`${v}T00:00:00`).getTime() + 86_400_000).toISOString() : null),
  format: (v: unknown) =>
    typeof v === 'string' && v ? localDay(new Date(new Date(v).getTime() - 86_400_000)) : '',
};
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function AuditEventList() {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { nameOf } = useAgencies();
  const who = (r: AuditRow) =>
    r.actorName ??
    (r.actorKind === 'client' ? translate('resources.apiClients.name', { smart_count: 1 }) : '—');
  const what = (r: AuditRow) =>
    r.fields?.length
      ? readFields(translate, r.fields)
      : r.entity
        ? [
            translate(`app.audit.types.${r.entity}`, { _: r.entity }),
            // Why the glass was broken is what an auditor reads the line for.
            r.entity === 'BREAK_GLASS' && typeof r.after?.reason === 'string' ? r.after.reason : null,
          ]
            .filter(Boolean)
            .join(': ')
        : '—';
  const columns = [
    { source: 'occurredAt', label: translate('resources.auditEvents.fields.occurredAt') },
    {
      source: 'actorName',
      label: translate('resources.auditEvents.fields.actorName'),
      render: (r: Record<string, unknown>) => who(r as unknown as AuditRow),
    },
    {
      source: 'agencyId',
      label: translate('resources.auditEvents.fields.agencyId'),
      render: (r: Record<string, unknown>) => (r.agencyId ? nameOf(r.agencyId) : ''),
    },
    { source: 'action', label: translate('resources.auditEvents.fields.action'), enumName: 'AuditAction' },
    { source: 'operation', label: translate('resources.auditEvents.fields.operation') },
    {
      source: 'recipient',
      label: translate('resources.auditEvents.fields.recipient'),
      render: (r: Record<string, unknown>) => (r as unknown as AuditRow).recipient?.fullName ?? '',
    },
    {
      source: 'fields',
      label: translate('app.audit.what'),
      render: (r: Record<string, unknown>) => what(r as unknown as AuditRow),
    },
    { source: 'breakGlass', label: translate('resources.auditEvents.fields.breakGlass') },
  ];
  return (
    <List
      exporter={false}
      actions={<ListActions columns={columns} />}
      filters={[
        <PersonFilter key="p" source="recipientId" alwaysOn />,
        <TextInput key="n" source="actorName" alwaysOn />,
        <AgencyFilter key="g" source="agencyId" />,
        <EnumInput key="a" source="action" enumName="AuditAction" values={ENUMS.AuditAction} alwaysOn />,
        <TextInput key="o" source="operation" />,
        <DateInput key="f" source="from" alwaysOn {...dayStart} />,
        <DateInput key="t" source="to" label="app.audit.to_inclusive" alwaysOn {...dayEnd} />,
      ]}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        sx={{
          tableLayout: 'fixed',
          '& td': { verticalAlign: 'top', overflowWrap: 'anywhere' },
          '& th:nth-of-type(1)': { width: '11%' },
          '& th:nth-of-type(2)': { width: '19%' },
          '& th:nth-of-type(3)': { width: '13%' },
          '& th:nth-of-type(4)': { width: '17%' },
          '& th:nth-of-type(6)': { width: '9%' },
        }}
      >
        <FunctionField
          source="occurredAt"
          label="resources.auditEvents.fields.occurredAt"
          render={(r: AuditRow) => formatDate(r.occurredAt, locale, true)}
        />
        <FunctionField
          label="resources.auditEvents.fields.actorName"
          render={(r: AuditRow) => (
            <>
              <div>{who(r)}</div>
              {r.agencyId && (
                <Box component="div" sx={{ color: 'text.secondary', fontSize: '0.85em' }}>
                  {nameOf(r.agencyId)}
                </Box>
              )}
            </>
          )}
        />
        <FunctionField
          label="resources.auditEvents.fields.action"
          render={(r: AuditRow) => (
            <>
              <div>{translate(`enums.AuditAction.${r.action}`, { _: r.action })}</div>
              {r.operation && (
                <Box component="div" sx={{ color: 'text.secondary', fontSize: '0.85em' }}>
                  {r.operation}
                </Box>
              )}
            </>
          )}
        />
        <FunctionField
          label="resources.auditEvents.fields.recipient"
          render={(r: AuditRow) => <span data-testid="audit-person">{r.recipient?.fullName ?? '—'}</span>}
        />
        <FunctionField label="app.audit.what" render={what} />
        <FunctionField
          label="resources.auditEvents.fields.breakGlass"
          render={(r: AuditRow) =>
            r.breakGlass ? (
              // MUI's warning chip (white on orange) fails WCAG AA contrast: dark text on light orange.
              <Chip
                size="small"
                label={translate('ra.boolean.true')}
                sx={{ bgcolor: 'warning.light', color: 'common.black' }}
              />
            ) : (
              '—'
            )
          }
        />
      </Datagrid>
    </List>
  );
}
