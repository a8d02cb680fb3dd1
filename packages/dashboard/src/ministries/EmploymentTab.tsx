import { Button } from '@mui/material';
import { TabbedShowLayout, type TabProps, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { granted } from '../auth/authProvider';
import { formatDate } from '../resources/common';
import { RecordLink } from '../resources/records';
import { RecordsTable, TabContent, TabError, usePerson, usePersonQuery } from './tabKit';

const EMPLOYMENT = `query EmploymentTab($id: ID!) { recipient(id: $id) {
  workRecommendations { id workKind verdict ipraNumber ipraIssuedOn }
  placements { id employer { id name } position workKind startDate endDate supported quota }
  employmentSupports { id kind programme startDate endDate } } }`;

interface Employment {
  recipient: {
    workRecommendations: {
      id: string;
      workKind: string;
      verdict: string;
      ipraNumber: string;
      ipraIssuedOn: string;
    }[];
    placements: {
      id: string;
      employer: { id: string; name: string } | null;
      position: string;
      workKind: string | null;
      startDate: string;
      endDate: string | null;
      supported: boolean;
    }[];
    employmentSupports: {
      id: string;
      kind: string;
      programme: string | null;
      startDate: string;
      endDate: string | null;
    }[];
  } | null;
}

/** The employment agency's part of the card: ИПРА work kinds, placements (and their end), support. */
export function EmploymentTab(props: Omit<TabProps, 'children'>) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { permissions = [] } = usePermissions<string[]>();
  const { id, name } = usePerson();
  const { data, error } = usePersonQuery<Employment>(EMPLOYMENT, id);
  const write = granted(permissions, 'EMPLOYMENT_WRITE');
  const date = (value: string | null) => (value ? formatDate(value, locale) : '—');
  const enumText = (e: string, v: string | null) => (v ? translate(`enums.${e}.${v}`, { _: v }) : '—');
  const person = { recipientId: id, recipientName: name };
  return (
    <TabbedShowLayout.Tab {...props}>
      <TabContent label={false} testId="employment-tab">
        <TabError error={error} />
        <RecordsTable
          title="app.sections.work_kinds"
          rows={data?.recipient?.workRecommendations}
          columns={[
            { label: 'app.f.workKind', render: (r) => enumText('WorkKind', r.workKind) },
            { label: 'app.f.verdict', render: (r) => enumText('WorkVerdict', r.verdict) },
            { label: 'app.f.ipraNumber', render: (r) => r.ipraNumber },
            { label: 'app.f.issuedOn', render: (r) => date(r.ipraIssuedOn) },
          ]}
        />
        {write && (
          <RecordLink resource="ipraWorkKinds" label="ministries.record_work_kinds" values={person} />
        )}
        <RecordsTable
          title="app.sections.placements"
          rows={data?.recipient?.placements}
          columns={[
            { label: 'app.f.employer', render: (r) => r.employer?.name ?? '—' },
            { label: 'app.f.position', render: (r) => r.position },
            { label: 'app.f.workKind', render: (r) => enumText('WorkKind', r.workKind) },
            { label: 'app.f.startDate', render: (r) => date(r.startDate) },
            { label: 'app.f.endDate', render: (r) => date(r.endDate) },
            {
              label: 'app.f.supported',
              render: (r) => translate(r.supported ? 'provider.yes' : 'provider.no'),
            },
            ...(write
              ? [
                  {
                    label: 'queue.action',
                    render: (r: { id: string; endDate: string | null; position: string }) =>
                      !r.endDate && (
                        <RecordLink
                          resource="placementEnds"
                          label="ministries.end_placement"
                          values={{
                            placementId: r.id,
                            recipientId: id,
                            placementName: `${name}: ${r.position}`,
                          }}
                        />
                      ),
                  },
                ]
              : []),
          ]}
        />
        {write && <RecordLink resource="placements" label="app.actions.place" values={person} />}
        {write && (
          <>
            {' '}
            <Button component={Link} to="/employers/create" size="small" sx={{ my: 1 }}>
              {translate('ra.action.create')}: {translate('resources.employers.name', { smart_count: 1 })}
            </Button>
            <Button component={Link} to="/vacancies/create" size="small" sx={{ my: 1 }}>
              {translate('ra.action.create')}: {translate('resources.vacancies.name', { smart_count: 1 })}
            </Button>
          </>
        )}
        <RecordsTable
          title="ministries.sections.supports"
          rows={data?.recipient?.employmentSupports}
          columns={[
            {
              label: 'resources.employmentSupports.fields.kind',
              render: (r) => enumText('EmploymentSupportKind', r.kind),
            },
            { label: 'resources.employmentSupports.fields.programme', render: (r) => r.programme ?? '—' },
            { label: 'app.f.startDate', render: (r) => date(r.startDate) },
            { label: 'app.f.endDate', render: (r) => date(r.endDate) },
          ]}
        />
        {write && (
          <RecordLink resource="employmentSupports" label="ministries.record_support" values={person} />
        )}
      </TabContent>
    </TabbedShowLayout.Tab>
  );
}
