import { Access, Connection, localDateOf, PageArgs, Personal, type SubgraphContext } from '@sl/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { SocialLoaders } from '../loaders.js';
import { Provider } from '../provider/provider.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { visibleToCaller } from '../recipient/recipient.narrowing.js';
import {
  AssignHousingInput,
  CreateHousingUnitInput,
  HousingUnitFilter,
  UpdateHousingUnitInput,
  VacateHousingInput,
} from './housing.inputs.js';
import { HousingService } from './housing.service.js';
import { HousingOccupancy } from './housing-occupancy.entity.js';
import { HousingUnit } from './housing-unit.entity.js';

@ObjectType()
export class HousingUnitConnection extends Connection(HousingUnit, 'HousingUnit') {}

@ObjectType({ description: "A person's place of living: the current one and every one before" })
export class HousingHistory {
  @Field(() => HousingOccupancy, { nullable: true, description: 'The open place, if any' })
  current!: HousingOccupancy | null;

  @Field(() => [HousingOccupancy], { description: 'All places, newest first, the current one included' })
  history!: HousingOccupancy[];
}

type SocialContext = SubgraphContext<SocialLoaders>;
const today = (ctx: SocialContext) => localDateOf(ctx.clock.now());

@Resolver(() => HousingUnit)
export class HousingUnitResolver {
  @Authorized(Access.REFERENCE)
  @Query(() => HousingUnitConnection, { description: 'Housing units, by address' })
  housingUnits(
    @Ctx() ctx: SocialContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => HousingUnitFilter, { nullable: true }) filter?: HousingUnitFilter,
  ) {
    return new HousingService(ctx.em).list(filter, page);
  }

  @Authorized(Access.REFERENCE)
  @Query(() => HousingUnit, { description: 'One housing unit by id' })
  housingUnit(@Ctx() ctx: SocialContext, @Arg('id', () => ID) id: string) {
    return new HousingService(ctx.em).get(id);
  }

  @Authorized(Access.REFERENCE)
  @FieldResolver(() => Provider, { nullable: true, description: 'The provider that runs the unit' })
  operator(@Root() unit: HousingUnit, @Ctx() ctx: SocialContext) {
    return unit.operator ? ctx.loaders.providerById.load(unit.operator.id) : null;
  }

  @Authorized(Access.REFERENCE)
  @FieldResolver(() => Int, { description: 'Places taken now' })
  async occupiedPlaces(@Root() unit: HousingUnit, @Ctx() ctx: SocialContext) {
    return (await ctx.loaders.openOccupanciesByUnit.load(unit.id)).length;
  }

  @Authorized(Access.REFERENCE)
  @FieldResolver(() => Int, { description: 'Places free now' })
  async freePlaces(@Root() unit: HousingUnit, @Ctx() ctx: SocialContext) {
    return Math.max(0, unit.places - (await ctx.loaders.openOccupanciesByUnit.load(unit.id)).length);
  }

  @Personal(Access.SERVICE)
  @FieldResolver(() => [HousingOccupancy], { description: 'Who lives there now' })
  async occupants(@Root() unit: HousingUnit, @Ctx() ctx: SocialContext) {
    // Another provider's tenants are not listed to provider staff, not even as a count.
    const occupancies = await ctx.loaders.openOccupanciesByUnit.load(unit.id);
    const visible = await visibleToCaller(
      ctx,
      Access.SERVICE,
      occupancies.map((o) => o.recipientId),
    );
    return occupancies.filter((o) => visible.has(o.recipientId));
  }

  @Authorized(Access.REFERENCE_WRITE)
  @Mutation(() => HousingUnit, { description: 'Registers a housing unit' })
  createHousingUnit(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => CreateHousingUnitInput) input: CreateHousingUnitInput,
  ) {
    return new HousingService(ctx.em).create(input);
  }

  @Authorized(Access.REFERENCE_WRITE)
  @Mutation(() => HousingUnit, { description: 'Changes a housing unit; places never below the occupants' })
  updateHousingUnit(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => UpdateHousingUnitInput) input: UpdateHousingUnitInput,
  ) {
    return new HousingService(ctx.em).update(input);
  }

  @Authorized(Access.CASE_WRITE)
  @Mutation(() => HousingOccupancy, {
    description: 'Gives a person a free place in a unit (CAPACITY_EXCEEDED when full)',
  })
  assignHousing(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => AssignHousingInput) input: AssignHousingInput,
  ) {
    return new HousingService(ctx.em, ctx.audit).assign(input, today(ctx));
  }

  @Authorized(Access.CASE_WRITE)
  @Mutation(() => HousingOccupancy, { description: "Ends a person's current place, keeping the history" })
  vacateHousing(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => VacateHousingInput) input: VacateHousingInput,
  ) {
    return new HousingService(ctx.em, ctx.audit).vacate(input, today(ctx));
  }
}

@Resolver(() => HousingOccupancy)
export class HousingOccupancyResolver {
  @Personal(Access.SERVICE)
  @FieldResolver(() => HousingUnit)
  unit(@Root() occupancy: HousingOccupancy, @Ctx() ctx: SocialContext) {
    return ctx.loaders.housingUnitById.load(occupancy.unit.id);
  }
}

@Resolver(() => Recipient)
export class RecipientHousingResolver {
  @Personal(Access.SERVICE)
  @FieldResolver(() => HousingHistory, { description: 'Where the person lives and lived' })
  async housing(@Root() recipient: Recipient, @Ctx() ctx: SocialContext): Promise<HousingHistory> {
    const history = await ctx.loaders.occupanciesByRecipient.load(recipient.id);
    return { current: history.find((o) => o.toDate === null) ?? null, history };
  }
}
