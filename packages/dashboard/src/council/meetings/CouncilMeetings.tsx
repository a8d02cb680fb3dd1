import AddIcon from '@mui/icons-material/Add';
import { Box, Button, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useMemo } from 'react';
import {
  AutocompleteInput,
  Create,
  CreateButton,
  Datagrid,
  DateInput,
  FunctionField,
  List,
  NumberInput,
  required,
  SelectInput,
  Show,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  useGetList,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link, useLocation } from 'react-router-dom';
import { matchName, useAgencies } from '../../admin/choices';
import { can, granted } from '../../auth/authProvider';
import { formatSnils } from '../../case/format';
import { ExportButtons } from '../../export/ExportButtons';
import { ReportDownloads } from '../../reports/ReportDownloads';
import { DateText, ENUMS, EnumInput, EnumText, formatDate } from '../../resources/common';
import { DecisionActions } from './DecisionActions';
import type { Decision, Meeting } from './meeting.types';
import { PeoplePicker, RoadmapItemPicker } from './pickers';

/** The card reads the meeting's own query key: a list row never stands in for the full record. */
const CARD = { meta: { card: true } };

function MeetingListActions() {
  const { permissions } = usePermissions<string[]>();
  return (
    <TopToolbar>
      {can.councilMeetings(permissions ?? []) && <CreateButton />}
      <ExportButtons />
    </TopToolbar>
  );
}

/** Open decisions and how many of them are late, in words (colour is never the only signal). */
function DecisionSummary() {
  const record = useRecordContext<Meeting>();
  const translate = useTranslate();
  if (!record) return null;
  const open = record.decisions.filter((d) => d.status === 'OPEN').length;
  const late = record.decisions.filter((d) => d.overdue).length;
  return (
    <span>
      {translate('app.council_admin.decisions_summary', {
        total: record.decisions.length,
        open,
      })}
      {late > 0 && (
        <Chip
          size="small"
          color="error"
          sx={{ ml: 1 }}
          label={translate('app.council_admin.late_count', { smart_count: late })}
        />
      )}
    </span>
  );
}

export function CouncilMeetingList() {
  return (
    <List actions={<MeetingListActions />} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <DateText source="heldOn" label="resources.councilMeetings.fields.heldOn" />
        <TextField source="protocolNumber" sortable={false} emptyText="—" />
        <FunctionField
          source="agenda"
          sortable={false}
          render={(r: Meeting) => (r.agenda.length > 160 ? `${r.agenda.slice(0, 159)}…` : r.agenda)}
        />
        <DecisionSummary />
      </Datagrid>
    </List>
  );
}

/** Regions the system has roadmaps of: a meeting belongs to one of them. */
function useRegions(): { id: string; name: string }[] {
  const { data = [] } = useGetList('roadmaps', { pagination: { page: 1, perPage: 200 } });
  return useMemo(
    () =>
      [...new Set(data.map((r) => String(r.region)))].map((region) => ({
        id: region,
        name: region,
      })),
    [data],
  );
}

/** Attendees are typed one per line; the graph takes them as a list. */
const lines = {
  format: (value: unknown) => (Array.isArray(value) ? value.join('\n') : ''),
  parse: (value: string) => value.split('\n'),
};

function meetingInput(data: Record<string, unknown>) {
  const attendees = (Array.isArray(data.attendees) ? data.attendees : [])
    .map((a) => String(a).trim())
    .filter(Boolean);
  return { ...data, attendees };
}

export function CouncilMeetingCreate() {
  const regions = useRegions();
  if (regions.length === 0) return null;
  return (
    <Create transform={meetingInput} redirect="show">
      <SimpleForm defaultValues={{ region: regions[0]?.id, attendees: [] }}>
        <SelectInput source="region" choices={regions} validate={required()} />
        <DateInput source="heldOn" validate={required()} />
        <TextInput source="agenda" validate={required()} multiline minRows={3} fullWidth />
        <TextInput
          source="attendees"
          multiline
          minRows={3}
          fullWidth
          helperText="app.council_admin.attendees_help"
          {...lines}
        />
        <TextInput source="protocolNumber" />
        <TextInput source="protocol" multiline minRows={4} fullWidth />
      </SimpleForm>
    </Create>
  );
}

function DecisionRows({ decisions }: { decisions: Decision[] }) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { permissions } = usePermissions<string[]>();
  const write = can.councilMeetings(permissions ?? []);
  if (decisions.length === 0) return <p>{translate('app.empty')}</p>;
  return (
    <Box component="ol" sx={{ pl: 0, listStyle: 'none', display: 'grid', gap: 2 }}>
      {decisions.map((d) => (
        <Box
          component="li"
          key={d.id}
          data-testid="decision"
          sx={{ border: 1, borderColor: d.overdue ? 'error.main' : 'divider', borderRadius: 1, p: 2 }}
        >
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {d.number ? `${d.number}. ` : ''}
            {d.text}
          </Typography>
          <Box
            component="dl"
            sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, my: 1 }}
          >
            <dt>{translate('resources.councilDecisions.fields.assignee')}</dt>
            <dd style={{ margin: 0 }}>{d.assignee?.name ?? '—'}</dd>
            <dt>{translate('resources.councilDecisions.fields.dueDate')}</dt>
            <dd style={{ margin: 0 }}>
              {formatDate(d.dueDate, locale)}
              {d.overdue && (
                <Chip size="small" color="error" sx={{ ml: 1 }} label={translate('app.overdue')} />
              )}
            </dd>
            <dt>{translate('resources.councilDecisions.fields.status')}</dt>
            <dd style={{ margin: 0 }} data-testid="decision-status">
              {translate(`enums.DecisionStatus.${d.status}`)}
              {d.doneOn && ` ${formatDate(d.doneOn, locale)}`}
              {d.doneLate && (
                <Chip
                  size="small"
                  color="error"
                  variant="outlined"
                  sx={{ ml: 1 }}
                  label={translate('app.agency_work.late_by', { smart_count: d.daysLate })}
                />
              )}
              {d.doneNote && ` — ${d.doneNote}`}
            </dd>
            {d.peopleCount != null && (
              <>
                <dt>{translate('resources.councilDecisions.fields.peopleCount')}</dt>
                <dd style={{ margin: 0 }}>{d.peopleCount}</dd>
              </>
            )}
            {d.peopleNamed > 0 && (
              <>
                <dt>{translate('resources.councilDecisions.fields.people')}</dt>
                <dd style={{ margin: 0 }} data-testid="decision-people">
                  {d.people
                    ? d.people.map((p) => `${p.fullName} (СНИЛС ${formatSnils(p.snils)})`).join('; ')
                    : translate('app.council_pickers.people_named', { smart_count: d.peopleNamed })}
                </dd>
              </>
            )}
            {d.items.length > 0 && (
              <>
                <dt>{translate('resources.councilDecisions.fields.itemIds')}</dt>
                <dd style={{ margin: 0 }}>{d.items.map((i) => `${i.reference} ${i.measure}`).join('; ')}</dd>
              </>
            )}
          </Box>
          {write && <DecisionActions decision={d} />}
        </Box>
      ))}
    </Box>
  );
}

function MeetingDetails() {
  const record = useRecordContext<Meeting>();
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { permissions } = usePermissions<string[]>();
  if (!record) return null;
  return (
    <CardContent>
      <Typography component="h2" variant="h5">
        {translate('app.council_admin.meeting_title', { date: formatDate(record.heldOn, locale) })}
        {record.protocolNumber &&
          ` · ${translate('app.council_admin.protocol_no', { no: record.protocolNumber })}`}
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, my: 2 }}>
        <dt>{translate('resources.councilMeetings.fields.agenda')}</dt>
        <dd style={{ margin: 0, whiteSpace: 'pre-line' }}>{record.agenda}</dd>
        <dt>{translate('resources.councilMeetings.fields.attendees')}</dt>
        <dd style={{ margin: 0 }}>{record.attendees.length ? record.attendees.join(', ') : '—'}</dd>
        {record.protocol && (
          <>
            <dt>{translate('resources.councilMeetings.fields.protocol')}</dt>
            <dd style={{ margin: 0, whiteSpace: 'pre-line' }}>{record.protocol}</dd>
          </>
        )}
      </Box>
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        {can.councilMeetings(permissions ?? []) && (
          <Button
            component={Link}
            to={{
              pathname: '/councilDecisions/create',
              search: `?source=${encodeURIComponent(JSON.stringify({ meetingId: record.id }))}`,
            }}
            variant="contained"
            size="small"
            startIcon={<AddIcon />}
          >
            {translate('app.council_admin.add_decision')}
          </Button>
        )}
      </Stack>
      <ReportDownloads meetingId={record.id} reports={['brief']} />
      <Typography component="h2" variant="h6">
        {translate('resources.councilMeetings.fields.decisions')}
      </Typography>
      <DecisionRows decisions={record.decisions} />
    </CardContent>
  );
}

function MeetingTitle() {
  const record = useRecordContext<Meeting>();
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  if (!record) return null;
  return (
    <span>{translate('app.council_admin.meeting_title', { date: formatDate(record.heldOn, locale) })}</span>
  );
}

export function CouncilMeetingShow() {
  return (
    <Show actions={false} title={<MeetingTitle />} queryOptions={CARD}>
      <MeetingDetails />
    </Show>
  );
}

/**
 * The decision's fields, for the meeting the form was opened from (its card passes `meetingId`):
 * the assignee and the measures are those of the meeting's region.
 */
function DecisionFields({ meetingId }: { meetingId: string | undefined }) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { data: meetings = [] } = useGetList('councilMeetings', { pagination: { page: 1, perPage: 200 } });
  const meeting = meetings.find((m) => m.id === meetingId);
  const region = meeting ? String(meeting.region) : undefined;
  const { choices: agencies } = useAgencies(region);
  const { permissions } = usePermissions<string[]>();
  // The pickers offer the meeting's region only: wait for the meeting before offering any.
  if (!meeting) return null;
  return (
    <>
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {translate('app.council_admin.meeting_title', { date: formatDate(String(meeting.heldOn), locale) })}
      </Typography>
      <TextInput source="number" />
      <TextInput source="text" validate={required()} multiline minRows={3} fullWidth />
      <AutocompleteInput
        source="assigneeAgencyId"
        choices={agencies}
        validate={required()}
        matchSuggestion={matchName}
        fullWidth
      />
      <DateInput source="dueDate" validate={required()} />
      {region && <RoadmapItemPicker region={region} />}
      {/* Naming people needs their names: the secretariat's roles, never a Council member's. */}
      {granted(permissions ?? [], 'CASE') && <PeoplePicker />}
      <NumberInput source="peopleCount" min={1} />
      <EnumInput source="peopleIndicator" enumName="PeopleIndicator" values={ENUMS.PeopleIndicator} />
    </>
  );
}

/** The meeting the form was opened for, from the link on its card (`?source={"meetingId":…}`). */
function useMeetingIdOfLink(): string | undefined {
  const { search } = useLocation();
  try {
    return (JSON.parse(new URLSearchParams(search).get('source') ?? '{}') as { meetingId?: string })
      .meetingId;
  } catch {
    return undefined;
  }
}

export function CouncilDecisionCreate() {
  const meetingId = useMeetingIdOfLink();
  return (
    <Create
      redirect={(_r?: string, _id?: unknown, data?: Record<string, unknown>) =>
        `councilMeetings/${String(data?.meetingId ?? '')}/show`
      }
    >
      <SimpleForm defaultValues={{ meetingId }}>
        <DecisionFields meetingId={meetingId} />
      </SimpleForm>
    </Create>
  );
}

/** Every decision of the Council, the late ones first to the eye; rows open their meeting. */
export function CouncilDecisionList() {
  const translate = useTranslate();
  return (
    <List
      exporter={false}
      actions={
        <TopToolbar>
          <ExportButtons />
        </TopToolbar>
      }
      filters={[
        <EnumInput
          key="s"
          source="status"
          enumName="DecisionStatus"
          values={ENUMS.DecisionStatus}
          alwaysOn
        />,
        <SelectInput
          key="o"
          source="overdue"
          choices={[{ id: 'true', name: translate('app.council_admin.only_overdue') }]}
          parse={(v: string) => (v === 'true' ? true : undefined)}
          format={(v: unknown) => (v === true ? 'true' : '')}
          alwaysOn
        />,
      ]}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => `/councilMeetings/${String(record.meetingId)}/show`}
        rowSx={(record) => (record.overdue ? { backgroundColor: '#fdecea' } : {})}
      >
        <TextField source="reference" label="resources.councilDecisions.fields.number" sortable={false} />
        <TextField source="text" sortable={false} />
        <TextField
          source="assignee.name"
          label="resources.councilDecisions.fields.assignee"
          sortable={false}
        />
        <DateText source="dueDate" label="resources.councilDecisions.fields.dueDate" />
        <EnumText
          source="status"
          enumName="DecisionStatus"
          label="resources.councilDecisions.fields.status"
        />
        <FunctionField
          label="resources.councilDecisions.fields.overdue"
          render={(r: Decision) => (r.overdue ? translate('app.overdue') : '—')}
        />
      </Datagrid>
    </List>
  );
}
