import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  BooleanInput,
  CheckboxGroupInput,
  Create,
  DateInput,
  required,
  SimpleForm,
  TextInput,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { ENUMS, EnumInput, enumChoices } from '../resources/common';
import { PersonInput } from './PersonInput';

/** Back to the person's card, on the ministry's tab. */
const backTo =
  (tab: string) =>
  (_resource?: string, _id?: unknown, data?: Record<string, unknown>): string =>
    `recipients/${String(data?.recipientId ?? '')}/show/${tab}`;

/**
 * The person (and the record acted on) are shown read-only, not disabled: a disabled input's value
 * is left out of the submitted data, so a second submit after a server error would lose them.
 */
function MinistryForm({
  tab,
  children,
  transform,
  about,
}: {
  tab: string;
  children: ReactNode;
  transform?: (data: Record<string, unknown>) => Record<string, unknown>;
  about?: string;
}) {
  const translate = useTranslate();
  const resource = useResourceContext() ?? '';
  // What is recorded, not "Создать …": the form records a fact (an episode, an end of studies).
  const title = translate(`resources.${resource}.name`, { smart_count: 1 });
  return (
    <Create redirect={backTo(tab)} title={title} {...(transform ? { transform } : {})}>
      <SimpleForm>
        {/* The app bar carries the page's one h1 (layout/Layout.tsx); this repeats it over the form. */}
        <Typography component="h2" variant="h6">
          {title}
        </Typography>
        {about ? <TextInput source={about} readOnly helperText={false} fullWidth /> : <PersonInput />}
        {children}
      </SimpleForm>
    </Create>
  );
}

/** An empty optional date is sent as nothing, not as "". */
const withoutEmpty = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([, v]) => v !== '' && v !== null && v !== undefined));

export const RehabilitationEpisodeCreate = () => (
  <MinistryForm tab="health" transform={withoutEmpty}>
    <EnumInput
      source="setting"
      enumName="RehabilitationSetting"
      values={ENUMS.RehabilitationSetting}
      validate={required()}
    />
    <TextInput source="organisation" validate={required()} fullWidth />
    <TextInput source="condition" helperText="resources.rehabilitationEpisodes.hints.condition" />
    <DateInput source="startDate" validate={required()} />
    <DateInput source="endDate" />
  </MinistryForm>
);

export const MobileTeamVisitCreate = () => (
  <MinistryForm tab="health">
    <DateInput source="visitedOn" validate={required()} />
    <TextInput source="team" validate={required()} fullWidth />
    <TextInput source="help" validate={required()} multiline fullWidth minRows={2} />
  </MinistryForm>
);

/** Finishing an enrolment: completed, or interrupted when unticked. */
export const EnrolmentEndCreate = () => (
  <MinistryForm
    tab="education"
    about="programmeName"
    transform={(data) => ({ ...data, completed: Boolean(data.completed) })}
  >
    <DateInput source="endDate" validate={required()} />
    <BooleanInput source="completed" helperText="resources.enrolmentEnds.hints.completed" />
  </MinistryForm>
);

export const PlacementEndCreate = () => (
  <MinistryForm tab="employment" about="placementName">
    <DateInput source="endDate" validate={required()} />
  </MinistryForm>
);

export const EmploymentSupportCreate = () => (
  <MinistryForm tab="employment" transform={withoutEmpty}>
    <EnumInput
      source="kind"
      enumName="EmploymentSupportKind"
      values={ENUMS.EmploymentSupportKind}
      validate={required()}
    />
    <TextInput source="programme" fullWidth />
    <DateInput source="startDate" validate={required()} />
    <DateInput source="endDate" />
  </MinistryForm>
);

/** The ИПРА's work kinds: ticked as recommended or as forbidden (a kind in both is refused by the server). */
export function IpraWorkKindsCreate() {
  const translate = useTranslate();
  const choices = enumChoices(translate, 'WorkKind', ENUMS.WorkKind);
  return (
    <MinistryForm
      tab="employment"
      transform={(data) => ({
        ...data,
        recommended: (data.recommended as string[] | undefined) ?? [],
        forbidden: (data.forbidden as string[] | undefined) ?? [],
      })}
    >
      <TextInput source="ipraNumber" validate={required()} />
      <DateInput source="ipraIssuedOn" validate={required()} />
      <CheckboxGroupInput source="recommended" choices={choices} />
      <CheckboxGroupInput source="forbidden" choices={choices} />
    </MinistryForm>
  );
}
