import { granted } from '../auth/authProvider';
import { regionToday, shiftDays } from './format';
import type { KeptAnswer } from './questionnaire/QuestionnaireInputs';

/**
 * The person's case as the workspace reads it: one query (`cases` in the registry) with what the
 * summary, the next-step actions and their forms need, limited to what the roles may read.
 */
export function caseSelection(roles: string[]): string {
  // Visits from a month back (what awaits its outcome) to two months ahead (what is planned).
  const from = shiftDays(regionToday(), -31);
  const to = shiftDays(regionToday(), 62);
  const parts = [
    'id snils lastName firstName patronymic birthDate municipality autonomyDegree',
    granted(roles, 'CONTACT') && 'representative { kind fullName }',
    granted(roles, 'CASE') &&
      `caseCoordinatorIds
      applications { id submittedOn appliedBy status decisionDueOn decision refusalGround decidedOn
        consentToAssessmentOn consentToDataProcessingOn documents { kind receivedOn files { id fileName } } missingDocuments
        eligibilityProblems { code message } notices { id informedOn method letterGenerated }
        decisionAnnulledAt decisionAnnulledBy decisionAnnulmentReason }
      terminations { id reason groundOn effectiveOn note annulledAt annulledBy annulmentReason }
      documents { id kind fileName mediaType size uploadedAt uploadedBy checklistItem applicationId downloadUrl }
      assessments { id assessedOn assessor score degree reassessmentDueOn
        recommendedService { code name hours { min max per } }
        answers { category question levelLabel points }
        annulledAt annulledBy annulmentReason }
      interagencyRequests { id applicationId agency subject sentOn dueOn answeredOn answer status }
      possibleDuplicates { id lastName firstName patronymic birthDate snils }`,
    granted(roles, 'CONSENT') &&
      'consentsInForce { id kind sharedWith agencyId effectiveOn document } consents { id kind sharedWith agencyId action effectiveOn }',
    granted(roles, 'SERVICE') &&
      `stages { id kind startedOn endedOn current providerId serviceType plannedHours plannedHoursPer terminationReason
        readinessReviews { id ordinal period reviewedOn outcome note } }
      housing { current { id fromDate unit { id address kind municipality } } }
      servicePlans { id hoursPerWeek fromDate toDate provider { id shortName } }
      team { id fromDate staffMember { id fullName role provider { id shortName } } }
      rehabilitationRoute { id approvedOn provider { id shortName } goals { id text targetDate status } }
      visits(from: "${from}", to: "${to}") { id plannedAt delivered hoursDelivered recordedAt
        staffMember { id fullName role } }`,
    // Health details only on the coordinator's own case: the server refuses the rest, so the
    // workspace asks for them in a query of their own (caseHealthSelection) that may fail alone.
  ];
  return parts.filter(Boolean).join('\n');
}

export const HEALTH_SELECTION =
  'id medicalConclusions { id issuedOn contraindicationsPresent organisation validUntil }';

export interface CaseApplication {
  id: string;
  submittedOn: string;
  appliedBy: string;
  status: 'SUBMITTED' | 'UNDER_REVIEW' | 'DECIDED';
  decisionDueOn: string;
  decision: string | null;
  refusalGround: string | null;
  decidedOn: string | null;
  consentToAssessmentOn: string | null;
  consentToDataProcessingOn: string | null;
  documents: { kind: string; receivedOn: string; files: { id: string; fileName: string }[] }[];
  missingDocuments: string[];
  eligibilityProblems: { code: string; message: string }[];
  /** How the person was informed of the decision (001 §13). */
  notices: { id: string; informedOn: string; method: string; letterGenerated: boolean }[];
  /** A wrong decision annulled (issue 23): it stays, marked. */
  decisionAnnulledAt: string | null;
  decisionAnnulledBy: string | null;
  decisionAnnulmentReason: string | null;
}

/** An end of supported living (001 §17), annulled or in force. */
export interface CaseTermination {
  id: string;
  reason: string;
  groundOn: string;
  effectiveOn: string;
  note: string;
  annulledAt: string | null;
  annulledBy: string | null;
  annulmentReason: string | null;
}

/** A file of the case (issue 23), without its content. */
export interface CaseDocumentRow {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
  checklistItem: string | null;
  applicationId: string | null;
  downloadUrl: string;
}

export interface CaseStage {
  id: string;
  kind: 'PREPARATORY' | 'TRAINING' | 'MAIN';
  startedOn: string;
  endedOn: string | null;
  current: boolean;
  providerId: string | null;
  serviceType: string | null;
  plannedHours: number | null;
  plannedHoursPer: string | null;
  terminationReason: string | null;
  readinessReviews: {
    id: string;
    ordinal: number;
    period: number;
    reviewedOn: string;
    outcome: string;
    note: string;
  }[];
}

export interface CaseRecord {
  id: string;
  snils: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
  municipality: string;
  autonomyDegree: string | null;
  representative?: { kind: string; fullName: string } | null;
  caseCoordinatorIds?: string[];
  applications?: CaseApplication[];
  terminations?: CaseTermination[];
  documents?: CaseDocumentRow[];
  assessments?: {
    id: string;
    assessedOn: string;
    assessor: string;
    score: number;
    degree: string;
    reassessmentDueOn: string;
    answers: KeptAnswer[] | null;
    annulledAt: string | null;
    annulledBy: string | null;
    annulmentReason: string | null;
    recommendedService: {
      code: string;
      name: string;
      hours: { min: number; max: number; per: 'WEEK' | 'DAY' };
    };
  }[];
  interagencyRequests?: {
    id: string;
    applicationId: string | null;
    agency: string;
    subject: string;
    sentOn: string;
    dueOn: string;
    answeredOn: string | null;
    answer: string | null;
    status: string;
  }[];
  possibleDuplicates?: {
    id: string;
    lastName: string;
    firstName: string;
    patronymic: string | null;
    birthDate: string;
    snils: string;
  }[];
  consentsInForce?: {
    id: string;
    kind: string;
    sharedWith: string | null;
    agencyId: string | null;
    effectiveOn: string;
    document: string | null;
  }[];
  stages?: CaseStage[];
  housing?: {
    current: {
      id: string;
      fromDate: string;
      unit: { id: string; address: string; kind: string; municipality: string };
    } | null;
  };
  servicePlans?: {
    id: string;
    hoursPerWeek: number;
    fromDate: string;
    toDate: string | null;
    provider: { id: string; shortName: string };
  }[];
  team?: {
    id: string;
    fromDate: string;
    staffMember: { id: string; fullName: string; role: string; provider: { id: string; shortName: string } };
  }[];
  rehabilitationRoute?: {
    id: string;
    approvedOn: string;
    provider: { id: string; shortName: string };
    goals: { id: string; text: string; targetDate: string; status: string }[];
  } | null;
  visits?: {
    id: string;
    plannedAt: string;
    delivered: boolean;
    hoursDelivered: number | null;
    recordedAt: string | null;
    staffMember: { id: string; fullName: string; role: string };
  }[];
}
