import { Connection, LocalDate } from '@sl/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ReadinessReviewDueStatus {
  /** The window opens within the horizon or is open now. */
  DUE = 'DUE',
  /** The window closed without a review. */
  LATE = 'LATE',
}
registerEnumType(ReadinessReviewDueStatus, { name: 'ReadinessReviewDueStatus' });

/** A person in training whose next readiness review (seed 002 §15.2) is due or late. */
@ObjectType({ description: 'A readiness review due or late (seed 002 §15.2)' })
export class ReadinessReviewDue {
  @Field(() => ID)
  recipientId!: string;

  @Field(() => ID, { description: 'The training stage' })
  stageId!: string;

  @Field(() => ID, { nullable: true, description: 'The provider serving the person' })
  providerId!: string | null;

  @Field(() => LocalDate)
  trainingStartedOn!: string;

  @Field(() => Int, { description: 'Which review is next: 1 to 4' })
  reviewNumber!: number;

  @Field(() => LocalDate, { description: 'First day of the half-year window the review is due in' })
  dueFrom!: string;

  @Field(() => LocalDate, { description: 'Last day of that window' })
  dueBy!: string;

  @Field(() => ReadinessReviewDueStatus)
  status!: ReadinessReviewDueStatus;
}

@ObjectType()
export class ReadinessReviewDueConnection extends Connection(ReadinessReviewDue, 'ReadinessReviewDue') {}
