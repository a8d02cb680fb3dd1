import { Access, Personal, recipientStub, type SubgraphContext } from '@sl/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EmploymentLoaders } from '../loaders.js';
import { Placement } from './placement.entity.js';

export const Recipient = recipientStub();
type Recipient = InstanceType<typeof Recipient>;

@Resolver(() => Recipient)
export class RecipientEmploymentResolver {
  @Personal(Access.EMPLOYMENT)
  @FieldResolver(() => [Placement], { description: 'Newest first' })
  placements(@Root() recipient: Recipient, @Ctx() ctx: SubgraphContext<EmploymentLoaders>) {
    return ctx.loaders.placementsByRecipient.load(recipient.id);
  }
}
