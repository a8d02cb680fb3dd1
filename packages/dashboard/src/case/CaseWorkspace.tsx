import { Alert, Box, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';
import {
  useGetList,
  useGetOne,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { granted } from '../auth/authProvider';
import {
  ChecklistItem,
  NoticesOf,
  RecordDecisionNotice,
  UploadCaseDocument,
  useDocumentRows,
} from '../documents/CaseDocuments';
import { formatDate } from '../resources/common';
import {
  AddRouteGoal,
  AddTeamMember,
  AssignCaseCoordinator,
  AssignHousing,
  BreakGlass,
  CloseServicePlan,
  CreateRehabilitationRoute,
  CreateServicePlan,
  DecideApplication,
  GiveConsent,
  nextStageOf,
  RecordApplicationDocuments,
  RecordAssessment,
  RecordInteragencyAnswer,
  RecordReadinessReview,
  RecordVisit,
  RemoveTeamMember,
  RescheduleVisit,
  ScheduleVisit,
  SendInteragencyRequest,
  SetRouteGoalStatus,
  StartApplicationReview,
  StartStage,
  SubmitApplication,
  TerminateParticipation,
  VacateHousing,
  WithdrawConsent,
} from './actions';
import type { CaseRecord } from './caseData';
import { AnnulAssessment } from './corrections/AnnulAssessment';
import { AnnulDecision } from './corrections/AnnulDecision';
import { AnnulTermination } from './corrections/AnnulTermination';
import { daysBetween, formatSnils, fullName, regionToday } from './format';
import { LetterButtons } from './LetterButtons';
import { AnswersDetails } from './questionnaire/QuestionnaireInputs';

/** The seed's limit of readiness reviews in the training stage (002 §15.2). */
const MAX_READINESS_REVIEWS = 4;

function useCase(): { record: CaseRecord | undefined; roles: string[] } {
  const person = useRecordContext<{ id: string }>();
  const { permissions: roles = [] } = usePermissions<string[]>();
  const { data } = useGetOne<CaseRecord & { id: string }>(
    'cases',
    { id: person?.id ?? '' },
    { enabled: Boolean(person?.id) },
  );
  return { record: data, roles };
}

function useFormat() {
  const [locale = 'ru'] = useLocaleState();
  const translate = useTranslate();
  return {
    date: (v: string | null | undefined, withTime = false) => formatDate(v, locale, withTime),
    enumName: (name: string, v: string | null | undefined) =>
      v ? translate(`enums.${name}.${v}`, { _: v }) : '—',
    translate,
  };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { translate } = useFormat();
  return (
    <Box sx={{ minWidth: 180 }}>
      <Box component="dt" sx={{ fontSize: 13, color: 'text.secondary' }}>
        {translate(label)}
      </Box>
      <Box component="dd" sx={{ m: 0, fontWeight: 500 }}>
        {children}
      </Box>
    </Box>
  );
}

/** Names of the case's coordinators (the access subgraph knows them; social keeps the ids). */
function CoordinatorNames({ ids }: { ids: string[] }) {
  const { data = [] } = useGetList<{ id: string; displayName: string }>(
    'coordinators',
    {
      pagination: { page: 1, perPage: ids.length },
      sort: { field: 'displayName', order: 'ASC' },
      filter: { ids },
    },
    { enabled: ids.length > 0 },
  );
  const names = ids.map((id) => data.find((c) => c.id === id)?.displayName).filter(Boolean);
  return <>{names.length > 0 ? names.join(', ') : '—'}</>;
}

/** Health alerts only where the coordinator may read them (their own case); otherwise nothing. */
function HealthAlerts({ id }: { id: string }) {
  const { date, translate } = useFormat();
  const { data, error } = useGetOne<{
    id: string;
    medicalConclusions?: { issuedOn: string; contraindicationsPresent: boolean; validUntil: string | null }[];
  }>('caseHealth', { id }, { retry: false });
  // Another coordinator's case: health details are theirs; this one may only break the glass.
  if ((error as { body?: { code?: string } } | null)?.body?.code === 'NOT_CASE_COORDINATOR') {
    return <BreakGlass recipientId={id} />;
  }
  const latest = [...(data?.medicalConclusions ?? [])].sort((a, b) =>
    b.issuedOn.localeCompare(a.issuedOn),
  )[0];
  if (!latest) return null;
  const today = regionToday();
  return (
    <>
      {latest.contraindicationsPresent && (
        <Alert severity="error">
          {translate('case.alert.contraindications', { date: date(latest.issuedOn) })}
        </Alert>
      )}
      {latest.validUntil && latest.validUntil < today && (
        <Alert severity="warning">
          {translate('case.alert.conclusion_expired', { date: date(latest.validUntil) })}
        </Alert>
      )}
    </>
  );
}

/** The case at a glance with what needs attention, and the next steps its state allows. */
export function CaseSummary() {
  const { record, roles } = useCase();
  const { date, enumName, translate } = useFormat();
  if (!record) return null;
  const today = regionToday();
  const stage = record.stages?.find((s) => s.current);
  const lastStage = record.stages?.[record.stages.length - 1];
  const terminated = Boolean(lastStage && !lastStage.current && lastStage.terminationReason);
  // The latest assessment in force: an annulled one stays listed but no longer counts.
  const assessment = record.assessments?.find((a) => !a.annulledAt);
  const correcting = Boolean(record.assessments?.[0]?.annulledAt);
  const application = record.applications?.[0];
  const openApplication = application && application.status !== 'DECIDED' ? application : undefined;
  // An annulled grant no longer counts (issue 23): the summary offers a new application instead.
  const granted_ = record.applications?.some((a) => a.decision === 'GRANTED' && !a.decisionAnnulledAt);
  const plan = record.servicePlans?.find((p) => !p.toDate || p.toDate >= today);
  const canCase = granted(roles, 'CASE_WRITE');
  const canService = granted(roles, 'SERVICE_WRITE');
  const next = terminated ? null : nextStageOf(stage);
  const reviews = stage?.kind === 'TRAINING' ? stage.readinessReviews : [];
  const ready = reviews.some((r) => r.outcome === 'READY');
  const exhausted = stage?.kind === 'TRAINING' && !ready && reviews.length >= MAX_READINESS_REVIEWS;
  const overdueReassessment = assessment && assessment.reassessmentDueOn < today;

  const steps: ReactNode[] = [];
  if (canCase) {
    if (!openApplication && !stage && !granted_)
      steps.push(<SubmitApplication key="submit" record={record} />);
    if (openApplication) {
      steps.push(<RecordApplicationDocuments key="docs" application={openApplication} />);
      if (openApplication.status === 'SUBMITTED')
        steps.push(<StartApplicationReview key="review" application={openApplication} />);
      steps.push(<SendInteragencyRequest key="request" record={record} application={openApplication} />);
      steps.push(<RecordAssessment key="assess" record={record} />);
      steps.push(<DecideApplication key="grant" application={openApplication} />);
      steps.push(<DecideApplication key="refuse" application={openApplication} refuse />);
    } else if ((overdueReassessment || correcting) && !terminated) {
      steps.push(<RecordAssessment key="assess" record={record} />);
    }
    if (granted_ && next && !terminated && (next !== 'MAIN' || ready)) {
      steps.push(<StartStage key="stage" record={record} kind={next} />);
    }
    if (stage?.kind === 'TRAINING' && !ready && !exhausted) {
      steps.push(<RecordReadinessReview key="readiness" record={record} stage={stage} />);
    }
    if (stage && !record.housing?.current) steps.push(<AssignHousing key="house" record={record} />);
    // Seed 001 §13: the person is informed of the decision once it is made.
    if (application?.decision && !application.decisionAnnulledAt && application.notices.length === 0)
      steps.push(<RecordDecisionNotice key="notice" application={application} />);
  }
  if (canService && stage) {
    if (!plan) steps.push(<CreateServicePlan key="plan" record={record} />);
    if (!record.rehabilitationRoute) steps.push(<CreateRehabilitationRoute key="route" record={record} />);
    if (plan) steps.push(<AddTeamMember key="member" record={record} providerId={plan.provider.id} />);
    if (plan) steps.push(<ScheduleVisit key="visit" record={record} providerId={plan.provider.id} />);
  }

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} component="section" aria-labelledby="case-summary-title">
      <Box component="h2" id="case-summary-title" sx={{ fontSize: 20, m: 0, mb: 1 }}>
        {fullName(record)} · {translate('case.snils')} {formatSnils(record.snils)}
      </Box>
      <Stack component="dl" direction="row" flexWrap="wrap" gap={2} sx={{ m: 0 }}>
        <Fact label="case.f.stage">
          {terminated ? (
            <>
              {translate('case.terminated', {
                reason: enumName('TerminationReason', lastStage?.terminationReason),
              })}
              <LetterButtons
                path={`/letters/${record.id}/termination`}
                name={translate('case.letter.termination')}
              />
            </>
          ) : stage ? (
            `${enumName('StageKind', stage.kind)} ${translate('case.since', { date: date(stage.startedOn) })}`
          ) : application ? (
            `${translate('case.application')}: ${application.decision ? enumName('Decision', application.decision) : enumName('ApplicationStatus', application.status)}${application.decisionAnnulledAt ? ` (${enumName('CaseEventKind', 'DECISION_ANNULLED')})` : ''}`
          ) : (
            translate('case.no_application')
          )}
        </Fact>
        <Fact label="case.f.degree">
          {assessment
            ? `${enumName('AutonomyDegree', assessment.degree)}, ${assessment.recommendedService.name}`
            : '—'}
        </Fact>
        {record.housing !== undefined && (
          <Fact label="case.f.housing">{record.housing.current?.unit.address ?? '—'}</Fact>
        )}
        {record.caseCoordinatorIds && (
          <Fact label="case.f.coordinator">
            <CoordinatorNames ids={record.caseCoordinatorIds} />
          </Fact>
        )}
        {record.consentsInForce && (
          <Fact label="case.f.consents">
            {[
              ...record.consentsInForce.map(
                (c) =>
                  `${enumName('ConsentKind', c.kind)}${c.sharedWith ? ` (${enumName('Ministry', c.sharedWith)})` : ''}`,
              ),
              // The consents signed with the application (002 appendix) are its own record.
              ...(application?.consentToAssessmentOn
                ? [
                    translate('case.application_consent.assessment', {
                      date: date(application.consentToAssessmentOn),
                    }),
                  ]
                : []),
              ...(application?.consentToDataProcessingOn
                ? [
                    translate('case.application_consent.data', {
                      date: date(application.consentToDataProcessingOn),
                    }),
                  ]
                : []),
            ].join('; ') || translate('case.none')}
          </Fact>
        )}
        {record.representative !== undefined && (
          <Fact label="case.f.representative">
            {record.representative
              ? `${record.representative.fullName} (${enumName('RepresentativeKind', record.representative.kind)})`
              : translate('case.none')}
          </Fact>
        )}
      </Stack>
      <Stack gap={1} sx={{ mt: 1 }}>
        {openApplication && openApplication.decisionDueOn < today && (
          <Alert severity="error">
            {translate('case.alert.decision_late', { date: date(openApplication.decisionDueOn) })}
          </Alert>
        )}
        {openApplication && openApplication.decisionDueOn >= today && (
          <Alert severity="info">
            {translate('case.alert.decision_due', {
              date: date(openApplication.decisionDueOn),
              days: daysBetween(today, openApplication.decisionDueOn),
            })}
          </Alert>
        )}
        {overdueReassessment && !terminated && (
          <Alert severity="warning">
            {translate('case.alert.reassessment_late', { date: date(assessment.reassessmentDueOn) })}
          </Alert>
        )}
        {exhausted && <Alert severity="warning">{translate('case.alert.reviews_exhausted')}</Alert>}
        {(record.possibleDuplicates ?? []).length > 0 && (
          <Alert severity="warning">
            {translate('case.alert.duplicates')}{' '}
            {record.possibleDuplicates!.map((d, i) => (
              <span key={d.id}>
                {i > 0 && ', '}
                <Link to={`/recipients/${d.id}/show`}>
                  {fullName(d)}, {formatSnils(d.snils)}
                </Link>
              </span>
            ))}
          </Alert>
        )}
        {granted(roles, 'HEALTH') && <HealthAlerts id={record.id} />}
      </Stack>
      {steps.length > 0 && (
        <Box component="section" aria-labelledby="case-next-steps" sx={{ mt: 2 }}>
          <Box component="h2" id="case-next-steps" sx={{ fontSize: 16, m: 0, mb: 1 }}>
            {translate('case.next_steps')}
          </Box>
          {steps}
        </Box>
      )}
    </Paper>
  );
}

function Rows({
  title,
  head,
  rows,
  empty,
}: {
  title: string;
  head: string[];
  rows: ReactNode[][];
  empty?: ReactNode;
}) {
  const { translate } = useFormat();
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Box component="h2" sx={{ fontSize: 16, m: '16px 0 4px' }}>
        {translate(title)}
      </Box>
      {rows.length === 0 ? (
        <p>{empty ?? translate('app.empty')}</p>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              {head.map((h) => (
                <TableCell key={h}>{translate(h)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((cells, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed for one render of the case
              <TableRow key={i}>
                {cells.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a row are positional
                  <TableCell key={j}>{c}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

/** The social case tab: every record of the case, each row with the actions it allows. */
export function SocialCaseTab(_: { label?: false }) {
  const { record, roles } = useCase();
  const { date, enumName, translate } = useFormat();
  const documentRows = useDocumentRows();
  if (!record) return null;
  const today = regionToday();
  const canCase = granted(roles, 'CASE_WRITE');
  const canService = granted(roles, 'SERVICE_WRITE');
  const plan = record.servicePlans?.find((p) => !p.toDate || p.toDate >= today);
  const providerId = plan?.provider.id ?? null;
  const stage = record.stages?.find((s) => s.current);
  const now = Date.now();
  return (
    <Box>
      {record.documents && (
        <>
          <Rows
            title="caseDocuments.title"
            head={documentRows.head}
            rows={record.documents.map(documentRows.cells)}
            empty={translate('caseDocuments.empty')}
          />
          {canCase && <UploadCaseDocument record={record} />}
        </>
      )}
      {record.applications && (
        <Rows
          title="app.sections.applications"
          head={[
            'app.f.submittedOn',
            'app.f.status',
            'app.f.decisionDueOn',
            'app.f.decision',
            'case.f.documents',
            'case.f.letter',
            'caseDocuments.f.informed',
            'case.f.actions',
          ]}
          rows={record.applications.map((a) => [
            date(a.submittedOn),
            enumName('ApplicationStatus', a.status),
            date(a.decisionDueOn),
            a.decision
              ? `${enumName('Decision', a.decision)}${a.refusalGround ? ` — ${enumName('RefusalGround', a.refusalGround)}` : ''} (${date(a.decidedOn)})`
              : '—',
            a.documents.length > 0 ? (
              <span key={a.id}>
                {a.documents.map((d, i) => (
                  <span key={d.kind}>
                    {i > 0 && ', '}
                    <ChecklistItem item={d} />
                  </span>
                ))}
              </span>
            ) : (
              '—'
            ),
            a.decision === 'GRANTED' || a.decision === 'REFUSED' ? (
              <LetterButtons
                key={a.id}
                path={`/letters/${record.id}/decision/${a.id}`}
                name={translate('case.letter.decision', { date: date(a.decidedOn) })}
              />
            ) : (
              '—'
            ),
            <span key={a.id}>
              <NoticesOf application={a} />
              {canCase && a.decision && a.notices.length > 0 && <RecordDecisionNotice application={a} />}
            </span>,
            a.decisionAnnulledAt ? (
              translate('case.annul.decision_annulled', {
                date: date(a.decisionAnnulledAt, true),
                by: a.decisionAnnulledBy,
                reason: a.decisionAnnulmentReason,
              })
            ) : canCase && a.decision ? (
              <AnnulDecision key={a.id} application={a} date={date(a.decidedOn)} />
            ) : null,
          ])}
        />
      )}
      {record.terminations && record.terminations.length > 0 && (
        <Rows
          title="case.annul.terminations"
          head={['case.f.reason', 'case.f.groundOn', 'case.f.effectiveOn', 'case.f.note', 'case.f.actions']}
          rows={record.terminations.map((t) => [
            enumName('TerminationReason', t.reason),
            date(t.groundOn),
            date(t.effectiveOn),
            t.note || '—',
            t.annulledAt ? (
              translate('case.annul.decision_annulled', {
                date: date(t.annulledAt, true),
                by: t.annulledBy,
                reason: t.annulmentReason,
              })
            ) : canCase ? (
              <AnnulTermination key={t.id} termination={t} date={date(t.effectiveOn)} />
            ) : null,
          ])}
        />
      )}
      {record.interagencyRequests && (
        <Rows
          title="app.sections.requests"
          head={[
            'app.f.subject',
            'app.f.agency',
            'app.f.sentOn',
            'app.f.dueOn',
            'app.f.status',
            'case.f.actions',
          ]}
          rows={record.interagencyRequests.map((r) => [
            enumName('InteragencySubject', r.subject),
            r.agency,
            date(r.sentOn),
            date(r.dueOn),
            r.answeredOn
              ? `${enumName('InteragencyRequestStatus', r.status)} ${date(r.answeredOn)}${r.answer ? `: ${r.answer}` : ''}`
              : enumName('InteragencyRequestStatus', r.status),
            // Ministries in the graph (health: medical conclusions) answer on their own screens.
            canCase && !r.answeredOn && r.subject !== 'MEDICAL_CONCLUSION' ? (
              <RecordInteragencyAnswer key={r.id} request={r} />
            ) : null,
          ])}
        />
      )}
      {record.assessments && (
        <Rows
          title="app.sections.assessments"
          head={[
            'app.f.date',
            'app.f.assessor',
            'app.f.score',
            'app.f.degree',
            'case.f.service',
            'app.f.reassessmentDueOn',
            'case.f.questionnaire',
            'case.f.actions',
          ]}
          rows={record.assessments.map((a) => [
            date(a.assessedOn),
            a.assessor,
            a.score,
            enumName('AutonomyDegree', a.degree),
            `${a.recommendedService.name}: ${a.recommendedService.hours.min}–${a.recommendedService.hours.max} ${enumName('HoursPer', a.recommendedService.hours.per)}`,
            date(a.reassessmentDueOn),
            <AnswersDetails key={a.id} answers={a.answers} />,
            a.annulledAt ? (
              translate('case.annul.annulled', {
                date: date(a.annulledAt, true),
                by: a.annulledBy,
                reason: a.annulmentReason,
              })
            ) : canCase ? (
              <AnnulAssessment key={a.id} assessment={a} date={date(a.assessedOn)} />
            ) : null,
          ])}
        />
      )}
      {record.stages && (
        <Rows
          title="app.sections.stages"
          head={['app.f.stage', 'app.f.startedOn', 'app.f.endedOn', 'case.f.readiness']}
          rows={record.stages.map((s) => [
            `${enumName('StageKind', s.kind)}${s.serviceType ? ` — ${enumName('StageServiceType', s.serviceType)}, ${translate('case.hours', { hours: s.plannedHours, per: enumName('PlannedHoursPer', s.plannedHoursPer) })}` : ''}`,
            date(s.startedOn),
            s.endedOn ? date(s.endedOn) : translate('case.current'),
            s.readinessReviews
              .map((r) => `${r.ordinal}: ${enumName('ReadinessOutcome', r.outcome)} (${date(r.reviewedOn)})`)
              .join('; ') || '—',
          ])}
        />
      )}
      {record.housing && (
        <Box component="section" sx={{ mb: 3 }}>
          <Box component="h2" sx={{ fontSize: 16, m: '16px 0 4px' }}>
            {translate('app.sections.housing')}
          </Box>
          <p>
            {record.housing.current
              ? translate('case.housed', {
                  address: record.housing.current.unit.address,
                  kind: enumName('HousingKind', record.housing.current.unit.kind),
                  date: date(record.housing.current.fromDate),
                })
              : translate('case.not_housed')}
          </p>
          {canCase && record.housing.current && <VacateHousing record={record} />}
        </Box>
      )}
      {record.servicePlans && (
        <Rows
          title="app.sections.services"
          head={['case.f.provider', 'app.f.hoursPerWeek', 'app.f.fromDate', 'case.f.toDate']}
          rows={record.servicePlans.map((p) => [
            p.provider.shortName,
            p.hoursPerWeek,
            date(p.fromDate),
            p.toDate ? date(p.toDate) : translate('case.current'),
          ])}
        />
      )}
      {canService && plan && <CloseServicePlan record={record} />}
      {record.team && (
        <Rows
          title="case.sections.team"
          head={[
            'app.f.staffMember',
            'app.f.staffRole',
            'case.f.provider',
            'app.f.fromDate',
            'case.f.actions',
          ]}
          rows={record.team.map((m) => [
            m.staffMember.fullName,
            enumName('StaffRole', m.staffMember.role),
            m.staffMember.provider.shortName,
            date(m.fromDate),
            canService ? <RemoveTeamMember key={m.id} record={record} member={m} /> : null,
          ])}
        />
      )}
      {record.rehabilitationRoute !== undefined && (
        <Rows
          title="case.sections.route"
          head={['case.f.goal', 'case.f.targetDate', 'app.f.status', 'case.f.actions']}
          rows={(record.rehabilitationRoute?.goals ?? []).map((g) => [
            g.text,
            date(g.targetDate),
            enumName('GoalStatus', g.status),
            canService ? <SetRouteGoalStatus key={g.id} goal={g} /> : null,
          ])}
          empty={record.rehabilitationRoute ? undefined : translate('case.no_route')}
        />
      )}
      {canService && record.rehabilitationRoute && <AddRouteGoal routeId={record.rehabilitationRoute.id} />}
      {record.visits && (
        <Rows
          title="app.sections.visits"
          head={['app.f.plannedAt', 'app.f.staffMember', 'app.f.outcome', 'case.f.actions']}
          rows={record.visits.map((v) => [
            date(v.plannedAt, true),
            `${v.staffMember.fullName} (${enumName('StaffRole', v.staffMember.role)})`,
            v.recordedAt || v.delivered
              ? v.delivered
                ? translate('case.visit_delivered', { hours: v.hoursDelivered })
                : translate('case.visit_missed')
              : translate('case.visit_planned'),
            canService && !v.recordedAt && !v.delivered ? (
              <span key={v.id}>
                {Date.parse(v.plannedAt) <= now && <RecordVisit visit={v} />}
                <RescheduleVisit visit={v} providerId={providerId} />
              </span>
            ) : null,
          ])}
        />
      )}
      {record.consentsInForce && (
        <Rows
          title="case.sections.consents"
          head={['case.f.consentKind', 'case.f.givenOn', 'case.f.document', 'case.f.actions']}
          rows={record.consentsInForce.map((c) => [
            `${enumName('ConsentKind', c.kind)}${c.sharedWith ? ` (${enumName('Ministry', c.sharedWith)})` : ''}`,
            date(c.effectiveOn),
            c.document ?? '—',
            canCase ? <WithdrawConsent key={c.id} record={record} consent={c} /> : null,
          ])}
          empty={translate('case.no_consents')}
        />
      )}
      {canCase && (
        <Box sx={{ mt: 2 }}>
          <GiveConsent record={record} />
          <AssignCaseCoordinator record={record} />
          {stage && <TerminateParticipation record={record} />}
        </Box>
      )}
    </Box>
  );
}
