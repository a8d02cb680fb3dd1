import { Access, isScoped, Personal, ValidationError } from '@sl/core';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SocialContext } from '../common/social-context.js';
import { Recipient } from './recipient.entity.js';
import { RecipientService } from './recipient.service.js';

/** Matches no provider: a provider account without a provider finds nobody. */
const NO_PROVIDER = '00000000-0000-0000-0000-000000000000';
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
    // Provider staff find only the people their provider serves, as in `recipients`.
    const providerId = ctx.actor && isScoped(ctx.actor) ? (ctx.actor.providerId ?? NO_PROVIDER) : undefined;
    const page = await new RecipientService(ctx.em).list(
      { name: words, ...(providerId ? { providerId } : {}) },
      undefined,
      { first: NAME_MATCHES, after: null },
    );
    return page.edges.map((e) => e.node);
  }
}
