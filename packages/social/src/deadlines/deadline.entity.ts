import { Access, LocalDate, Personal } from '@sl/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What is due. The stages part adds READINESS_REVIEW (002 §15.2) with its own source. */
export enum DeadlineKind {
  DECISION = 'DECISION',
  REASSESSMENT = 'REASSESSMENT',
  INTERAGENCY_REQUEST = 'INTERAGENCY_REQUEST',
}
registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  valuesConfig: {
    DECISION: { description: 'решение по заявлению не принято в 10 дней (001 §14)' },
    REASSESSMENT: {
      description: 'повторное установление нуждаемости в ближайшие дни или просрочено (001 §15)',
    },
    INTERAGENCY_REQUEST: { description: 'нет ответа на межведомственный запрос в срок (001 §4)' },
  },
});

/** One thing due or late; not stored — computed from the case records by DeadlineService. */
@ObjectType({ description: 'Срок: что должно быть сделано, по кому, когда и насколько просрочено' })
export class Deadline {
  @Field(() => DeadlineKind)
  kind!: DeadlineKind;

  @Field(() => ID, { description: 'The application, assessment or request the deadline belongs to' })
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

  @Field(() => ID, { nullable: true, description: 'Provider concerned (stages and services)' })
  providerId!: string | null;
}
