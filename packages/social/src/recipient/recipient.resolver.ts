import { Access, Connection, listNarrowing, PageArgs, Personal } from '@sl/core';
import { type GraphQLResolveInfo, Kind } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { type SocialContext, todayOf } from '../common/social-context.js';
import { requireFigureAccess } from '../indicators/people-behind.js';
import { Recipient } from './recipient.entity.js';
import {
  AssignCaseCoordinatorInput,
  CreateRecipientInput,
  RecipientFilter,
  RecipientOrder,
  SharedWith,
  UpdateRecipientInput,
} from './recipient.inputs.js';
import { callerNarrowing, callerNarrowingWhere, visibleToCaller } from './recipient.narrowing.js';
import { RecipientService } from './recipient.service.js';

@ObjectType()
export class RecipientConnection extends Connection(Recipient, 'Recipient') {}

/** Whether the query selects the rows of the page (not only its total), through fragments too. */
function sendsRows(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some((s) => s.kind !== Kind.FIELD || s.name.value === 'edges'),
  );
}

@Resolver(() => Recipient)
export class RecipientResolver {
  @Authorized(...Access.IDENTITY)
  @Query(() => RecipientConnection, { description: 'People, filtered and sorted, one page at a time' })
  async recipients(
    @Ctx() ctx: SocialContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => RecipientFilter, { nullable: true }) filter?: RecipientFilter,
    @Arg('orderBy', () => RecipientOrder, { nullable: true }) orderBy?: RecipientOrder,
    @Info() info?: GraphQLResolveInfo,
  ) {
    requireFigureAccess(ctx, filter);
    // Provider staff list only the people their provider serves, whatever filter they send.
    // A ministry officer lists only the people shared with their ministry, asked or not: the ids
    // and the total of anyone else (never consented, or withdrawn) are not theirs to learn.
    const narrowing = callerNarrowingWhere<Recipient>(
      callerNarrowing(ctx, Access.IDENTITY, filter?.sharedWith === SharedWith.ME),
    );
    // Their own provider's people, that is: another provider named in the filter is not asked.
    const scoped =
      ctx.actor && listNarrowing(ctx.actor, Access.IDENTITY).scopedOnly
        ? { ...filter, providerId: undefined }
        : filter;
    const result = await new RecipientService(ctx.em).list(scoped, orderBy, page, narrowing, todayOf(ctx));
    // Who is on the register is itself personal: a page that sends ids, even ids alone, is recorded.
    if (!info || sendsRows(info))
      for (const edge of result.edges) ctx.audit?.read(edge.node.id, 'Recipient.id');
    return result;
  }

  @Authorized(...Access.IDENTITY)
  @Query(() => Recipient, { description: 'One person by id' })
  recipient(@Ctx() ctx: SocialContext, @Arg('id', () => ID) id: string) {
    return new RecipientService(ctx.em).get(id, ctx.loaders.recipientById);
  }

  @Authorized(...Access.CASE_ASSIGNMENT)
  @FieldResolver(() => String, {
    description:
      'Social’s seal over `caseCoordinatorIds` (short-lived): health trusts the ids it is sent only with it',
  })
  caseAssignmentSeal(@Root() recipient: Recipient, @Ctx() ctx: SocialContext): string {
    return ctx.sealCaseAssignment(recipient.id, recipient.caseCoordinatorIds);
  }

  @Personal(Access.IDENTITY)
  @FieldResolver(() => [Recipient], {
    description:
      'Other records with the same full name (case and ё/е ignored) and birth date: check before going on',
  })
  async possibleDuplicates(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    // Namesakes are other people: listed only as far as the caller may list them.
    const namesakes = await ctx.loaders.possibleDuplicates.load(recipient);
    const visible = await visibleToCaller(
      ctx,
      Access.IDENTITY,
      namesakes.map((p) => p.id),
    );
    return namesakes.filter((p) => visible.has(p.id));
  }

  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => Recipient, {
    description:
      'Registers a person. СНИЛС must be valid and new; a namesake with the same birth date is only flagged',
  })
  createRecipient(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => CreateRecipientInput) input: CreateRecipientInput,
  ) {
    return new RecipientService(ctx.em).create(ctx, input);
  }

  @Authorized(...Access.CASE_HANDOVER)
  @Mutation(() => Recipient, {
    description:
      'Hands the person’s case to another active coordinator (`coordinators`): only the case’s own coordinator or an administrator may; from now on they, not the previous one, see its health details',
  })
  assignCaseCoordinator(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => AssignCaseCoordinatorInput) input: AssignCaseCoordinatorInput,
  ) {
    return new RecipientService(ctx.em).assignCaseCoordinator(ctx, input);
  }

  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => Recipient, { description: 'Changes a person’s record; omitted fields stay, null clears' })
  updateRecipient(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => UpdateRecipientInput) input: UpdateRecipientInput,
  ) {
    return new RecipientService(ctx.em).update(ctx, input);
  }
}
