import { Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { AuditEvent } from './audit-event.entity.js';

/**
 * The person an audit line is about, as a reference the gateway completes from social (the owner
 * of people): the log keeps only the id, and the auditor reads the name through the graph, never
 * from social's tables.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Recipient')
export class RecipientReference {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => AuditEvent)
export class AuditEventRecipientResolver {
  @FieldResolver(() => RecipientReference, {
    nullable: true,
    description: 'The person whose data was read or changed (their name is served by social)',
  })
  recipient(@Root() event: AuditEvent): RecipientReference | null {
    return event.recipientId ? { id: event.recipientId } : null;
  }
}
