import { Access, Personal, recipientStub, type SubgraphContext } from '@sl/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CoordinationLoaders } from '../loaders.js';
import { NeedRegistryEntry } from './need-registry.entity.js';

export const Recipient = recipientStub();
type Recipient = InstanceType<typeof Recipient>;

@Resolver(() => Recipient)
export class RecipientCoordinationResolver {
  @Personal(Access.CASE)
  @FieldResolver(() => NeedRegistryEntry, { nullable: true, description: 'When the need was identified' })
  needRegistryEntry(@Root() recipient: Recipient, @Ctx() ctx: SubgraphContext<CoordinationLoaders>) {
    return ctx.loaders.needByRecipient.load(recipient.id);
  }
}
