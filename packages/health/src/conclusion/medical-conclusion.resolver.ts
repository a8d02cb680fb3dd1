import { Access, Personal, recipientStub, type SubgraphContext } from '@sl/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HealthLoaders } from '../loaders.js';
import { MedicalConclusion } from './medical-conclusion.entity.js';

export const Recipient = recipientStub();
type Recipient = InstanceType<typeof Recipient>;

@Resolver(() => Recipient)
export class RecipientHealthResolver {
  @Personal(Access.HEALTH)
  @FieldResolver(() => [MedicalConclusion], { description: 'Medical conclusions, newest first' })
  medicalConclusions(@Root() recipient: Recipient, @Ctx() ctx: SubgraphContext<HealthLoaders>) {
    return ctx.loaders.conclusionsByRecipient.load(recipient.id);
  }
}
