// type-graphql reads decorator metadata through this polyfill.
import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The `Recipient` entity as a subgraph that does not own it sees it: only the key. The subgraph
 * adds its own fields with field resolvers; the gateway fetches the rest from the owner. Each
 * subgraph makes its own class so that schemas built in one process stay apart.
 */
export function recipientStub() {
  @Directive('@key(fields: "id")')
  @ObjectType('Recipient')
  class Recipient {
    @Field(() => ID)
    id!: string;
  }
  return Recipient;
}
export type RecipientStub = InstanceType<ReturnType<typeof recipientStub>>;
