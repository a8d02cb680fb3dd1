import { TabbedShowLayout, type TabProps, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { granted } from '../auth/authProvider';
import { formatDate } from '../resources/common';
import { RecordLink } from '../resources/records';
import { RecordsTable, TabContent, TabError, usePerson, usePersonQuery } from './tabKit';

const EDUCATION = `query EducationTab($id: ID!) { recipient(id: $id) {
  enrolments { id level organisation programme form startDate endDate status }
  pmpkRecommendations { id issuedOn commission programme conditions }
  guidanceSessions { id heldOn organisation suggestedProfessions } } }`;

interface Education {
  recipient: {
    enrolments: {
      id: string;
      level: string;
      organisation: string;
      programme: string;
      form: string;
      startDate: string;
      endDate: string | null;
      status: string;
    }[];
    pmpkRecommendations: { id: string; issuedOn: string; commission: string; programme: string }[];
    guidanceSessions: { id: string; heldOn: string; organisation: string; suggestedProfessions: string[] }[];
  } | null;
}

/** The education ministry's part of the card: enrolments (and their end), ПМПК, vocational guidance. */
export function EducationTab(props: Omit<TabProps, 'children'>) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { permissions = [] } = usePermissions<string[]>();
  const { id, name } = usePerson();
  const { data, error } = usePersonQuery<Education>(EDUCATION, id);
  const write = granted(permissions, 'EDUCATION_WRITE');
  const date = (value: string | null) => (value ? formatDate(value, locale) : '—');
  const enumText = (e: string, v: string) => translate(`enums.${e}.${v}`, { _: v });
  const person = { recipientId: id, recipientName: name };
  return (
    <TabbedShowLayout.Tab {...props}>
      <TabContent label={false} testId="education-tab">
        <TabError error={error} />
        <RecordsTable
          title="app.sections.enrolments"
          rows={data?.recipient?.enrolments}
          columns={[
            { label: 'app.f.level', render: (r) => enumText('EducationLevel', r.level) },
            { label: 'app.f.organisation', render: (r) => r.organisation },
            { label: 'app.f.programme', render: (r) => r.programme },
            { label: 'app.f.form', render: (r) => enumText('StudyForm', r.form) },
            { label: 'app.f.startDate', render: (r) => date(r.startDate) },
            { label: 'app.f.endDate', render: (r) => date(r.endDate) },
            { label: 'app.f.status', render: (r) => enumText('EnrolmentStatus', r.status) },
            ...(write
              ? [
                  {
                    label: 'queue.action',
                    render: (r: { id: string; status: string; programme: string }) =>
                      r.status === 'ACTIVE' && (
                        <RecordLink
                          resource="enrolmentEnds"
                          label="ministries.finish_enrolment"
                          values={{
                            enrolmentId: r.id,
                            recipientId: id,
                            programmeName: `${name}: ${r.programme}`,
                          }}
                        />
                      ),
                  },
                ]
              : []),
          ]}
        />
        {write && <RecordLink resource="enrolments" label="app.actions.enrol" values={person} />}
        <RecordsTable
          title="app.sections.pmpk"
          rows={data?.recipient?.pmpkRecommendations}
          columns={[
            { label: 'app.f.issuedOn', render: (r) => date(r.issuedOn) },
            { label: 'app.f.commission', render: (r) => r.commission },
            { label: 'app.f.programme', render: (r) => r.programme },
          ]}
        />
        {write && (
          <RecordLink resource="pmpkRecommendations" label="app.actions.record_pmpk" values={person} />
        )}
        <RecordsTable
          title="app.sections.guidance"
          rows={data?.recipient?.guidanceSessions}
          columns={[
            { label: 'app.f.date', render: (r) => date(r.heldOn) },
            { label: 'app.f.organisation', render: (r) => r.organisation },
            { label: 'app.f.professions', render: (r) => r.suggestedProfessions.join(', ') },
          ]}
        />
        {write && (
          <RecordLink resource="guidanceSessions" label="app.actions.record_guidance" values={person} />
        )}
      </TabContent>
    </TabbedShowLayout.Tab>
  );
}
