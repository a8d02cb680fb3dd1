import { Access, Personal, recipientStub, type SubgraphContext } from '@sl/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EducationLoaders } from '../loaders.js';
import { Enrolment } from './enrolment.entity.js';

export const Recipient = recipientStub();
type Recipient = InstanceType<typeof Recipient>;

@Resolver(() => Recipient)
export class RecipientEducationResolver {
  @Personal(Access.EDUCATION)
  @FieldResolver(() => [Enrolment], { description: 'Newest first' })
  enrolments(@Root() recipient: Recipient, @Ctx() ctx: SubgraphContext<EducationLoaders>) {
    return ctx.loaders.enrolmentsByRecipient.load(recipient.id);
  }
}
