import english from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { ru } from './ru';

/** `GROUP_1` → `Group 1`: enum values read well enough in English as they are. */
function humanize(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const enums = Object.fromEntries(
  Object.entries(ru.enums as Record<string, Record<string, string>>).map(([name, values]) => [
    name,
    Object.fromEntries(Object.keys(values).map((key) => [key, humanize(key)])),
  ]),
);

/** English for partner agencies' staff; field labels not listed fall back to humanized names. */
export const en: TranslationMessages = mergeTranslations(english, {
  app: {
    title: 'Supported living',
    language: 'Language',
    council: 'Council',
    meeting_mode: 'Meeting mode',
    leave_meeting_mode: 'Leave meeting mode',
    refreshed: 'Updated %{time}; refreshes every minute',
    tiles: {
      obligations: 'Roadmap measures',
      done: 'Done',
      late: 'Late',
      late_decisions: 'Late decisions on applications',
      overdue_council: 'Overdue Council decisions',
      people: 'Recipients',
    },
    charts: { execution: 'Roadmap execution by agency', by_status: 'Measures by status' },
    late_items: 'Late measures',
    late_decisions: 'Late decisions',
    tabs: {
      person: 'Person',
      social: 'Social case',
      health: 'Health',
      education: 'Education',
      employment: 'Employment',
    },
    sections: {
      applications: 'Applications',
      assessments: 'Assessments',
      stages: 'Stages',
      housing: 'Housing',
      services: 'Service plans',
      requests: 'Interagency requests',
      medical: 'Medical conclusions',
      enrolments: 'Enrolments',
      placements: 'Placements',
      occupants: 'Occupants',
      decisions: 'Decisions',
    },
    empty: 'No records',
    days_late: '%{smart_count} day late |||| %{smart_count} days late',
    on_time: 'on time',
    skip_to_content: 'Skip to content',
  },
  enums,
  resources: {
    recipients: {
      name: 'Recipient |||| Recipients',
      fields: { snils: 'SNILS', name: 'Name', degree: 'Autonomy degree' },
    },
    deadlines: { name: 'Deadline |||| Deadlines' },
    providers: { name: 'Provider |||| Providers' },
    housingUnits: { name: 'Housing unit |||| Housing' },
    staffMembers: { name: 'Staff member |||| Staff' },
    roadmaps: { name: 'Roadmap |||| Roadmaps' },
    obligations: { name: 'Measure |||| Roadmap measures' },
    councilMeetings: { name: 'Council meeting |||| Council meetings' },
    councilDecisions: { name: 'Council decision |||| Council decisions' },
    auditEvents: { name: 'Audit event |||| Audit log' },
    accounts: { name: 'User |||| Users' },
    apiClients: { name: 'API client |||| API clients' },
  },
});
