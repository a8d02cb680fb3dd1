import { raw } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { Access, type BaseContext, ForbiddenError, LocalDate, requireRoles } from '@sl/core';
import { IsOptional, Length } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { HousingKind } from '../housing/housing.enums.js';
import type { Recipient } from '../recipient/recipient.entity.js';

/**
 * The people behind the Council's application and housing figures, as `recipients` filters: each
 * condition is the figure's own rule (migration `figure_days`, `social.figure_intervals`) on a date,
 * so a municipality's list holds the people its figure counts.
 */
export enum PendingApplicationState {
  PENDING = 'PENDING',
  OVERDUE = 'OVERDUE',
}
registerEnumType(PendingApplicationState, {
  name: 'PendingApplicationState',
  valuesConfig: {
    PENDING: { description: 'Submitted by the date and not decided by it (`applications.pending`)' },
    OVERDUE: {
      description: 'Pending on the date and its decision due before it (`applications.pendingOverdue`)',
    },
  },
});

@InputType({
  description:
    'People with an application pending on a date (the people behind `applications.pending` / `pendingOverdue`; with `municipality`, where the person lives, as the figure counts)',
})
export class PendingApplicationFilter {
  @Field(() => PendingApplicationState, { defaultValue: PendingApplicationState.PENDING })
  state: PendingApplicationState = PendingApplicationState.PENDING;

  @Field(() => LocalDate, { nullable: true, description: 'The day counted on; today when absent' })
  @IsOptional()
  asOf?: string | null;
}

@InputType({
  description:
    'People holding a place of a housing kind on a date, in a unit of a municipality (the people behind `trainingFlatOccupied` and `housing.occupied`)',
})
export class HousingPlaceFilter {
  @Field(() => HousingKind)
  kind!: HousingKind;

  @Field(() => String, {
    nullable: true,
    description: 'Where the unit stands (the housing figures count places by the unit’s municipality)',
  })
  @IsOptional()
  @Length(1, 200, { message: 'Муниципальное образование: от 1 до 200 символов' })
  municipality?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The day counted on; today when absent' })
  @IsOptional()
  asOf?: string | null;
}

/**
 * These filters tell what a person's case holds: an application pending is the social case
 * (`Access.CASE`), a housing place the case as the provider delivers it (`Access.SERVICE`). A reader
 * of names only (an officer) is refused rather than served a list that would reveal it.
 */
export function requireFigureAccess(
  ctx: BaseContext,
  filter: { pendingApplication?: unknown; housing?: unknown } | undefined,
): void {
  try {
    if (filter?.pendingApplication) requireRoles(ctx, Access.CASE);
    if (filter?.housing) requireRoles(ctx, Access.SERVICE);
  } catch (error) {
    // Recorded as the graph records any refused read (`authChecker`).
    if (error instanceof ForbiddenError) ctx.audit?.refused(null, 'Query.recipients', error.code);
    throw error;
  }
}

/** The filter's day, or the request's: a figure is always counted on a day. */
function dayOf(filter: { asOf?: string | null }, today: string | null): string {
  const day = filter.asOf ?? today;
  if (!day) throw new Error('a figure filter is counted on a day: pass the request’s');
  return day;
}

export function pendingApplicationCondition(
  filter: PendingApplicationFilter,
  today: string | null,
): FilterQuery<Recipient> {
  const day = dayOf(filter, today);
  const overdue = filter.state === PendingApplicationState.OVERDUE;
  return {
    [raw(
      (alias) =>
        `exists (select 1 from social.application pa where pa.recipient_id = ${alias}.id
          and pa.submitted_on <= ?::date and (pa.decided_on is null or pa.decided_on > ?::date)
          ${overdue ? 'and pa.decision_due_on < ?::date' : ''})`,
      overdue ? [day, day, day] : [day, day],
    )]: [],
  } as FilterQuery<Recipient>;
}

export function housingPlaceCondition(
  filter: HousingPlaceFilter,
  today: string | null,
): FilterQuery<Recipient> {
  const day = dayOf(filter, today);
  const municipality = filter.municipality ?? null;
  return {
    [raw(
      (alias) =>
        `exists (select 1 from social.housing_occupancy ho join social.housing_unit hu on hu.id = ho.unit_id
          where ho.recipient_id = ${alias}.id and hu.kind = ? and (?::text is null or hu.municipality = ?)
          and ho.from_date <= ?::date and (ho.to_date is null or ho.to_date > ?::date))`,
      [filter.kind, municipality, municipality, day, day],
    )]: [],
  } as FilterQuery<Recipient>;
}
