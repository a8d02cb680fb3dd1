import type { AccessName } from '@sl/core/roles';
import { granted } from '../auth/authProvider';
import { caseSelection, HEALTH_SELECTION } from '../case/caseData';
import { ministryRegistry } from '../ministries/resources';
import type { ResourceSpec, Selection } from './resource-spec';

/**
 * What the dashboard knows about each resource of the graph, in one place. The generic data
 * provider (dataProvider.ts) builds every query from these entries, so a new resource of the graph
 * is one entry here plus its screens.
 *
 * Conventions of the graph this relies on: lists are Relay connections
 * `xs(first, after, filter?, orderBy?) { totalCount edges { node } pageInfo }`, one item is
 * `x(id)`, writes are `createX(input)` / `updateX(input: { id, ... })`.
 */
export { type ResourceSpec, type Selection, selection } from './resource-spec';

/** Which roles may read which part of a person's record: the server's presets (core's `Access`). */
export function allowed(roles: string[], access: AccessName): boolean {
  return granted(roles, access);
}

/** The parts of a selection the roles may read. */
function when(roles: string[], parts: Partial<Record<AccessName, string>>): string {
  return (Object.entries(parts) as [AccessName, string][])
    .filter(([access]) => allowed(roles, access))
    .map(([, selection]) => selection)
    .join('\n');
}

const RECIPIENT_INPUT = [
  'snils',
  'lastName',
  'firstName',
  'patronymic',
  'birthDate',
  'sex',
  'municipality',
  'address',
  'phone',
  'email',
  'legalCapacity',
  'disabilityGroup',
  'ipraNumber',
  'ipraDate',
  'limitations',
  'representative',
];

const PROVIDER_INPUT = [
  'name',
  'shortName',
  'postalAddress',
  'municipality',
  'phone',
  'email',
  'forms',
  'inn',
];

const HOUSING_INPUT = ['kind', 'address', 'municipality', 'operatorId', 'places'];

/** Resources that only record something about a person: a create form, then back to the card. */
function recorded(mutation: string, input: string, fields: string[], selectionSet: string): ResourceSpec {
  return {
    list: '',
    fields: selectionSet,
    create: { mutation, input, fields: ['recipientId', ...fields] },
  };
}

/** Whom a decision names is the secretariat's to read; everyone reads how many it names. */
const decisionFields = (roles: string[]) =>
  `id number reference text dueDate status doneOn doneNote overdue daysLate doneLate meetingId peopleCount
  peopleIndicator assignee { id name } items { id number measure reference } peopleNamed${
    granted(roles, 'CASE') ? ' people { id fullName snils }' : ''
  }`;

const OBLIGATION_FIELDS = `id periodLabel dueDate completedOn status daysOverdue daysLate completedLate
  item { id number measure reference roadmapId section { id title } }
  responsibleAgency { id name }`;

export const registry: Record<string, ResourceSpec> = {
  recipients: {
    list: 'recipients',
    one: 'recipient',
    fields: (roles) =>
      when(roles, {
        IDENTITY: 'id snils lastName firstName patronymic birthDate municipality',
        DISABILITY: 'autonomyDegree',
        SERVICE: 'currentStage { id kind providerId }',
      }),
    oneFields: (roles) =>
      when(roles, {
        IDENTITY: 'id snils lastName firstName patronymic birthDate sex municipality version',
        CONTACT: 'address phone email legalCapacity',
        DISABILITY: 'disabilityGroup ipraNumber ipraDate autonomyDegree',
        // The social case (CASE, SERVICE) is read by the case workspace (`cases` below, case/);
        // health details by the health tab and the case's alerts on their own: for a coordinator
        // not running the case they are refused (NOT_CASE_COORDINATOR), and the page must still open.
        EDUCATION: `enrolments { id level organisation programme form startDate endDate status }
          pmpkRecommendations { id issuedOn commission programme conditions }
          guidanceSessions { id heldOn organisation suggestedProfessions }`,
        EMPLOYMENT: `placements { id employer { id name } position workKind startDate endDate supported quota }
          workRecommendations { id workKind verdict ipraNumber }`,
      }),
    filter: {
      input: 'RecipientFilter',
      fields: { name: 'String', snils: 'String', municipality: 'String', degree: 'AutonomyDegree' },
    },
    orderBy: { input: 'RecipientOrder', fields: { lastName: 'NAME', birthDate: 'BIRTH_DATE' } },
    create: { mutation: 'createRecipient', input: 'CreateRecipientInput', fields: RECIPIENT_INPUT },
    update: { mutation: 'updateRecipient', input: 'UpdateRecipientInput', fields: RECIPIENT_INPUT },
  },
  deadlines: {
    list: 'deadlines',
    fields:
      'kind itemId recipientId dueOn daysLate agency providerId recipient { id lastName firstName patronymic }',
    filter: {
      input: 'DeadlineFilter',
      fields: { kinds: '[DeadlineKind!]', agency: 'String', horizonDays: 'Int' },
    },
    idOf: (node) => `${String(node.kind)}:${String(node.itemId)}`,
  },
  providers: {
    list: 'providers',
    one: 'provider',
    fields: 'id name shortName postalAddress municipality phone email forms inn',
    filter: { input: 'ProviderFilter', fields: { municipality: 'String', form: 'ServiceForm' } },
    create: { mutation: 'createProvider', input: 'CreateProviderInput', fields: PROVIDER_INPUT },
    update: { mutation: 'updateProvider', input: 'UpdateProviderInput', fields: PROVIDER_INPUT },
  },
  housingUnits: {
    list: 'housingUnits',
    one: 'housingUnit',
    fields: 'id kind address municipality places occupiedPlaces freePlaces operator { id shortName }',
    oneFields: `id kind address municipality places occupiedPlaces freePlaces operator { id shortName }
      occupants { id recipientId fromDate toDate }`,
    filter: {
      input: 'HousingUnitFilter',
      fields: {
        kind: 'HousingKind',
        municipality: 'String',
        operatorId: 'ID',
        address: 'String',
        withFreePlaces: 'Boolean',
      },
    },
    create: {
      mutation: 'createHousingUnit',
      input: 'CreateHousingUnitInput',
      fields: HOUSING_INPUT,
    },
    update: { mutation: 'updateHousingUnit', input: 'UpdateHousingUnitInput', fields: HOUSING_INPUT },
  },
  staffMembers: {
    list: 'staffMembers',
    fields: 'id fullName role provider { id shortName }',
    args: { providerId: 'ID', name: 'String' },
    create: {
      mutation: 'createStaffMember',
      input: 'CreateStaffMemberInput',
      fields: ['fullName', 'role', 'providerId'],
    },
  },
  /** The person page as the case workspace (case/): the card with what its actions need. */
  cases: { list: '', one: 'recipient', fields: caseSelection },
  /** Its health alerts: readable on the coordinator's own cases only, so asked for apart. */
  caseHealth: { list: '', one: 'recipient', fields: HEALTH_SELECTION },
  /** Active coordinators, by name: whom a case may be handed to. */
  coordinators: {
    list: 'coordinators',
    fields: 'id displayName agencyId',
    args: { name: 'String', ids: '[ID!]' },
  },
  roadmaps: {
    list: 'roadmaps',
    one: 'roadmap',
    fields: 'id region title periodStartYear periodEndYear format filename version importedAt',
    args: { region: 'String' },
  },
  obligations: {
    list: 'obligations',
    one: 'obligation',
    fields: OBLIGATION_FIELDS,
    oneFields: `${OBLIGATION_FIELDS} startDate
      item { id key number measure roadmapId expectedResult deadlineText section { id title }
        targets { index value unit comparator text } }
      reports { id reportedOn text authorName figures { targetIndex value } agency { id name }
        evidence { id displayName mediaType size sha256 downloadUrl } }`,
    filter: {
      input: 'ObligationFilter',
      fields: {
        region: 'String',
        roadmapId: 'ID',
        agencyId: 'ID',
        status: 'ObligationStatus',
        dueBefore: 'String',
      },
    },
  },
  lateObligations: {
    list: 'lateObligations',
    fields: OBLIGATION_FIELDS,
    filter: { input: 'ObligationFilter', fields: { roadmapId: 'ID', agencyId: 'ID' } },
  },
  roadmapItems: {
    list: 'roadmapItems',
    fields: `id key number position measure executorsText deadlineText withdrawn roadmapId
      section { id key number title level }
      executors { id role nameAsWritten agency { id name } }
      obligations { id periodLabel dueDate completedOn status daysOverdue responsibleAgency { id name } }`,
    args: { roadmapId: 'ID', agencyId: 'ID' },
  },
  progressReports: {
    list: '',
    fields: 'id reportedOn text evidence { id displayName }',
    create: {
      mutation: 'reportProgress',
      input: 'ProgressReportInput',
      fields: ['obligationId', 'text', 'reportedOn', 'evidence', 'done'],
    },
  },
  employers: {
    list: 'employers',
    fields: 'id name inn municipality',
    create: {
      mutation: 'createEmployer',
      input: 'CreateEmployerInput',
      fields: ['name', 'inn', 'municipality'],
    },
  },
  vacancies: {
    list: 'vacancies',
    fields: 'id position workKind quota origin openedOn closedOn employer { id name }',
    filter: { input: 'VacancyFilter', fields: { employerId: 'ID', quota: 'Boolean', open: 'Boolean' } },
    create: {
      mutation: 'createVacancy',
      input: 'CreateVacancyInput',
      fields: ['employerId', 'position', 'workKind', 'quota', 'origin', 'openedOn'],
    },
  },
  /** The answering ministry's queue (the coordinator's: what was sent and is still unanswered). */
  interagencyRequests: {
    list: 'interagencyQueue',
    fields: 'id recipientId applicationId agency subject sentOn dueOn answeredOn overdue',
    args: { subject: 'InteragencySubject!' },
  },
  assessments: {
    ...recorded(
      'recordAssessment',
      'RecordAssessmentInput',
      ['assessedOn', 'assessor', 'answers'],
      'id recipientId assessedOn score degree reassessmentDueOn',
    ),
    list: 'assessments',
    fields:
      'id recipientId assessedOn assessor score degree reassessmentDueOn recipient { id lastName firstName patronymic }',
    filter: {
      input: 'AssessmentFilter',
      fields: { degree: 'AutonomyDegree', reassessmentDueBefore: 'LocalDate', assessedFrom: 'LocalDate' },
    },
  },
  enrolments: {
    ...recorded(
      'enrolRecipient',
      'EnrolRecipientInput',
      ['level', 'organisation', 'programme', 'form', 'startDate'],
      'id recipientId level organisation programme startDate status',
    ),
    list: 'enrolments',
    fields: `id recipientId level organisation programme form startDate endDate status
      recipient { id lastName firstName patronymic }`,
    filter: {
      input: 'EnrolmentFilter',
      fields: { level: 'EducationLevel', status: 'EnrolmentStatus', startedFrom: 'LocalDate' },
    },
  },
  pmpkRecommendations: recorded(
    'recordPmpkRecommendation',
    'RecordPmpkRecommendationInput',
    ['issuedOn', 'commission', 'programme', 'conditions'],
    'id recipientId issuedOn commission programme',
  ),
  /** The list is health officers' only (coordinators read conclusions on their own cases, on the card). */
  medicalConclusions: {
    ...recorded(
      'recordMedicalConclusion',
      'RecordMedicalConclusionInput',
      ['issuedOn', 'contraindicationsPresent', 'conditions', 'organisation', 'validUntil'],
      'id recipientId issuedOn organisation validUntil',
    ),
    list: 'medicalConclusions',
    fields: `id recipientId issuedOn organisation contraindicationsPresent validUntil
      recipient { id lastName firstName patronymic }`,
    filter: {
      input: 'MedicalConclusionFilter',
      fields: { contraindicationsPresent: 'Boolean', issuedFrom: 'LocalDate', validUntilBefore: 'LocalDate' },
    },
  },
  placements: {
    ...recorded(
      'placeRecipient',
      'PlaceRecipientInput',
      ['employerId', 'vacancyId', 'position', 'workKind', 'startDate', 'mentorName'],
      'id recipientId position startDate',
    ),
    list: 'placements',
    fields: `id recipientId position workKind startDate endDate supported quota employer { id name }
      recipient { id lastName firstName patronymic }`,
    filter: {
      input: 'PlacementFilter',
      fields: { employerId: 'ID', workKind: 'WorkKind', supported: 'Boolean', current: 'Boolean' },
    },
  },
  /** Health's answer to a request of its queue: the conclusion, then the request marked answered. */
  interagencyAnswers: {
    list: '',
    fields: 'id requestId recipientId answeredOn conclusion { id }',
    create: {
      mutation: 'answerInteragencyRequest',
      input: 'AnswerInteragencyRequestInput',
      fields: ['requestId', 'recipientId', 'conclusion'],
      followedBy: {
        mutation: 'markInteragencyAnswered',
        input: 'MarkInteragencyAnsweredInput',
        variables: (input, created) => ({
          requestId: input.requestId,
          recipientId: input.recipientId,
          answerRecordId: (created.conclusion as { id: string }).id,
          // the case learns from health's own answer whether the conclusion stops a grant (202н)
          contraindicationsPresent:
            (input.conclusion as { contraindicationsPresent?: boolean } | undefined)
              ?.contraindicationsPresent ?? null,
        }),
      },
    },
  },
  /** Whether a scheduled visit took place, and its hours. */
  visitOutcomes: {
    list: '',
    fields: 'id recipientId plannedAt delivered hoursDelivered',
    create: {
      mutation: 'recordVisit',
      input: 'RecordVisitInput',
      fields: ['visitId', 'delivered', 'hoursDelivered'],
    },
  },
  guidanceSessions: recorded(
    'recordGuidanceSession',
    'RecordGuidanceSessionInput',
    ['heldOn', 'organisation', 'suggestedProfessions'],
    'id recipientId heldOn organisation suggestedProfessions',
  ),
  visits: {
    ...recorded(
      'scheduleVisit',
      'ScheduleVisitInput',
      ['staffMemberId', 'plannedAt'],
      'id recipientId plannedAt delivered',
    ),
    list: 'visits',
    fields: `id recipientId plannedAt delivered hoursDelivered
      staffMember { id fullName role provider { id shortName } }
      recipient { id lastName firstName patronymic }`,
    filter: {
      input: 'VisitFilter',
      fields: {
        staffMemberId: 'ID',
        providerId: 'ID',
        delivered: 'Boolean',
        from: 'LocalDate',
        to: 'LocalDate',
      },
    },
  },
  councilMeetings: {
    list: 'councilMeetings',
    fields: (roles) => `id region heldOn agenda attendees protocolNumber protocol
      decisions { ${decisionFields(roles)} }`,
    args: { region: 'String' },
    create: {
      mutation: 'createCouncilMeeting',
      input: 'CouncilMeetingInput',
      fields: ['region', 'heldOn', 'agenda', 'attendees', 'protocolNumber', 'protocol'],
    },
  },
  councilDecisions: {
    list: 'councilDecisions',
    fields: decisionFields,
    filter: {
      input: 'DecisionFilter',
      fields: { meetingId: 'ID', assigneeAgencyId: 'ID', overdue: 'Boolean', status: 'String' },
    },
    create: {
      mutation: 'addCouncilDecision',
      input: 'DecisionInput',
      fields: [
        'number',
        'text',
        'assigneeAgencyId',
        'dueDate',
        'itemIds',
        'recipientIds',
        'peopleCount',
        'peopleIndicator',
      ],
      args: { meetingId: 'ID!' },
    },
  },
  agencies: {
    list: 'agencies',
    one: 'agency',
    fields: 'id region name abbreviations kind',
    args: { region: 'String' },
    create: {
      mutation: 'createAgency',
      input: 'CreateAgencyInput',
      fields: ['region', 'name', 'abbreviations', 'kind'],
    },
    update: {
      mutation: 'updateAgency',
      input: 'UpdateAgencyInput',
      fields: ['name', 'abbreviations', 'kind'],
    },
  },
  auditEvents: {
    list: 'auditEvents',
    fields: `id occurredAt subgraph operation actorKind actorId actorName agencyId roles ip action recipientId
      recipient { id fullName } fields entity entityId breakGlass after`,
    filter: {
      input: 'AuditFilter',
      fields: {
        recipientId: 'ID',
        actorId: 'String',
        actorName: 'String',
        agencyId: 'String',
        operation: 'String',
        action: 'AuditAction',
        breakGlass: 'Boolean',
        from: 'DateTimeISO',
        to: 'DateTimeISO',
      },
    },
  },
  accounts: {
    list: 'accounts',
    fields: 'id login displayName roles agencyId providerId active lockedUntil createdAt',
    create: {
      mutation: 'createAccount',
      input: 'CreateAccountInput',
      fields: ['login', 'displayName', 'password', 'roles', 'agencyId', 'providerId'],
    },
    update: {
      mutation: 'updateAccount',
      input: 'UpdateAccountInput',
      fields: ['displayName', 'roles', 'agencyId', 'providerId'],
    },
  },
  apiClients: {
    list: 'apiClients',
    fields: 'id name agencyId roles allowedOperations createdAt rotatedAt revokedAt',
  },
  ...ministryRegistry,
};
