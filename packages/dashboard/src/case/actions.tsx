import {
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  FormDataConsumer,
  NumberInput,
  required,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { ENUMS, EnumInput, formatDate } from '../resources/common';
import { ActionDialog, type Values } from './ActionDialog';
import type { CaseApplication, CaseRecord, CaseStage } from './caseData';
import { fullName, regionInstant, regionLocal, regionToday } from './format';
import { AgencyPicker, CoordinatorPicker, HousingPicker, ProviderPicker, StaffPicker } from './pickers';
import { answersOf, QuestionnaireInputs } from './questionnaire/QuestionnaireInputs';

/** The translated name of an enum value. */
function useEnum() {
  const translate = useTranslate();
  return (name: string, value: string | null | undefined) =>
    value ? translate(`enums.${name}.${value}`, { _: value }) : '';
}

function useDate() {
  const [locale = 'ru'] = useLocaleState();
  return (value: string | null | undefined, withTime = false) => formatDate(value, locale, withTime);
}

/** The datetime-local field: typed in the region's time, sent as an instant. */
function PlannedAtInput() {
  const translate = useTranslate();
  return (
    <TextInput
      source="plannedAtLocal"
      type="datetime-local"
      label="case.f.plannedAt"
      helperText={translate('case.region_time')}
      validate={required()}
      InputLabelProps={{ shrink: true }}
    />
  );
}

const plannedAt = (values: Values) =>
  regionInstant(String(values.plannedAtLocal ?? '')) ?? values.plannedAtLocal;

// ——— Application ———

export function SubmitApplication({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const enumName = useEnum();
  const date = useDate();
  const today = regionToday();
  return (
    <ActionDialog
      label="case.a.submit_application"
      variant="contained"
      fieldOf={{ consentToAssessmentOn: 'consentAssessment', consentToDataProcessingOn: 'consentData' }}
      document={`mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { id decisionDueOn missingDocuments } }`}
      defaults={{
        submittedOn: today,
        appliedBy: record.representative ? undefined : 'PERSON',
        documents: [],
      }}
      intro={translate('case.intro.submit_application')}
      variables={({ documents, consentAssessment, consentData, ...v }) => ({
        input: {
          recipientId: record.id,
          submittedOn: v.submittedOn,
          appliedBy: v.appliedBy,
          documents: ((documents as string[]) ?? []).map((kind) => ({ kind, receivedOn: v.submittedOn })),
          consentToAssessmentOn: consentAssessment ? v.submittedOn : null,
          consentToDataProcessingOn: consentData ? v.submittedOn : null,
        },
      })}
      done={(_, a) =>
        translate('case.done.submit_application', {
          due: date(a.decisionDueOn as string),
          missing: describeMissing(a.missingDocuments as string[], enumName, translate),
        })
      }
    >
      <DateInput source="submittedOn" label="case.f.submittedOn" validate={required()} />
      <EnumInput
        source="appliedBy"
        label="case.f.appliedBy"
        enumName="AppliedBy"
        values={ENUMS.AppliedBy}
        validate={required()}
      />
      <DocumentChecklist />
      <BooleanInput source="consentAssessment" label="case.f.consent_assessment" />
      <BooleanInput source="consentData" label="case.f.consent_data" />
    </ActionDialog>
  );
}

function DocumentChecklist() {
  const translate = useTranslate();
  return (
    <CheckboxGroupInput
      source="documents"
      label="case.f.documents"
      row={false}
      choices={ENUMS.ApplicationDocumentKind.map((id) => ({
        id,
        name: translate(`enums.ApplicationDocumentKind.${id}`),
      }))}
    />
  );
}

function describeMissing(
  missing: string[] | undefined,
  enumName: ReturnType<typeof useEnum>,
  translate: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (!missing || missing.length === 0) return translate('case.nothing_missing');
  return translate('case.missing', {
    list: missing
      .map((m) => translate(`case.missing_kind.${m}`, { _: enumName('ApplicationDocumentKind', m) }))
      .join('; '),
  });
}

export function RecordApplicationDocuments({ application }: { application: CaseApplication }) {
  const translate = useTranslate();
  const enumName = useEnum();
  return (
    <ActionDialog
      label="case.a.record_documents"
      document={`mutation ($input: RecordApplicationDocumentsInput!) { recordApplicationDocuments(input: $input) { id missingDocuments } }`}
      defaults={{ receivedOn: regionToday(), documents: application.documents.map((d) => d.kind) }}
      intro={describeMissing(application.missingDocuments, enumName, translate)}
      variables={({ documents, receivedOn, consentAssessment, consentData }) => {
        const had = new Set(application.documents.map((d) => d.kind));
        return {
          input: {
            applicationId: application.id,
            documents: ((documents as string[]) ?? [])
              .filter((kind) => !had.has(kind))
              .map((kind) => ({ kind, receivedOn })),
            ...(consentAssessment ? { consentToAssessmentOn: receivedOn } : {}),
            ...(consentData ? { consentToDataProcessingOn: receivedOn } : {}),
          },
        };
      }}
      done={(_, a) =>
        translate('case.done.record_documents', {
          missing: describeMissing(a.missingDocuments as string[], enumName, translate),
        })
      }
    >
      <DateInput source="receivedOn" label="case.f.receivedOn" validate={required()} />
      <DocumentChecklist />
      {!application.consentToAssessmentOn && (
        <BooleanInput source="consentAssessment" label="case.f.consent_assessment" />
      )}
      {!application.consentToDataProcessingOn && (
        <BooleanInput source="consentData" label="case.f.consent_data" />
      )}
    </ActionDialog>
  );
}

export function StartApplicationReview({ application }: { application: CaseApplication }) {
  const translate = useTranslate();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.start_review"
      document={`mutation ($id: ID!) { startApplicationReview(applicationId: $id) { id status } }`}
      variables={() => ({ id: application.id })}
      intro={translate('case.intro.start_review', { due: date(application.decisionDueOn) })}
      done={() => translate('case.done.start_review', { due: date(application.decisionDueOn) })}
    />
  );
}

export function SendInteragencyRequest({
  record,
  application,
}: {
  record: CaseRecord;
  application?: CaseApplication;
}) {
  const translate = useTranslate();
  const enumName = useEnum();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.send_request"
      document={`mutation ($input: SendInteragencyRequestInput!) { sendInteragencyRequest(input: $input) { id agency subject dueOn } }`}
      defaults={{ sentOn: regionToday() }}
      variables={(v) => ({
        input: {
          recipientId: record.id,
          applicationId: application?.id ?? null,
          agencyId: v.agencyId,
          subject: v.subject,
          sentOn: v.sentOn,
        },
      })}
      done={(_, a) =>
        translate('case.done.send_request', {
          subject: enumName('InteragencySubject', a.subject as string),
          agency: a.agency,
          due: date(a.dueOn as string),
        })
      }
    >
      <EnumInput
        source="subject"
        label="case.f.subject"
        enumName="InteragencySubject"
        values={ENUMS.InteragencySubject}
        validate={required()}
        fullWidth
      />
      <AgencyPicker />
      <DateInput source="sentOn" label="case.f.sentOn" validate={required()} />
    </ActionDialog>
  );
}

/** The paper answer of an agency outside the graph; ministries in the graph answer on their own screens. */
export function RecordInteragencyAnswer({
  request,
}: {
  request: NonNullable<CaseRecord['interagencyRequests']>[number];
}) {
  const translate = useTranslate();
  const enumName = useEnum();
  return (
    <ActionDialog
      label="case.a.record_answer"
      document={`mutation ($input: RecordInteragencyAnswerInput!) { recordInteragencyAnswer(input: $input) { id answeredOn } }`}
      defaults={{ answeredOn: regionToday() }}
      intro={`${enumName('InteragencySubject', request.subject)} — ${request.agency}`}
      variables={(v) => ({
        input: { requestId: request.id, answeredOn: v.answeredOn, answer: v.answer, document: v.document },
      })}
      done={() => translate('case.done.record_answer', { agency: request.agency })}
    >
      <DateInput source="answeredOn" label="case.f.answeredOn" validate={required()} />
      <TextInput source="answer" label="case.f.answer" validate={required()} multiline fullWidth />
      {/* A paper answer of another agency is kept with its document's details (issue 23). */}
      <TextInput
        source="document"
        label="case.f.answer_document"
        helperText="case.f.answer_document_hint"
        validate={required()}
        fullWidth
      />
    </ActionDialog>
  );
}

export function RecordAssessment({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const enumName = useEnum();
  return (
    <ActionDialog
      label="case.a.record_assessment"
      document={`mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) {
        id score degree recommendedService { name hours { min max per } } } }`}
      defaults={{ assessedOn: regionToday() }}
      intro={translate('case.intro.record_assessment')}
      variables={(v) => ({
        input: {
          recipientId: record.id,
          assessedOn: v.assessedOn,
          assessor: v.assessor,
          answers: answersOf(v),
        },
      })}
      done={(_, a) => {
        const service = a.recommendedService as {
          name: string;
          hours: { min: number; max: number; per: string };
        };
        return translate('case.done.record_assessment', {
          score: a.score,
          degree: enumName('AutonomyDegree', a.degree as string),
          service: service.name,
          min: service.hours.min,
          max: service.hours.max,
          per: enumName('HoursPer', service.hours.per),
        });
      }}
    >
      <DateInput source="assessedOn" label="case.f.assessedOn" validate={required()} />
      <TextInput source="assessor" label="case.f.assessor" validate={required()} fullWidth />
      <QuestionnaireInputs />
    </ActionDialog>
  );
}

export function DecideApplication({
  application,
  refuse = false,
}: {
  application: CaseApplication;
  refuse?: boolean;
}) {
  const translate = useTranslate();
  const enumName = useEnum();
  const date = useDate();
  const problems = [
    ...application.eligibilityProblems.map((p) => p.message),
    ...(application.missingDocuments.length > 0
      ? [describeMissing(application.missingDocuments, enumName, translate)]
      : []),
  ];
  return (
    <ActionDialog
      label={refuse ? 'case.a.refuse' : 'case.a.grant'}
      title="case.a.decide"
      variant={refuse ? 'outlined' : 'contained'}
      color={refuse ? 'error' : 'primary'}
      document={`mutation ($input: DecideApplicationInput!) { decideApplication(input: $input) { id decision refusalGround decidedOn } }`}
      defaults={{ decidedOn: regionToday(), decision: refuse ? 'REFUSED' : 'GRANTED' }}
      intro={
        <>
          <div>{translate('case.intro.decide', { due: date(application.decisionDueOn) })}</div>
          {problems.length > 0 && (
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </>
      }
      variables={(v) => ({
        input: {
          applicationId: application.id,
          decision: v.decision,
          refusalGround: v.decision === 'REFUSED' ? v.refusalGround : null,
          decidedOn: v.decidedOn,
        },
      })}
      done={(_, a) =>
        a.decision === 'REFUSED'
          ? translate('case.done.refused', {
              ground: enumName('RefusalGround', a.refusalGround as string),
              date: date(a.decidedOn as string),
            })
          : translate('case.done.decided', {
              decision: enumName('Decision', a.decision as string),
              date: date(a.decidedOn as string),
            })
      }
    >
      <EnumInput
        source="decision"
        label="case.f.decision"
        enumName="Decision"
        values={ENUMS.Decision}
        validate={required()}
        fullWidth
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.decision === 'REFUSED' && (
            <EnumInput
              source="refusalGround"
              label="case.f.refusalGround"
              enumName="RefusalGround"
              values={ENUMS.RefusalGround}
              validate={required()}
              fullWidth
            />
          )
        }
      </FormDataConsumer>
      <DateInput source="decidedOn" label="case.f.decidedOn" validate={required()} />
    </ActionDialog>
  );
}

// ——— Stages ———

const NEXT_STAGE: Record<string, CaseStage['kind'] | null> = {
  NONE: 'PREPARATORY',
  PREPARATORY: 'TRAINING',
  TRAINING: 'MAIN',
  MAIN: null,
};

export function nextStageOf(current: CaseStage | undefined): CaseStage['kind'] | null {
  return NEXT_STAGE[current?.kind ?? 'NONE'] ?? null;
}

export function StartStage({ record, kind }: { record: CaseRecord; kind: CaseStage['kind'] }) {
  const translate = useTranslate();
  const enumName = useEnum();
  const date = useDate();
  const current = record.stages?.find((s) => s.current);
  const latest = record.assessments?.find((a) => !a.annulledAt);
  const hours = latest?.recommendedService.hours;
  return (
    <ActionDialog
      label={`case.a.start_${kind.toLowerCase()}`}
      variant="contained"
      document={`mutation ($input: StartStageInput!) { startStage(input: $input) { id kind startedOn serviceType plannedHours plannedHoursPer } }`}
      defaults={{
        startedOn: regionToday(),
        providerId: current?.providerId ?? undefined,
        ...(kind === 'MAIN' && latest
          ? { serviceType: latest.recommendedService.code, plannedHours: hours?.min }
          : {}),
      }}
      intro={
        kind === 'MAIN' && latest && hours
          ? translate('case.intro.main_stage', {
              service: latest.recommendedService.name,
              min: hours.min,
              max: hours.max,
              per: enumName('HoursPer', hours.per),
            })
          : translate(`case.intro.start_${kind.toLowerCase()}`)
      }
      variables={(v) => ({
        input: {
          recipientId: record.id,
          kind,
          startedOn: v.startedOn,
          providerId: v.providerId || null,
          ...(kind === 'MAIN' ? { serviceType: v.serviceType, plannedHours: v.plannedHours } : {}),
        },
      })}
      done={(_, a) =>
        translate('case.done.start_stage', {
          stage: enumName('StageKind', a.kind as string),
          date: date(a.startedOn as string),
        })
      }
    >
      <DateInput source="startedOn" label="case.f.startedOn" validate={required()} />
      <ProviderPicker validate={kind === 'PREPARATORY' ? required() : undefined} />
      {kind === 'MAIN' && (
        <EnumInput
          source="serviceType"
          label="case.f.serviceType"
          enumName="StageServiceType"
          values={ENUMS.StageServiceType}
          validate={required()}
          fullWidth
        />
      )}
      {kind === 'MAIN' && (
        <NumberInput
          source="plannedHours"
          label="case.f.plannedHours"
          validate={required()}
          min={hours?.min}
          max={hours?.max}
          step={1}
          helperText={
            hours
              ? translate('case.hours', {
                  hours: `${hours.min}–${hours.max}`,
                  per: enumName('HoursPer', hours.per),
                })
              : undefined
          }
        />
      )}
    </ActionDialog>
  );
}

export function RecordReadinessReview({ record, stage }: { record: CaseRecord; stage: CaseStage }) {
  const translate = useTranslate();
  const enumName = useEnum();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.readiness_review"
      document={`mutation ($input: RecordReadinessReviewInput!) { recordReadinessReview(input: $input) { id ordinal outcome reviewedOn } }`}
      defaults={{ reviewedOn: regionToday() }}
      intro={translate('case.intro.readiness_review', {
        started: date(stage.startedOn),
        done: stage.readinessReviews.length,
      })}
      variables={(v) => ({
        input: { recipientId: record.id, outcome: v.outcome, reviewedOn: v.reviewedOn, note: v.note ?? null },
      })}
      done={(_, a) =>
        translate('case.done.readiness_review', {
          ordinal: a.ordinal,
          outcome: enumName('ReadinessOutcome', a.outcome as string),
          date: date(a.reviewedOn as string),
        })
      }
    >
      <EnumInput
        source="outcome"
        label="case.f.outcome"
        enumName="ReadinessOutcome"
        values={ENUMS.ReadinessOutcome}
        validate={required()}
      />
      <DateInput source="reviewedOn" label="case.f.reviewedOn" validate={required()} />
      <TextInput source="note" label="case.f.note" multiline fullWidth />
    </ActionDialog>
  );
}

export function TerminateParticipation({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const enumName = useEnum();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.terminate"
      color="error"
      document={`mutation ($input: TerminateParticipationInput!) { terminateParticipation(input: $input) { id reason effectiveOn } }`}
      defaults={{ groundOn: regionToday() }}
      variables={(v) => ({
        input: {
          recipientId: record.id,
          reason: v.reason,
          groundOn: v.groundOn,
          requestedOn: v.requestedOn || null,
          note: v.note ?? null,
        },
      })}
      done={(_, a) =>
        translate('case.done.terminate', {
          reason: enumName('TerminationReason', a.reason as string),
          date: date(a.effectiveOn as string),
        })
      }
    >
      <EnumInput
        source="reason"
        label="case.f.reason"
        enumName="TerminationReason"
        values={ENUMS.TerminationReason}
        validate={required()}
        fullWidth
      />
      <DateInput source="groundOn" label="case.f.groundOn" validate={required()} />
      <DateInput source="requestedOn" label="case.f.requestedOn" />
      <TextInput source="note" label="case.f.note" multiline fullWidth />
    </ActionDialog>
  );
}

// ——— Housing ———

export function AssignHousing({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.assign_housing"
      document={`mutation ($input: AssignHousingInput!) { assignHousing(input: $input) { id fromDate unit { address freePlaces } } }`}
      defaults={{ fromDate: regionToday() }}
      variables={(v) => ({ input: { recipientId: record.id, unitId: v.unitId, fromDate: v.fromDate } })}
      done={(_, a) => {
        const unit = a.unit as { address: string; freePlaces: number };
        return translate('case.done.assign_housing', {
          address: unit.address,
          date: date(a.fromDate as string),
          free: unit.freePlaces,
        });
      }}
    >
      <HousingPicker />
      <DateInput source="fromDate" label="case.f.fromDate" validate={required()} />
    </ActionDialog>
  );
}

export function VacateHousing({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const date = useDate();
  const address = record.housing?.current?.unit.address ?? '';
  return (
    <ActionDialog
      label="case.a.vacate_housing"
      document={`mutation ($input: VacateHousingInput!) { vacateHousing(input: $input) { id toDate } }`}
      defaults={{ date: regionToday() }}
      intro={address}
      variables={(v) => ({ input: { recipientId: record.id, date: v.date } })}
      done={(_, a) => translate('case.done.vacate_housing', { address, date: date(a.toDate as string) })}
    >
      <DateInput source="date" label="case.f.vacatedOn" validate={required()} />
    </ActionDialog>
  );
}

// ——— Services: plan, team, route, visits ———

/** Weekly hours the latest assessment allows (a daily range counts 7 days). */
export function weeklyBounds(record: CaseRecord): { min: number; max: number } | null {
  const hours = record.assessments?.find((a) => !a.annulledAt)?.recommendedService.hours;
  if (!hours) return null;
  return hours.per === 'DAY'
    ? { min: hours.min * 7, max: hours.max * 7 }
    : { min: hours.min, max: hours.max };
}

export function CreateServicePlan({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const date = useDate();
  const bounds = weeklyBounds(record);
  const providerId = record.stages?.find((s) => s.current)?.providerId ?? undefined;
  const bounded = (value: unknown) =>
    bounds && typeof value === 'number' && (value < bounds.min || value > bounds.max)
      ? translate('case.hours_out_of_range', bounds)
      : undefined;
  return (
    <ActionDialog
      label="case.a.create_plan"
      document={`mutation ($input: CreateServicePlanInput!) { createServicePlan(input: $input) { id hoursPerWeek fromDate provider { shortName } } }`}
      defaults={{ fromDate: regionToday(), providerId, hoursPerWeek: bounds?.min }}
      intro={
        bounds ? translate('case.intro.create_plan', bounds) : translate('case.intro.create_plan_unassessed')
      }
      variables={(v) => ({
        input: {
          recipientId: record.id,
          providerId: v.providerId,
          hoursPerWeek: v.hoursPerWeek,
          fromDate: v.fromDate,
          toDate: v.toDate || null,
        },
      })}
      done={(_, a) =>
        translate('case.done.create_plan', {
          hours: a.hoursPerWeek,
          provider: (a.provider as { shortName: string }).shortName,
          date: date(a.fromDate as string),
        })
      }
    >
      <ProviderPicker validate={required()} />
      <NumberInput
        source="hoursPerWeek"
        label="case.f.hoursPerWeek"
        validate={[required(), bounded]}
        min={bounds?.min}
        max={bounds?.max}
        step={0.5}
      />
      <DateInput source="fromDate" label="case.f.fromDate" validate={required()} />
      <DateInput source="toDate" label="case.f.toDate" />
    </ActionDialog>
  );
}

export function CloseServicePlan({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.close_plan"
      document={`mutation ($input: CloseServicePlanInput!) { closeServicePlan(input: $input) { id toDate } }`}
      defaults={{ date: regionToday() }}
      variables={(v) => ({ input: { recipientId: record.id, date: v.date } })}
      done={(_, a) => translate('case.done.close_plan', { date: date(a.toDate as string) })}
    >
      <DateInput source="date" label="case.f.lastDay" validate={required()} />
    </ActionDialog>
  );
}

export function AddTeamMember({ record, providerId }: { record: CaseRecord; providerId: string | null }) {
  const translate = useTranslate();
  const enumName = useEnum();
  return (
    <ActionDialog
      label="case.a.add_member"
      document={`mutation ($input: TeamMemberInput!) { addTeamMember(input: $input) { id staffMember { fullName role } } }`}
      defaults={{ date: regionToday() }}
      variables={(v) => ({ input: { recipientId: record.id, staffMemberId: v.staffMemberId, date: v.date } })}
      done={(_, a) => {
        const s = a.staffMember as { fullName: string; role: string };
        return translate('case.done.add_member', { name: s.fullName, role: enumName('StaffRole', s.role) });
      }}
    >
      <StaffPicker providerId={providerId} />
      <DateInput source="date" label="case.f.fromDate" validate={required()} />
    </ActionDialog>
  );
}

export function RemoveTeamMember({
  record,
  member,
}: {
  record: CaseRecord;
  member: NonNullable<CaseRecord['team']>[number];
}) {
  const translate = useTranslate();
  return (
    <ActionDialog
      label="case.a.remove_member"
      variant="text"
      document={`mutation ($input: TeamMemberInput!) { removeTeamMember(input: $input) { id toDate } }`}
      defaults={{ date: regionToday() }}
      intro={member.staffMember.fullName}
      variables={(v) => ({
        input: { recipientId: record.id, staffMemberId: member.staffMember.id, date: v.date },
      })}
      done={() => translate('case.done.remove_member', { name: member.staffMember.fullName })}
    >
      <DateInput source="date" label="case.f.lastDay" validate={required()} />
    </ActionDialog>
  );
}

export function CreateRehabilitationRoute({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const providerId = record.stages?.find((s) => s.current)?.providerId ?? undefined;
  return (
    <ActionDialog
      label="case.a.create_route"
      document={`mutation ($input: CreateRehabilitationRouteInput!) { createRehabilitationRoute(input: $input) { id goals { id } } }`}
      defaults={{ approvedOn: regionToday(), providerId }}
      variables={(v) => ({
        input: {
          recipientId: record.id,
          providerId: v.providerId,
          approvedOn: v.approvedOn,
          goals: v.goalText ? [{ text: v.goalText, targetDate: v.goalTargetDate }] : [],
        },
      })}
      done={(_, a) => translate('case.done.create_route', { goals: (a.goals as unknown[]).length })}
    >
      <ProviderPicker validate={required()} />
      <DateInput source="approvedOn" label="case.f.approvedOn" validate={required()} />
      <TextInput source="goalText" label="case.f.firstGoal" fullWidth />
      <DateInput source="goalTargetDate" label="case.f.targetDate" />
    </ActionDialog>
  );
}

export function AddRouteGoal({ routeId }: { routeId: string }) {
  const translate = useTranslate();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.add_goal"
      document={`mutation ($input: AddRouteGoalInput!) { addRouteGoal(input: $input) { id text targetDate } }`}
      variables={(v) => ({ input: { routeId, text: v.text, targetDate: v.targetDate } })}
      done={(_, a) => translate('case.done.add_goal', { text: a.text, date: date(a.targetDate as string) })}
    >
      <TextInput source="text" label="case.f.goal" validate={required()} fullWidth />
      <DateInput source="targetDate" label="case.f.targetDate" validate={required()} />
    </ActionDialog>
  );
}

export function SetRouteGoalStatus({ goal }: { goal: { id: string; text: string; status: string } }) {
  const translate = useTranslate();
  const enumName = useEnum();
  return (
    <ActionDialog
      label="case.a.goal_status"
      variant="text"
      document={`mutation ($input: SetGoalStatusInput!) { setRouteGoalStatus(input: $input) { id status } }`}
      defaults={{ status: goal.status }}
      intro={goal.text}
      variables={(v) => ({ input: { goalId: goal.id, status: v.status } })}
      done={(_, a) =>
        translate('case.done.goal_status', {
          text: goal.text,
          status: enumName('GoalStatus', a.status as string),
        })
      }
    >
      <EnumInput
        source="status"
        label="case.f.status"
        enumName="GoalStatus"
        values={ENUMS.GoalStatus}
        validate={required()}
      />
    </ActionDialog>
  );
}

export function ScheduleVisit({ record, providerId }: { record: CaseRecord; providerId: string | null }) {
  const translate = useTranslate();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.schedule_visit"
      fieldOf={{ plannedAt: 'plannedAtLocal' }}
      document={`mutation ($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id plannedAt staffMember { fullName } } }`}
      variables={(v) => ({
        input: { recipientId: record.id, staffMemberId: v.staffMemberId, plannedAt: plannedAt(v) },
      })}
      done={(_, a) =>
        translate('case.done.schedule_visit', {
          when: date(a.plannedAt as string, true),
          name: (a.staffMember as { fullName: string }).fullName,
        })
      }
    >
      <StaffPicker providerId={providerId} />
      <PlannedAtInput />
    </ActionDialog>
  );
}

type VisitRow = NonNullable<CaseRecord['visits']>[number];

export function RescheduleVisit({ visit, providerId }: { visit: VisitRow; providerId: string | null }) {
  const translate = useTranslate();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.reschedule_visit"
      variant="text"
      fieldOf={{ plannedAt: 'plannedAtLocal' }}
      document={`mutation ($input: RescheduleVisitInput!) { rescheduleVisit(input: $input) { id plannedAt } }`}
      defaults={{ plannedAtLocal: regionLocal(visit.plannedAt), staffMemberId: visit.staffMember.id }}
      variables={(v) => ({
        input: { visitId: visit.id, plannedAt: plannedAt(v), staffMemberId: v.staffMemberId },
      })}
      done={(_, a) => translate('case.done.reschedule_visit', { when: date(a.plannedAt as string, true) })}
    >
      <StaffPicker providerId={providerId} />
      <PlannedAtInput />
    </ActionDialog>
  );
}

export function RecordVisit({ visit }: { visit: VisitRow }) {
  const translate = useTranslate();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.record_visit"
      variant="text"
      fieldOf={{ visitId: 'delivered' }}
      document={`mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id delivered hoursDelivered } }`}
      defaults={{ delivered: true }}
      intro={`${date(visit.plannedAt, true)} — ${visit.staffMember.fullName}`}
      variables={(v) => ({
        input: {
          visitId: visit.id,
          delivered: Boolean(v.delivered),
          hoursDelivered: v.delivered ? v.hoursDelivered : null,
        },
      })}
      done={(_, a) =>
        a.delivered
          ? translate('case.done.visit_delivered', {
              when: date(visit.plannedAt, true),
              hours: a.hoursDelivered,
            })
          : translate('case.done.visit_missed', { when: date(visit.plannedAt, true) })
      }
    >
      <BooleanInput source="delivered" label="case.f.delivered" />
      <FormDataConsumer>
        {({ formData }) =>
          formData.delivered && (
            <NumberInput
              source="hoursDelivered"
              label="case.f.hoursDelivered"
              validate={required()}
              step={0.5}
            />
          )
        }
      </FormDataConsumer>
    </ActionDialog>
  );
}

// ——— Case coordinator and consents ———

export function AssignCaseCoordinator({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  return (
    <ActionDialog
      label="case.a.assign_coordinator"
      document={`mutation ($input: AssignCaseCoordinatorInput!) { assignCaseCoordinator(input: $input) { id caseCoordinatorIds } }`}
      intro={translate('case.intro.assign_coordinator')}
      variables={(v) => ({ input: { recipientId: record.id, accountId: v.accountId } })}
      done={() => translate('case.done.assign_coordinator', { person: fullName(record) })}
    >
      <CoordinatorPicker />
    </ActionDialog>
  );
}

export function GiveConsent({ record }: { record: CaseRecord }) {
  const translate = useTranslate();
  const enumName = useEnum();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.give_consent"
      document={`mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id kind sharedWith effectiveOn } }`}
      defaults={{ givenOn: regionToday() }}
      variables={(v) => ({
        input: {
          recipientId: record.id,
          kind: v.kind,
          sharedWith: v.kind === 'SHARING' ? v.sharedWith : null,
          document: v.document || null,
          givenOn: v.givenOn,
        },
      })}
      done={(_, a) =>
        translate('case.done.give_consent', {
          kind: enumName('ConsentKind', a.kind as string),
          ministry: a.sharedWith ? ` (${enumName('Ministry', a.sharedWith as string)})` : '',
          date: date(a.effectiveOn as string),
        })
      }
    >
      <EnumInput
        source="kind"
        label="case.f.consentKind"
        enumName="ConsentKind"
        values={ENUMS.ConsentKind}
        validate={required()}
        fullWidth
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind === 'SHARING' && (
            <EnumInput
              source="sharedWith"
              label="case.f.ministry"
              enumName="Ministry"
              values={ENUMS.Ministry}
              validate={required()}
            />
          )
        }
      </FormDataConsumer>
      <DateInput source="givenOn" label="case.f.givenOn" validate={required()} />
      <TextInput source="document" label="case.f.document" fullWidth />
    </ActionDialog>
  );
}

export function WithdrawConsent({
  record,
  consent,
}: {
  record: CaseRecord;
  consent: NonNullable<CaseRecord['consentsInForce']>[number];
}) {
  const translate = useTranslate();
  const enumName = useEnum();
  const date = useDate();
  const what = `${enumName('ConsentKind', consent.kind)}${consent.sharedWith ? ` (${enumName('Ministry', consent.sharedWith)})` : ''}`;
  return (
    <ActionDialog
      label="case.a.withdraw_consent"
      variant="text"
      color="error"
      document={`mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id effectiveOn } }`}
      defaults={{ withdrawnOn: regionToday() }}
      intro={what}
      variables={(v) => ({
        input: {
          recipientId: record.id,
          kind: consent.kind,
          sharedWith: consent.sharedWith,
          agencyId: consent.agencyId,
          document: v.document || null,
          withdrawnOn: v.withdrawnOn,
        },
      })}
      done={(_, a) => translate('case.done.withdraw_consent', { what, date: date(a.effectiveOn as string) })}
    >
      <DateInput source="withdrawnOn" label="case.f.withdrawnOn" validate={required()} />
      <TextInput source="document" label="case.f.document" fullWidth />
    </ActionDialog>
  );
}

/**
 * Break the glass: opens the person's health details (or a record outside one's scope) for a
 * limited time, with a reason auditors read.
 */
export function BreakGlass({ recipientId }: { recipientId: string }) {
  const translate = useTranslate();
  const date = useDate();
  return (
    <ActionDialog
      label="case.a.break_glass"
      color="error"
      document={`mutation ($recipientId: ID!, $reason: String!) { breakGlass(recipientId: $recipientId, reason: $reason) { id expiresAt } }`}
      intro={translate('case.intro.break_glass')}
      variables={(v) => ({ recipientId, reason: v.reason })}
      done={(_, a) => translate('case.done.break_glass', { until: date(a.expiresAt as string, true) })}
    >
      <TextInput source="reason" label="case.f.reason_text" validate={required()} multiline fullWidth />
    </ActionDialog>
  );
}
