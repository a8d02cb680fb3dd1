import { type FilterQuery, wrap } from '@mikro-orm/core';
import {
  Access,
  Connection,
  escapeLike,
  LocalDate,
  listNarrowing,
  localDateOf,
  NotFoundError,
  PageArgs,
  Personal,
  paginate,
  paginateLatestFirst,
  type SubgraphContext,
} from '@sl/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { SocialLoaders } from '../loaders.js';
import { Provider } from '../provider/provider.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { callerNarrowing, callerNarrowingWhere, NO_PROVIDER } from '../recipient/recipient.narrowing.js';
import { RehabilitationRoute, RouteGoal } from './rehabilitation-route.entity.js';
import { RehabilitationRouteService } from './rehabilitation-route.service.js';
import { ServicePlan } from './service-plan.entity.js';
import { ServicePlanService } from './service-plan.service.js';
import {
  AddRouteGoalInput,
  CloseServicePlanInput,
  CreateRehabilitationRouteInput,
  CreateServicePlanInput,
  CreateStaffMemberInput,
  RecordVisitInput,
  RescheduleVisitInput,
  ScheduleVisitInput,
  SetGoalStatusInput,
  TeamMemberInput,
  VisitFilter,
} from './services.inputs.js';
import { StaffMember } from './staff-member.entity.js';
import { TeamAssignment } from './team-assignment.entity.js';
import { Visit } from './visit.entity.js';
import { checkWeekRange, VisitService } from './visit.service.js';
import { writeScope } from './write-scope.js';

@ObjectType()
export class StaffMemberConnection extends Connection(StaffMember, 'StaffMember') {}

@ObjectType({ description: 'Planned vs delivered service hours of one person in one week (Monday–Sunday)' })
export class WeeklyServiceHours {
  @Field(() => LocalDate, { description: 'The Monday the week starts on' })
  weekStart!: string;

  @Field(() => Float, {
    description: 'Hours the service plans give that week (a part-week plan counts its days)',
  })
  planned!: number;

  @Field(() => Float, { description: 'Hours of the visits delivered that week' })
  delivered!: number;
}

type SocialContext = SubgraphContext<SocialLoaders>;
const today = (ctx: SocialContext) => localDateOf(ctx.clock.now());

@Resolver(() => StaffMember)
export class StaffMemberResolver {
  @Authorized(Access.SERVICE)
  @Query(() => StaffMemberConnection, { description: "Providers' staff members, by name" })
  async staffMembers(
    @Ctx() ctx: SocialContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('providerId', () => ID, { nullable: true }) providerId?: string,
    @Arg('name', () => String, { nullable: true, description: 'Part of the name, any case' }) name?: string,
  ) {
    // Provider staff list their own provider's staff only, whatever they ask for.
    const scoped =
      ctx.actor && listNarrowing(ctx.actor, Access.SERVICE).scopedOnly
        ? (ctx.actor.providerId ?? NO_PROVIDER)
        : null;
    const provider = scoped ?? providerId;
    const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
    return paginate(
      ctx.em,
      StaffMember,
      {
        ...(provider ? { provider } : {}),
        ...(words.length > 0
          ? { $and: words.map((w) => ({ fullName: { $ilike: `%${escapeLike(w)}%` } })) }
          : {}),
      },
      [
        { field: 'fullName', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  @Authorized(Access.SERVICE)
  @FieldResolver(() => Provider)
  provider(@Root() staff: StaffMember, @Ctx() ctx: SocialContext) {
    return providerOf(staff.provider, ctx);
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => StaffMember, { description: 'Adds a staff member to a provider' })
  async createStaffMember(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => CreateStaffMemberInput) input: CreateStaffMemberInput,
  ) {
    writeScope(ctx).provider(input.providerId);
    return ctx.em.transactional(async (em) => {
      const provider = await em.findOne(Provider, { id: input.providerId });
      if (!provider) throw new NotFoundError('Поставщик социальных услуг', input.providerId);
      const staff = em.create(StaffMember, { fullName: input.fullName.trim(), role: input.role, provider });
      await em.flush();
      return staff;
    });
  }
}

@Resolver(() => RehabilitationRoute)
export class RehabilitationRouteResolver {
  @Personal(Access.SERVICE)
  @FieldResolver(() => Provider, { description: 'The organisation that drew up the route' })
  provider(@Root() route: RehabilitationRoute, @Ctx() ctx: SocialContext) {
    return providerOf(route.provider, ctx);
  }

  @Personal(Access.SERVICE)
  @FieldResolver(() => [RouteGoal], { description: 'Goals by target date' })
  goals(@Root() route: RehabilitationRoute, @Ctx() ctx: SocialContext) {
    return ctx.loaders.goalsByRoute.load(route.id);
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => RehabilitationRoute, {
    description: 'Draws up the individual rehabilitation route (002 §10)',
  })
  createRehabilitationRoute(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => CreateRehabilitationRouteInput) input: CreateRehabilitationRouteInput,
  ) {
    return new RehabilitationRouteService(ctx.em, ctx.audit, writeScope(ctx)).create(input, today(ctx));
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => RouteGoal, { description: 'Adds a goal to a route' })
  addRouteGoal(@Ctx() ctx: SocialContext, @Arg('input', () => AddRouteGoalInput) input: AddRouteGoalInput) {
    return new RehabilitationRouteService(ctx.em, ctx.audit, writeScope(ctx)).addGoal(input);
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => RouteGoal, { description: 'Sets the status of a goal' })
  setRouteGoalStatus(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => SetGoalStatusInput) input: SetGoalStatusInput,
  ) {
    return new RehabilitationRouteService(ctx.em, ctx.audit, writeScope(ctx)).setStatus(input);
  }
}

@Resolver(() => ServicePlan)
export class ServicePlanResolver {
  @Personal(Access.SERVICE)
  @FieldResolver(() => Provider)
  provider(@Root() plan: ServicePlan, @Ctx() ctx: SocialContext) {
    return providerOf(plan.provider, ctx);
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => ServicePlan, { description: 'Starts a service plan: one at a time per person' })
  createServicePlan(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => CreateServicePlanInput) input: CreateServicePlanInput,
  ) {
    return new ServicePlanService(ctx.em, ctx.audit, writeScope(ctx)).createPlan(input, today(ctx));
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => ServicePlan, { description: "Ends the person's current service plan" })
  closeServicePlan(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => CloseServicePlanInput) input: CloseServicePlanInput,
  ) {
    return new ServicePlanService(ctx.em, ctx.audit, writeScope(ctx)).closePlan(input, today(ctx));
  }
}

@Resolver(() => TeamAssignment)
export class TeamAssignmentResolver {
  @Personal(Access.SERVICE)
  @FieldResolver(() => StaffMember)
  staffMember(@Root() assignment: TeamAssignment, @Ctx() ctx: SocialContext) {
    return loaded(assignment.staffMember) ?? ctx.loaders.staffMemberById.load(assignment.staffMember.id);
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => TeamAssignment, {
    description: "Puts a staff member of the serving provider on the person's team",
  })
  addTeamMember(@Ctx() ctx: SocialContext, @Arg('input', () => TeamMemberInput) input: TeamMemberInput) {
    return new ServicePlanService(ctx.em, ctx.audit, writeScope(ctx)).addTeamMember(input, today(ctx));
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => TeamAssignment, { description: "Takes a staff member off the person's team" })
  removeTeamMember(@Ctx() ctx: SocialContext, @Arg('input', () => TeamMemberInput) input: TeamMemberInput) {
    return new ServicePlanService(ctx.em, ctx.audit, writeScope(ctx)).removeTeamMember(input, today(ctx));
  }
}

@ObjectType()
class VisitConnection extends Connection(Visit, 'Visit') {}

/** A calendar day of the region as an instant: Moscow time has no daylight saving since 2014. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+03:00`);

@Resolver(() => Visit)
export class VisitResolver {
  @Authorized(Access.SERVICE)
  @Query(() => VisitConnection, {
    description:
      'Visits of all people, latest first; provider staff see their own provider’s visits only ' +
      '(each read is audited per person)',
  })
  visits(
    @Ctx() ctx: SocialContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => VisitFilter, { nullable: true }) filter?: VisitFilter,
  ) {
    const where: FilterQuery<Visit> = {};
    if (filter?.from && filter.to) checkWeekRange(filter.from, filter.to);
    const staff: Record<string, unknown> = {};
    if (filter?.staffMemberId) staff.id = filter.staffMemberId;
    if (filter?.providerId) staff.provider = filter.providerId;
    // Provider staff see the visits their provider's team makes, whatever the filter says.
    if (ctx.actor && listNarrowing(ctx.actor, Access.SERVICE).scopedOnly)
      staff.provider = ctx.actor.providerId ?? NO_PROVIDER;
    if (Object.keys(staff).length > 0) where.staffMember = staff;
    if (typeof filter?.delivered === 'boolean') where.delivered = filter.delivered;
    const planned: Record<string, Date> = {};
    if (filter?.from) planned.$gte = dayStart(filter.from);
    if (filter?.to) planned.$lt = new Date(dayStart(filter.to).getTime() + 86_400_000);
    if (Object.keys(planned).length > 0) where.plannedAt = planned;
    // …and of those, only the visits of people still in their scope (whose record they may read).
    const narrowing = callerNarrowingWhere<Visit>(
      callerNarrowing(ctx, Access.SERVICE),
      (alias) => `${alias}.recipient_id`,
    );
    return paginateLatestFirst(
      ctx.em,
      Visit,
      narrowing.length > 0 ? { $and: [where, ...narrowing] } : where,
      'plannedAt',
      page,
    );
  }

  @Personal(Access.IDENTITY)
  @FieldResolver(() => Recipient, { nullable: true, description: 'The person visited' })
  recipient(@Root() visit: Visit, @Ctx() ctx: SocialContext) {
    return ctx.loaders.recipientById.load(visit.recipientId);
  }

  @Personal(Access.SERVICE)
  @FieldResolver(() => StaffMember)
  staffMember(@Root() visit: Visit, @Ctx() ctx: SocialContext) {
    return loaded(visit.staffMember) ?? ctx.loaders.staffMemberById.load(visit.staffMember.id);
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => Visit, { description: 'Puts a visit on the schedule (002 §14)' })
  scheduleVisit(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => ScheduleVisitInput) input: ScheduleVisitInput,
  ) {
    return new VisitService(ctx.em, ctx.audit, writeScope(ctx)).schedule(input);
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => Visit, {
    description: 'Moves a visit whose outcome is not yet recorded (VISIT_ALREADY_RECORDED otherwise)',
  })
  rescheduleVisit(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => RescheduleVisitInput) input: RescheduleVisitInput,
  ) {
    return new VisitService(ctx.em, ctx.audit, writeScope(ctx)).reschedule(input);
  }

  @Authorized(Access.SERVICE_WRITE)
  @Mutation(() => Visit, {
    description: 'Records whether a visit took place and its hours, once (VISIT_ALREADY_RECORDED after)',
  })
  recordVisit(@Ctx() ctx: SocialContext, @Arg('input', () => RecordVisitInput) input: RecordVisitInput) {
    return new VisitService(ctx.em, ctx.audit, writeScope(ctx)).record(input, ctx.clock.now());
  }
}

@Resolver(() => Recipient)
export class RecipientServicesResolver {
  @Personal(Access.SERVICE)
  @FieldResolver(() => RehabilitationRoute, {
    nullable: true,
    description: 'The individual rehabilitation route',
  })
  rehabilitationRoute(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.routeByRecipient.load(recipient.id);
  }

  @Personal(Access.SERVICE)
  @FieldResolver(() => [TeamAssignment], { description: 'The multidisciplinary team now (002 §13)' })
  team(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.teamByRecipient.load(recipient.id);
  }

  @Personal(Access.SERVICE)
  @FieldResolver(() => [ServicePlan], { description: 'Service plans, newest first' })
  servicePlans(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.plansByRecipient.load(recipient.id);
  }

  @Personal(Access.SERVICE)
  @FieldResolver(() => [Visit], { description: "Visits planned in the period (the region's calendar days)" })
  visits(
    @Root() recipient: Recipient,
    @Ctx() ctx: SocialContext,
    @Arg('from', () => LocalDate) from: string,
    @Arg('to', () => LocalDate) to: string,
  ) {
    checkWeekRange(from, to);
    return ctx.loaders.visitsByRecipient(from, to).load(recipient.id);
  }

  @Personal(Access.SERVICE)
  @FieldResolver(() => [WeeklyServiceHours], {
    description: 'Planned vs delivered hours for each week from the week of `from` to the week of `to`',
  })
  weeklyServiceHours(
    @Root() recipient: Recipient,
    @Ctx() ctx: SocialContext,
    @Arg('from', () => LocalDate) from: string,
    @Arg('to', () => LocalDate) to: string,
  ) {
    checkWeekRange(from, to);
    return ctx.loaders.weeklyHours(from, to).load(recipient.id);
  }
}

/** A relation as loaded with its row, or null when only its reference is there. */
function loaded<T extends object>(entity: T): T | null {
  return wrap(entity).isInitialized() ? entity : null;
}

/** The provider as loaded with its row, or through the request's loader when it was not. */
function providerOf(provider: Provider, ctx: SocialContext) {
  return loaded(provider) ?? ctx.loaders.providerById.load(provider.id);
}
