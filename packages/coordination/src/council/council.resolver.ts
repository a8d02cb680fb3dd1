import { Access, Connection, LocalDate, PageArgs, requireRecipients, type SubgraphContext } from '@sl/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Agency } from '../agency/agency.entity.js';
import type { CoordinationLoaders } from '../loaders.js';
import { Recipient } from '../need-registry/need-registry.resolver.js';
import { RoadmapItem } from '../roadmap/roadmap.entity.js';
import { CouncilDecision, CouncilMeeting, DecisionStatus } from './council.entity.js';
import { CouncilMeetingInput, DecisionFilter, DecisionInput } from './council.inputs.js';
import { CouncilService } from './council.service.js';

type CoordinationContext = SubgraphContext<CoordinationLoaders>;

@ObjectType()
export class CouncilMeetingConnection extends Connection(CouncilMeeting, 'CouncilMeeting') {}

@ObjectType()
export class CouncilDecisionConnection extends Connection(CouncilDecision, 'CouncilDecision') {}

@Resolver(() => CouncilMeeting)
export class CouncilMeetingResolver {
  @Authorized(...Access.AGGREGATE)
  @Query(() => CouncilMeetingConnection, { description: 'Council meetings, latest first' })
  councilMeetings(
    @Ctx() ctx: CoordinationContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('region', () => String, { nullable: true }) region?: string,
  ) {
    return new CouncilService(ctx.em, ctx.clock).meetings(region, page);
  }

  @Authorized(...Access.AGGREGATE)
  @Query(() => CouncilDecisionConnection, {
    description: 'Council decisions by due date; `overdue: true` for the late ones',
  })
  councilDecisions(
    @Ctx() ctx: CoordinationContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DecisionFilter, { nullable: true }) filter?: DecisionFilter,
  ) {
    return new CouncilService(ctx.em, ctx.clock).decisions(filter, page);
  }

  @Authorized(...Access.COUNCIL_WRITE)
  @Mutation(() => CouncilMeeting, { description: 'Records a meeting with its protocol and decisions' })
  async createCouncilMeeting(
    @Ctx() ctx: CoordinationContext,
    @Arg('input', () => CouncilMeetingInput) input: CouncilMeetingInput,
  ) {
    await requireRecipients(
      ctx,
      (input.decisions ?? []).flatMap((d) => d.recipientIds ?? []),
      'recipientIds',
    );
    return new CouncilService(ctx.em, ctx.clock).createMeeting(input);
  }

  @Authorized(...Access.COUNCIL_WRITE)
  @Mutation(() => CouncilDecision)
  async addCouncilDecision(
    @Ctx() ctx: CoordinationContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('input', () => DecisionInput) input: DecisionInput,
  ) {
    await requireRecipients(ctx, input.recipientIds ?? [], 'recipientIds');
    return new CouncilService(ctx.em, ctx.clock).addDecision(meetingId, input);
  }

  @Authorized(...Access.COUNCIL_WRITE)
  @Mutation(() => CouncilDecision, {
    description:
      'Marks a decision done (on `doneOn`, today when not given; never in the future) or cancelled, or reopens it',
  })
  setCouncilDecisionStatus(
    @Ctx() ctx: CoordinationContext,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => DecisionStatus) status: DecisionStatus,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('doneOn', () => LocalDate, { nullable: true }) doneOn?: string | null,
  ) {
    return new CouncilService(ctx.em, ctx.clock).setDecisionStatus(id, status, note?.slice(0, 5000), doneOn);
  }

  @FieldResolver(() => [CouncilDecision])
  decisions(@Root() meeting: CouncilMeeting, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.decisionsByMeeting.load(meeting.id);
  }
}

@Resolver(() => CouncilDecision)
export class CouncilDecisionResolver {
  @FieldResolver(() => Agency)
  assignee(@Root() d: CouncilDecision, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.agencyById.load(d.assignee.id);
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its due date as of today' })
  overdue(@Root() d: CouncilDecision, @Ctx() ctx: CoordinationContext) {
    return d.status === DecisionStatus.OPEN && d.dueDate < new CouncilService(ctx.em, ctx.clock).today();
  }

  @FieldResolver(() => [RoadmapItem])
  items(@Root() d: CouncilDecision, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.itemsByDecision.load(d.id);
  }

  /** Whom the decision names: ids only here; their names are social's, under social's rules. */
  @Authorized(...Access.CASE)
  @FieldResolver(() => [Recipient], { description: 'The people the decision names, in the order given' })
  async people(@Root() d: CouncilDecision, @Ctx() ctx: CoordinationContext) {
    return (await ctx.loaders.peopleByDecision.load(d.id)).map((p) => ({ id: p.recipientId }));
  }

  @FieldResolver(() => Int, { description: 'How many people the decision names (for every reader)' })
  async peopleNamed(@Root() d: CouncilDecision, @Ctx() ctx: CoordinationContext) {
    return (await ctx.loaders.peopleByDecision.load(d.id)).length;
  }

  @FieldResolver(() => ID)
  meetingId(@Root() d: CouncilDecision) {
    return d.meeting.id;
  }
}
