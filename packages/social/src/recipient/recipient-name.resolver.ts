import { Access, Personal, ValidationError } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SocialContext } from '../common/social-context.js';
import { Recipient } from './recipient.entity.js';
import { callerNarrowing, callerNarrowingWhere } from './recipient.narrowing.js';
import { RecipientService } from './recipient.service.js';

const NAME_MATCHES = 20;

/**
 * A person's name alone, for those who need to know whose record it is and nothing more: auditors
 * reading the log (through the access subgraph's `AuditEvent.recipient` reference) and pickers.
 * Each read is a personal-data read and is logged like any other.
 */
@Resolver(() => Recipient)
export class RecipientNameResolver {
  @Personal(Access.PERSON_NAME)
  @FieldResolver(() => String, { description: 'Last name, first name and patronymic in one line' })
  fullName(@Root() recipient: Recipient): string {
    return [recipient.lastName, recipient.firstName, recipient.patronymic].filter(Boolean).join(' ');
  }

  @Authorized(...Access.PERSON_NAME)
  @Query(() => [Recipient], {
    description: `Up to ${NAME_MATCHES} people whose name holds every word given, for a picker: read their \`fullName\``,
  })
  async peopleByName(
    @Ctx() ctx: SocialContext,
    @Arg('name', () => String) name: string,
  ): Promise<Recipient[]> {
    const words = name.trim();
    if (words.length < 2 || words.length > 100) {
      throw new ValidationError('Введите от 2 до 100 символов имени', 'name', 'NAME_SEARCH_INVALID');
    }
    // Found only among the people the caller may list, as in `recipients`: provider staff their
    // provider's, an officer those shared with their ministry.
    const page = await new RecipientService(ctx.em).list(
      { name: words },
      undefined,
      { first: NAME_MATCHES, after: null },
      callerNarrowingWhere<Recipient>(callerNarrowing(ctx, Access.PERSON_NAME)),
    );
    // Who is on the register is itself personal: each person found is recorded, names asked or not.
    for (const edge of page.edges) ctx.audit?.read(edge.node.id, 'Recipient.id');
    return page.edges.map((e) => e.node);
  }
}
