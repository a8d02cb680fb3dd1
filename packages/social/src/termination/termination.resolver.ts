import { Access, localDateOf, Personal, type SubgraphContext } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SocialLoaders } from '../loaders.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { RuleSet } from '../rules/rule-set.js';
import { Termination } from './termination.entity.js';
import { TerminateParticipationInput } from './termination.inputs.js';
import { TerminationService } from './termination.service.js';

type SocialContext = SubgraphContext<SocialLoaders>;

@Resolver(() => Termination)
export class TerminationResolver {
  @Authorized(Access.CASE_WRITE)
  @Mutation(() => Termination, {
    description: 'End supported living (seed 001 §17): closes the current stage, keeps the history',
  })
  terminateParticipation(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => TerminateParticipationInput) input: TerminateParticipationInput,
  ) {
    return ctx.em.transactional((tx) =>
      new TerminationService(tx, RuleSet.for(ctx.region), localDateOf(ctx.clock.now()), ctx.audit).terminate(
        input,
      ),
    );
  }
}

@Resolver(() => Recipient)
export class RecipientTerminationsResolver {
  @Personal(Access.CASE)
  @FieldResolver(() => [Termination], {
    description: 'Ends of supported living (seed 001 §17), newest first',
  })
  terminations(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.terminationsByRecipient.load(recipient.id);
  }
}
