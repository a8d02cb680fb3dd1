import { Typography } from '@mui/material';
import { TabbedShowLayout, type TabProps, useLocaleState, useTranslate } from 'react-admin';
import { RecordsTable, TabContent, TabError, usePerson, usePersonQuery } from '../ministries/tabKit';
import { formatDate, formatNumber } from '../resources/common';

const TIMELINE = `query Timeline($id: ID!) { recipient(id: $id) {
  timeline { on kind code text by write { author { displayName } } } } }`;

interface CaseEvent {
  on: string;
  kind: string;
  code: string | null;
  text: string | null;
  by: string | null;
  /** Who recorded it: the user whose write the audit log holds (none for partner systems, loaded data). */
  write: { author: { displayName: string } | null } | null;
}

/** Which enum an event's `code` (and, for some, its `text`) is a value of. */
const CODE_ENUM: Record<string, string> = {
  APPLICATION_SUBMITTED: 'AppliedBy',
  APPLICATION_DECIDED: 'Decision',
  REQUEST_SENT: 'InteragencySubject',
  REQUEST_ANSWERED: 'InteragencySubject',
  ASSESSMENT: 'AutonomyDegree',
  ASSESSMENT_ANNULLED: 'AutonomyDegree',
  DECISION_ANNULLED: 'Decision',
  TERMINATION_ANNULLED: 'TerminationReason',
  STAGE_STARTED: 'StageKind',
  STAGE_ENDED: 'StageKind',
  READINESS_REVIEW: 'ReadinessOutcome',
  TEAM_MEMBER: 'StaffRole',
  CONSENT: 'ConsentAction',
  TERMINATION: 'TerminationReason',
  DECISION_NOTIFIED: 'NoticeMethod',
  DOCUMENT_UPLOADED: 'CaseDocumentKind',
};
const TEXT_ENUM: Record<string, string> = { APPLICATION_DECIDED: 'RefusalGround' };

/** The case's history as its records tell it, newest first: what, when, by whom. */
export function TimelineTab(props: Omit<TabProps, 'children'>) {
  const translate = useTranslate();
  const [locale = 'ru'] = useLocaleState();
  const { id } = usePerson();
  const { data, error } = usePersonQuery<{ recipient: { timeline: CaseEvent[] } | null }>(TIMELINE, id);
  const enumText = (name: string | undefined, value: string | null) =>
    name && value ? translate(`enums.${name}.${value}`, { _: value }) : value;
  const number = (value: string) => formatNumber(Number(value), locale, { maximumFractionDigits: 2 });
  const detail = (e: CaseEvent): string => {
    if (!e.text) return '';
    if (TEXT_ENUM[e.kind]) return enumText(TEXT_ENUM[e.kind], e.text) ?? '';
    if (e.kind === 'CONSENT') {
      // The kind, and for sharing the ministry it names: "SHARING HEALTH".
      const [kind, ministry] = e.text.split(' ');
      return [enumText('ConsentKind', kind ?? null), enumText('Ministry', ministry ?? null)]
        .filter(Boolean)
        .join(': ');
    }
    if (e.kind === 'ASSESSMENT') return translate('timeline.score', { score: e.text });
    if (e.kind === 'READINESS_REVIEW') return translate('timeline.review', { n: e.text });
    if (e.kind === 'SERVICE_PLAN') return translate('timeline.hours_week', { hours: number(e.text) });
    if (e.kind === 'VISIT') return translate('timeline.hours', { hours: number(e.text) });
    return e.text;
  };
  const rows = data?.recipient?.timeline.map((e, index) => ({ ...e, id: String(index) }));
  return (
    <TabbedShowLayout.Tab {...props}>
      <TabContent label={false} testId="timeline-tab">
        <Typography variant="body2">{translate('timeline.caption')}</Typography>
        <TabError error={error} />
        <RecordsTable
          title="timeline.title"
          rows={rows}
          columns={[
            { label: 'timeline.on', render: (e) => formatDate(e.on, locale) },
            {
              label: 'timeline.what',
              render: (e) =>
                [
                  translate(`enums.CaseEventKind.${e.kind}`, { _: e.kind }),
                  enumText(CODE_ENUM[e.kind], e.code),
                ]
                  .filter(Boolean)
                  .join(': '),
            },
            { label: 'timeline.detail', render: detail },
            { label: 'timeline.by', render: (e) => e.by ?? '—' },
            { label: 'timeline.author', render: (e) => e.write?.author?.displayName ?? '—' },
          ]}
        />
      </TabContent>
    </TabbedShowLayout.Tab>
  );
}
