import { TabbedShowLayout, type TabProps, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { granted } from '../auth/authProvider';
import { formatDate } from '../resources/common';
import { RecordLink } from '../resources/records';
import { RecordsTable, TabContent, TabError, usePerson, usePersonQuery } from './tabKit';

const HEALTH = `query HealthTab($id: ID!) { recipient(id: $id) {
  medicalConclusions { id issuedOn organisation contraindicationsPresent validUntil }
  rehabilitationEpisodes { id setting organisation condition startDate endDate }
  mobileTeamVisits { id visitedOn team help } } }`;
const REQUESTS = `query HealthRequests { interagencyQueue(subject: MEDICAL_CONCLUSION, first: 200) {
  edges { node { id recipientId agency sentOn dueOn overdue } } } }`;

interface Health {
  recipient: {
    medicalConclusions: {
      id: string;
      issuedOn: string;
      organisation: string;
      contraindicationsPresent: boolean;
      validUntil: string | null;
    }[];
    rehabilitationEpisodes: {
      id: string;
      setting: string;
      organisation: string;
      condition: string | null;
      startDate: string;
      endDate: string | null;
    }[];
    mobileTeamVisits: { id: string; visitedOn: string; team: string; help: string }[];
  } | null;
}
interface Requests {
  interagencyQueue: {
    edges: { node: { id: string; recipientId: string; agency: string; sentOn: string; dueOn: string } }[];
  };
}

/** Requests about this person waiting for health: answered from here with a conclusion. */
function HealthRequests({ recipientId, name }: { recipientId: string; name: string }) {
  const [locale = 'ru'] = useLocaleState();
  const translate = useTranslate();
  const { data, error } = usePersonQuery<Requests>(REQUESTS, recipientId);
  const rows = data?.interagencyQueue.edges.map((e) => e.node).filter((r) => r.recipientId === recipientId);
  return (
    <>
      <TabError error={error} />
      <RecordsTable
        title="ministries.sections.requests"
        rows={rows}
        columns={[
          { label: 'app.f.agency', render: (r) => r.agency },
          { label: 'app.f.sentOn', render: (r) => formatDate(r.sentOn, locale) },
          { label: 'app.f.dueOn', render: (r) => formatDate(r.dueOn, locale) },
          {
            label: 'app.f.answer',
            render: (r) => (
              <RecordLink
                resource="interagencyAnswers"
                label="ministries.answer_request"
                values={{
                  requestId: r.id,
                  recipientId,
                  recipientName: name,
                  requestName: `${translate('enums.InteragencySubject.MEDICAL_CONCLUSION')}, ${formatDate(r.sentOn, locale)}, ${r.agency}`,
                }}
              />
            ),
          },
        ]}
      />
    </>
  );
}

/** The health ministry's part of the card: conclusions, rehabilitation, mobile teams, requests. */
export function HealthTab(props: Omit<TabProps, 'children'>) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { permissions = [] } = usePermissions<string[]>();
  const { id, name } = usePerson();
  const { data, error } = usePersonQuery<Health>(HEALTH, id);
  const write = granted(permissions, 'HEALTH_WRITE');
  const date = (value: string | null) => (value ? formatDate(value, locale) : '—');
  const person = { recipientId: id, recipientName: name };
  return (
    <TabbedShowLayout.Tab {...props}>
      <TabContent label={false} testId="health-tab">
        <TabError error={error} />
        <RecordsTable
          title="app.sections.medical"
          rows={data?.recipient?.medicalConclusions}
          columns={[
            { label: 'app.f.issuedOn', render: (r) => date(r.issuedOn) },
            { label: 'app.f.organisation', render: (r) => r.organisation },
            {
              label: 'app.f.contraindications',
              render: (r) => translate(r.contraindicationsPresent ? 'provider.yes' : 'provider.no'),
            },
            { label: 'app.f.validUntil', render: (r) => date(r.validUntil) },
          ]}
        />
        {write && (
          <RecordLink resource="medicalConclusions" label="app.actions.record_conclusion" values={person} />
        )}
        <RecordsTable
          title="ministries.sections.episodes"
          rows={data?.recipient?.rehabilitationEpisodes}
          columns={[
            {
              label: 'resources.rehabilitationEpisodes.fields.setting',
              render: (r) => translate(`enums.RehabilitationSetting.${r.setting}`, { _: r.setting }),
            },
            { label: 'app.f.organisation', render: (r) => r.organisation },
            { label: 'resources.rehabilitationEpisodes.fields.condition', render: (r) => r.condition ?? '—' },
            { label: 'app.f.startDate', render: (r) => date(r.startDate) },
            { label: 'app.f.endDate', render: (r) => date(r.endDate) },
          ]}
        />
        {write && (
          <RecordLink resource="rehabilitationEpisodes" label="ministries.record_episode" values={person} />
        )}
        <RecordsTable
          title="ministries.sections.mobile"
          rows={data?.recipient?.mobileTeamVisits}
          columns={[
            { label: 'resources.mobileTeamVisits.fields.visitedOn', render: (r) => date(r.visitedOn) },
            { label: 'resources.mobileTeamVisits.fields.team', render: (r) => r.team },
            { label: 'resources.mobileTeamVisits.fields.help', render: (r) => r.help },
          ]}
        />
        {write && (
          <RecordLink resource="mobileTeamVisits" label="ministries.record_mobile_visit" values={person} />
        )}
        {write && id && <HealthRequests recipientId={id} name={name} />}
      </TabContent>
    </TabbedShowLayout.Tab>
  );
}
