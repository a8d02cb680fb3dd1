import { Access, Personal } from '@sl/core';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Mutation,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { type SocialContext, todayOf } from '../common/social-context.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { ConsentEvent } from './consent.entity.js';
import { GiveConsentInput, WithdrawConsentInput } from './consent.inputs.js';
import { inForce } from './consent.rules.js';
import { ConsentService } from './consent.service.js';

/** Whether the person's consents let the caller's ministry receive — and so write — their data. */
export enum CallerSharing {
  IN_FORCE = 'IN_FORCE',
  WITHDRAWN = 'WITHDRAWN',
  MISSING = 'MISSING',
}
registerEnumType(CallerSharing, {
  name: 'CallerSharing',
  valuesConfig: {
    IN_FORCE: {
      description:
        'processing and sharing with the caller’s ministry in force (or no consent rule binds the caller)',
    },
    WITHDRAWN: { description: 'the person withdrew a consent the caller’s ministry needs' },
    MISSING: { description: 'the person never gave a consent the caller’s ministry needs' },
  },
});

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

  /**
   * Asked by the ministries' subgraphs before they write about a person (core's
   * AboutConsentingRecipient), as the writing officer: social owns the consents, the ministry
   * never reads them. Not personal: it says what the caller may do, not what the person consented to.
   */
  @Authorized(...Access.CASE, ...Access.HEALTH_WRITE, ...Access.EDUCATION_WRITE, ...Access.EMPLOYMENT_WRITE)
  @FieldResolver(() => CallerSharing, {
    description:
      'Whether the person’s consents let the caller’s ministry receive their data now, and so write about them (docs/access.md, "Consent")',
  })
  async sharingWithCaller(@Root() recipient: Recipient, @Ctx() ctx: SocialContext): Promise<CallerSharing> {
    return ctx.sharing ? ((await ctx.sharing(recipient.id)) as CallerSharing) : CallerSharing.IN_FORCE;
  }

  @Personal(Access.CONSENT)
  @FieldResolver(() => [ConsentEvent], {
    description: 'The consents in force today: for each consent, its latest fact when that is GIVEN',
  })
  async consentsInForce(@Root() recipient: Recipient, @Ctx() ctx: SocialContext) {
    return inForce(await ctx.loaders.consentsByRecipient.load(recipient.id), todayOf(ctx));
  }
}
