import { Access } from '@sl/core';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Application } from '../application/application.entity.js';
import type { SocialContext } from '../common/social-context.js';
import { Termination } from '../termination/termination.entity.js';
import { AnnulDecisionInput, AnnulTerminationInput } from './corrections.inputs.js';
import { CorrectionsService } from './corrections.service.js';

@Resolver()
export class CorrectionsResolver {
  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => Application, {
    description:
      'Annuls a wrong decision with a reason (the case coordinator only): it stays, marked; an annulled grant ends the stage, the housing place and the service plan it allowed; the correct decision is taken on a new application',
  })
  annulDecision(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => AnnulDecisionInput) input: AnnulDecisionInput,
  ) {
    return new CorrectionsService(ctx.em).annulDecision(ctx, input);
  }

  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => Termination, {
    description:
      'Annuls a wrong termination with a reason (the case coordinator only): it stays, marked; the grant is in force again and the stage it closed is current again',
  })
  annulTermination(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => AnnulTerminationInput) input: AnnulTerminationInput,
  ) {
    return new CorrectionsService(ctx.em).annulTermination(ctx, input);
  }
}
