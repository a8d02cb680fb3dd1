import { Access, LocalDate, Personal } from '@sl/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What is due; each kind has its SQL source in `deadline.sources.ts`. */
export enum DeadlineKind {
  DECISION = 'DECISION',
  REASSESSMENT = 'REASSESSMENT',
  INTERAGENCY_REQUEST = 'INTERAGENCY_REQUEST',
  READINESS_REVIEW = 'READINESS_REVIEW',
  // issue 23: raised by the case rules (case-rules.sources.ts)
  CONTRAINDICATION = 'CONTRAINDICATION',
  READINESS_EXHAUSTED = 'READINESS_EXHAUSTED',
  NEED_TERM = 'NEED_TERM',
  IPPSU_TERM = 'IPPSU_TERM',
  SERVICE_HOURS = 'SERVICE_HOURS',
}
registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  valuesConfig: {
    DECISION: { description: 'решение по заявлению не принято в 10 дней (001 §14)' },
    REASSESSMENT: {
      description: 'повторное установление нуждаемости в ближайшие дни или просрочено (001 §15)',
    },
    INTERAGENCY_REQUEST: { description: 'нет ответа на межведомственный запрос в срок (001 §4)' },
    READINESS_REVIEW: {
      description:
        'оценка готовности на учебном этапе: полугодие открыто или просрочено; срок — последний день полугодия (002 §15.2)',
    },
    CONTRAINDICATION: {
      description: 'медицинское заключение выявило противопоказания (001 §3 д, приказ 202н)',
    },
    READINESS_EXHAUSTED: {
      description:
        'все оценки готовности проведены, готовность не подтверждена: прекратить или переоценить (002 §15.2)',
    },
    NEED_TERM: { description: 'срок нуждаемости истекает или истёк (001 §10)' },
    IPPSU_TERM: { description: 'срок ИППСУ истекает или истёк (001 §17)' },
    SERVICE_HOURS: {
      description:
        'план обслуживания недовыполнен: за прошлую неделю оказано меньше часов, чем запланировано (002 §14); срок — воскресенье той недели',
    },
  },
});

/** One thing due or late; not stored — computed from the case records by DeadlineService. */
@ObjectType({ description: 'Срок: что должно быть сделано, по кому, когда и насколько просрочено' })
export class Deadline {
  @Field(() => DeadlineKind)
  kind!: DeadlineKind;

  @Field(() => ID, {
    description: 'The application, assessment, request or (readiness review) training stage it belongs to',
  })
  itemId!: string;

  @Field(() => ID)
  recipientId!: string;

  @Personal(Access.CASE)
  @Field(() => LocalDate)
  dueOn!: string;

  @Personal(Access.CASE)
  @Field(() => Int, { description: 'Days past the due date as of today; negative = days left' })
  daysLate!: number;

  @Personal(Access.CASE)
  @Field(() => String, { nullable: true, description: 'Agency an interagency request waits for' })
  agency!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Provider serving the person: the current stage's, else the open service plan's",
  })
  providerId!: string | null;

  @Personal(Access.CASE)
  @Field(() => Float, {
    nullable: true,
    description: 'SERVICE_HOURS: hours planned for the week (the open plan) — and `hoursDelivered` beside it',
  })
  hoursPlanned!: number | null;

  @Personal(Access.CASE)
  @Field(() => Float, {
    nullable: true,
    description: 'SERVICE_HOURS: hours of the visits delivered that week',
  })
  hoursDelivered!: number | null;

  /** Who runs the case (not a field: `caseCoordinator` gives the colleague by reference). */
  caseCoordinatorId!: string | null;
}
