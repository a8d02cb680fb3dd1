import { LocalDate } from '@sl/core';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { HousingKind } from '../housing/housing.enums.js';

/**
 * The `Indicators` entity as social sees it: only the key. Coordination owns it; social adds the
 * figures of the case it owns. A class per subgraph so that schemas built in one process stay apart.
 */
@Directive('@key(fields: "scope asOf")')
@ObjectType('Indicators')
export class SocialIndicators {
  @Field(() => String)
  scope!: string;

  @Field(() => LocalDate)
  asOf!: string;
}

@ObjectType({
  description: 'Applications for supported living as of the date (seed 001 §14: 10-day decision)',
})
export class ApplicationFigures {
  @Field(() => Int, { description: 'Submitted by the date' })
  submitted!: number;

  @Field(() => Int, { description: 'Decided by the date' })
  decided!: number;

  @Field(() => Int, { description: 'Decided by the date and within the decision deadline' })
  decidedOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'decidedOnTime / decided, 0–1; null when none decided' })
  shareDecidedOnTime!: number | null;

  @Field(() => Int, { description: 'Submitted and not decided by the date' })
  pending!: number;

  @Field(() => Int, { description: 'Pending with the decision deadline passed' })
  pendingOverdue!: number;
}

@ObjectType({ description: 'A count of people under one key (a stage, a degree, a service type)' })
export class PeopleCount {
  @Field(() => String)
  key!: string;

  @Field(() => String, { nullable: true, description: 'The name as the records write it, when there is one' })
  label!: string | null;

  @Field(() => Int)
  people!: number;
}

@ObjectType({ description: 'Housing of one kind: units, places and places occupied on the date' })
export class HousingFigures {
  @Field(() => HousingKind)
  kind!: HousingKind;

  @Field(() => Int)
  units!: number;

  @Field(() => Int)
  places!: number;

  @Field(() => Int)
  occupied!: number;
}
