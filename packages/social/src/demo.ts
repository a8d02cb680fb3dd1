import {
  DEMO_COORDINATOR_ACCOUNT_ID,
  DEMO_TODAY,
  type DemoPerson,
  type DemoSeeder,
  interagencyAgencyOf,
  type RowFactory,
} from '@sl/core';
import { Application, ApplicationDocument } from './application/application.entity.js';
import {
  ApplicationDocumentKind,
  ApplicationStatus,
  AppliedBy,
  Decision,
} from './application/application.enums.js';
import { Assessment, HoursPer } from './assessment/assessment.entity.js';
import { seedConsentDemo } from './consent/consent.demo.js';
import { type HousingDemoState, seedHousingPlaces, seedHousingUnits } from './housing/housing.demo.js';
import { InteragencyAnswer } from './interagency/interagency-answer.entity.js';
import {
  AnswerSource,
  InteragencyRequest,
  InteragencySubject,
} from './interagency/interagency-request.entity.js';
import { Provider } from './provider/provider.entity.js';
import { ProviderService } from './provider/provider.service.js';
import { LifeLimitations, Recipient, Representative } from './recipient/recipient.entity.js';
import {
  AutonomyDegree,
  DisabilityGroup,
  LegalCapacity,
  LIFE_CATEGORIES,
  RepresentativeKind,
  Sex,
} from './recipient/recipient.enums.js';
import { RuleSet } from './rules/rule-set.js';
import { seedServicesPeople, seedStaff } from './services/services.demo.js';
import { type GrantedCase, seedStageDemo } from './stage/stage.demo.js';

const STREETS = ['ул. Ленина', 'ул. Гагарина', 'ул. Садовая', 'пр-т Мира', 'ул. Советская', 'ул. Молодёжная'];
const GROUPS = [
  DisabilityGroup.GROUP_1,
  DisabilityGroup.GROUP_2,
  DisabilityGroup.GROUP_2,
  DisabilityGroup.GROUP_3,
];

/** The person's record, filled deterministically from their index. */
export function demoRecipient(rows: RowFactory, p: DemoPerson): Recipient {
  const i = p.index;
  const limitations = new LifeLimitations();
  LIFE_CATEGORIES.forEach((category, k) => {
    limitations[category] = (i + k * 2) % 4;
  });
  // Every tenth person has limitations of degree 0–1 only: not eligible (002 §2).
  if (i % 10 === 7) for (const category of LIFE_CATEGORIES) limitations[category] = (i + category.length) % 2;
  const capacity = i % 5 === 3 ? LegalCapacity.LIMITED : LegalCapacity.FULL;
  const representative =
    capacity === LegalCapacity.LIMITED
      ? Object.assign(new Representative(), {
          kind: i % 2 === 0 ? RepresentativeKind.LEGAL : RepresentativeKind.AUTHORISED,
          fullName: `${p.lastName} ${i % 2 === 0 ? 'Ирина Петровна' : 'Сергей Иванович'}`,
          identityDocument: `паспорт ${String(4500 + (i % 400)).padStart(4, '0')} ${String(100000 + i * 37).slice(0, 6)}`,
          authorityDocument:
            i % 2 === 0 ? `распоряжение опеки № ${100 + i}` : `доверенность № 40АА${String(1000 + i)}`,
        })
      : null;
  return rows.create(Recipient, {
    id: p.id,
    snils: p.snils,
    lastName: p.lastName,
    firstName: p.firstName,
    patronymic: p.patronymic,
    birthDate: p.birthDate,
    sex: p.sex === 'MALE' ? Sex.MALE : Sex.FEMALE,
    municipality: p.municipality,
    address: `${p.municipality}, ${STREETS[i % STREETS.length]}, д. ${1 + (i % 48)}, кв. ${1 + ((i * 7) % 120)}`,
    phone: `+7 9${String(10 + (i % 90))} ${String(100 + ((i * 13) % 900))}-${String(10 + (i % 90))}-${String(10 + ((i * 3) % 90))}`,
    email: i % 3 === 0 ? `person${i}@example.ru` : null,
    legalCapacity: capacity,
    representative,
    disabilityGroup: GROUPS[i % GROUPS.length]!,
    ipraNumber: `${1000 + i}.${40 + (i % 10)}.${i % 2 === 0 ? '40' : '51'}/2025`,
    ipraDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    limitations,
    caseCoordinatorId: DEMO_COORDINATOR_ACCOUNT_ID,
  });
}

export { DEMO_TODAY };

// Calendar days in UTC: the same dates as date-fns in local time, at a fraction of the cost per row.
const plus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Each person's case as their journey (core's `demoJourney`, which every ministry's demo reads too)
 * tells it: every tenth a fresh application (some past the 10 days), every tenth under review, the
 * ineligible ones (index ending in 7) offered another form of service, the rest granted — a tenth
 * of them with a re-assessment due about now.
 */
function demoCase(rows: RowFactory, p: DemoPerson, recipient: Recipient, rules: RuleSet): GrantedCase | null {
  const i = p.index;
  const stage = i % 10;
  const { application: outcome, appliedOn: submittedOn } = p.journey;
  const decided = outcome === 'GRANTED' || outcome === 'OTHER_FORM';
  const representative = recipient.representative !== null;
  const application = rows.create(Application, {
    recipientId: p.id,
    submittedOn,
    appliedBy: representative ? AppliedBy.REPRESENTATIVE : AppliedBy.PERSON,
    consentToAssessmentOn: submittedOn,
    consentToDataProcessingOn: stage === 0 && i % 3 === 0 ? null : submittedOn,
    decisionDueOn: rules.decisionDueDate(submittedOn),
    status: decided
      ? ApplicationStatus.DECIDED
      : outcome === 'UNDER_REVIEW'
        ? ApplicationStatus.UNDER_REVIEW
        : ApplicationStatus.SUBMITTED,
  });
  seedConsentDemo(rows, p.id, submittedOn);
  const kinds = [ApplicationDocumentKind.IDENTITY_DOCUMENT];
  if (stage !== 0) kinds.push(ApplicationDocumentKind.IPPSU);
  if (i % 4 === 0) kinds.push(ApplicationDocumentKind.MEDICAL_CONCLUSION);
  if (representative) {
    kinds.push(
      ApplicationDocumentKind.REPRESENTATIVE_IDENTITY,
      ApplicationDocumentKind.REPRESENTATIVE_AUTHORITY,
    );
  }
  for (const kind of kinds) {
    rows.create(ApplicationDocument, { applicationId: application.id, kind, receivedOn: submittedOn });
  }
  const subjects = [
    InteragencySubject.RESIDENCE_REGISTRATION,
    InteragencySubject.DISABILITY_FACT,
    InteragencySubject.IPRA,
  ];
  subjects.forEach((subject, k) => {
    const sentOn = plus(submittedOn, 1);
    const dueOn = rules.interagencyDueDate(sentOn);
    // Fresh cases wait for some answers; one in seven of those is already late.
    const answered = decided || (k === 0 && dueOn < DEMO_TODAY) || (stage === 1 && k < 2);
    const answeredOn = answered ? plus(sentOn, 1 + ((i + k) % 4)) : null;
    const inTime = answeredOn && answeredOn <= DEMO_TODAY ? answeredOn : null;
    // These agencies are outside the graph: their answers are paper ones the coordinator marked.
    const agency = interagencyAgencyOf(rules.data.region, subject);
    const request = rows.create(InteragencyRequest, {
      recipientId: p.id,
      applicationId: application.id,
      agencyId: agency.id,
      agency: agency.name,
      subject,
      sentOn,
      dueOn,
      answeredOn: inTime,
      answer: inTime ? 'Сведения представлены' : null,
      answerSource: inTime ? AnswerSource.PAPER : null,
    });
    if (inTime) {
      rows.create(InteragencyAnswer, {
        requestId: request.id,
        source: AnswerSource.PAPER,
        answeredOn: inTime,
        answer: 'Сведения представлены',
        document: `исх. № ${1000 + i * 3 + k} от ${inTime}`,
        inForce: true,
      });
    }
  });
  if (stage === 0) return null;
  const assessedOn = plus(submittedOn, 3) <= DEMO_TODAY ? plus(submittedOn, 3) : submittedOn;
  const score = stage === 7 ? 23 + (i % 40) : 40 + ((i * 37) % 232);
  const { degree, serviceType } = rules.assess(score);
  const assessment = rows.create(Assessment, {
    recipientId: p.id,
    assessedOn,
    assessor: i % 2 === 0 ? 'Смирнова О. Н., специалист по социальной работе' : 'Волков Д. А., психолог',
    score,
    answers: rules.scoreQuestionnaire(rules.answersTotalling(score)).answers,
    degree: degree as AutonomyDegree,
    region: rules.data.region,
    serviceTypeCode: serviceType.code,
    serviceTypeName: serviceType.name,
    hoursMin: serviceType.hours.min,
    hoursMax: serviceType.hours.max,
    hoursPer: serviceType.hours.per as HoursPer,
    reassessmentDueOn: rules.reassessmentDueDate(assessedOn),
  });
  recipient.autonomyDegree = degree as AutonomyDegree;
  if (!decided) return null;
  application.decidedOn = plus(submittedOn, 7);
  const granted = outcome === 'GRANTED';
  application.decision = granted ? Decision.GRANTED : Decision.OTHER_FORM;
  application.assessmentId = granted ? assessment.id : null;
  // 001 §10: the term of need the grant sets runs to the re-assessment.
  application.needUntil = granted ? assessment.reassessmentDueOn : null;
  return granted ? { person: p, decidedOn: application.decidedOn, assessment } : null;
}

interface SocialDemoState {
  rules: RuleSet;
  /** The registry's providers' ids, by name. */
  providers: string[];
  /** Each provider's team's staff ids. */
  staff: Map<string, string[]>;
  housing: HousingDemoState;
}

/**
 * The Murmansk registry is real reference data: in any region's demo it serves as the registry;
 * its providers' staff and the housing units are written with it, once. Then each person's case as
 * their journey tells it; stages only after a grant; housing, the plan and the team from the start
 * of training with the stage's provider; all of it closed on a termination.
 */
export const socialDemo: DemoSeeder<SocialDemoState> = {
  hasData: async (em) => (await em.count(Recipient, {})) > 0,
  async reference(em, first, { region, profile }) {
    await ProviderService.seedRegistry(em, 'murmansk');
    const providers = await em.find(Provider, {}, { orderBy: { name: 'asc' } });
    const staff = seedStaff(em, providers);
    const units = seedHousingUnits(em, first, providers);
    await em.flush();
    return {
      rules: RuleSet.for(region),
      providers: providers.map((p) => p.id),
      staff: new Map([...staff].map(([id, members]) => [id, members.map((m) => m.id)])),
      housing: {
        units: units.map((u) => ({ id: u.id, places: u.places, taken: 0 })),
        cursor: 0,
        grow: profile.scale.large,
        providers: providers.map((p) => p.id),
      },
    };
  },
  people(rows, people, state, { profile }) {
    const granted: GrantedCase[] = [];
    for (const p of people) {
      const grant = demoCase(rows, p, demoRecipient(rows, p), state.rules);
      if (grant) granted.push(grant);
    }
    const providers = state.providers.map((id) => rows.getReference(Provider, id));
    const outcomes = seedStageDemo(rows, granted, providers, state.rules, DEMO_TODAY);
    seedHousingPlaces(rows, people, outcomes, state.housing, DEMO_TODAY);
    seedServicesPeople(rows, outcomes, state.staff, DEMO_TODAY, profile.scale.visitWeeks);
  },
};
