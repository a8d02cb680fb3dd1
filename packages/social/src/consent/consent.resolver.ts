import { Access, Personal } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { type SocialContext, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { ConsentEvent } from './consent.entity.js';
import { GiveConsentInput, WithdrawConsentInput } from './consent.inputs.js';
import { inForce } from './consent.rules.js';
import { ConsentService } from './consent.service.js';

@Resolver(() => ConsentEvent)
export class ConsentResolver {
  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => ConsentEvent, {
    description:
      'Records a consent the person gave (the assessment, processing of personal data, sharing with a ministry)',
  })
  giveConsent(@Ctx() ctx: SocialContext, @Arg('input', () => GiveConsentInput) input: GiveConsentInput) {
    return new ConsentService(ctx.em).give(ctx, input);
  }

  @Authorized(...Access.CASE_WRITE)
  @Mutation(() => ConsentEvent, {
    description:
      'Records the withdrawal of a consent in force, as a new dated fact; sharing that depends on it stops from that day',
  })
  withdrawConsent(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => WithdrawConsentInput) input: WithdrawConsentInput,
  ) {
    return new ConsentService(ctx.em).withdraw(ctx, input);
  }
}

@Resolver(() => Recipient)
export class RecipientConsentResolver {
  @Personal(Access.CONSENT)
  @FieldResolver(() => [ConsentEvent], {
    description:
      'Every consent given or withdrawn, newest first. A ministry officer reads the person’s data served by social ' +
      'only while consent to processing and a sharing consent naming their ministry (or their agency) are in force ' +
      '(docs/access.md, "Consent"); otherwise CONSENT_WITHDRAWN or CONSENT_MISSING',
  })
  consents(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return ctx.loaders.consentsByRecipient.load(recipient.id);
  }

  @Personal(Access.CONSENT)
  @FieldResolver(() => [ConsentEvent], {
    description: 'The consents in force today: for each consent, its latest fact when that is GIVEN',
  })
  async consentsInForce(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return inForce(await ctx.loaders.consentsByRecipient.load(recipient.id), todayOf(ctx));
  }
}
