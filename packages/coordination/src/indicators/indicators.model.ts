import { LocalDate } from '@sl/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Comparator } from '../roadmap/targets.js';

/** The scope key of the whole region; any other scope is a municipality's name. */
export const REGION_SCOPE = 'region';

/**
 * The Council's figures for one scope on one date. A federated entity: coordination owns it and
 * answers the roadmap and Council figures; every other subgraph adds the figures of the data it
 * owns by resolving the same key, so no subgraph reads another's tables.
 */
@Directive('@key(fields: "scope asOf")')
@ObjectType('Indicators', {
  description: 'Live indicators of one scope (region or municipality) as of a date',
})
export class Indicators {
  @Field(() => String, { description: '`region`, or the name of a municipality' })
  scope!: string;

  @Field(() => LocalDate, { description: 'Every figure is counted as of the end of this day' })
  asOf!: string;

  /** The roadmaps the roadmap figures count (`indicators(region, roadmapId)`); all when absent. */
  roadmapRegion?: string | null;
  roadmapId?: string | null;
}

@ObjectType({
  description:
    'Roadmap obligations of one executing agency (responsible or co-executing), or of all, by status as of the date',
})
export class ExecutionCounts {
  @Field(() => ID, { nullable: true, description: 'Null in the totals and for unresolved executors' })
  agencyId!: string | null;

  @Field(() => String, { nullable: true })
  agencyName!: string | null;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  done!: number;

  @Field(() => Int, { description: 'Of `done`: completed after the due date' })
  doneLate!: number;

  @Field(() => Int, { description: 'Not done, not yet due, with a progress report by the date' })
  inProgress!: number;

  @Field(() => Int, { description: 'Not done, not yet due, nothing reported by the date' })
  notStarted!: number;

  @Field(() => Int, { description: 'Not done by the date and due before it' })
  late!: number;
}

@ObjectType({ description: 'A measurable target of a roadmap item that an indicator is measured against' })
export class IndicatorTarget {
  @Field(() => String, {
    description: 'The `Indicators` field the target applies to, e.g. trainingFlatPlaces',
  })
  indicator!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => Comparator)
  comparator!: Comparator;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { description: 'The phrase of the expected result the target was read from' })
  text!: string;

  @Field(() => String, { description: 'Roadmap item number as written (or its key)' })
  itemNumber!: string;

  @Field(() => ID)
  itemId!: string;

  @Field(() => String)
  roadmapTitle!: string;
}
