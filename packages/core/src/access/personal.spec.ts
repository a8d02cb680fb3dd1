import 'reflect-metadata';
import { execute, type GraphQLResolveInfo, parse } from 'graphql';
import { Arg, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor, BaseContext } from '../context.js';
import { buildFederatedSubgraph } from '../graphql/subgraph.js';
import { createLogger } from '../logging/logger.js';
import { Personal } from './personal.js';
import { Role } from './roles.js';

@ObjectType('PersonalSpecVisit')
class Visit {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  recipientId!: string;

  @Personal([Role.COORDINATOR, Role.PROVIDER_STAFF])
  @Field(() => String, { nullable: true })
  note!: string;
}

const VISITS: Visit[] = [
  { id: 'v1', recipientId: 'r1', note: 'первый' },
  { id: 'v2', recipientId: 'r2', note: 'второй' },
];

@Resolver()
class VisitQueries {
  @Query(() => [Visit])
  personalSpecVisits(@Arg('recipientId', () => ID, { nullable: true }) recipientId?: string): Visit[] {
    return VISITS.filter((v) => recipientId === undefined || v.recipientId === recipientId);
  }
}

const built = buildFederatedSubgraph({ resolvers: [VisitQueries] });

function actor(roles: Role[], extra: Partial<Actor> = {}): Actor {
  return { kind: 'user', id: 'u1', name: 'tester', agencyId: null, roles, providerId: null, ...extra };
}

function context(who: Actor | null, extra: Partial<BaseContext> = {}): BaseContext {
  return {
    requestId: 'spec',
    actor: who,
    clock: { now: () => new Date() },
    logger: createLogger('silent'),
    audit: new AuditTrail(),
    ...extra,
  };
}

async function run(ctx: BaseContext, query = '{ personalSpecVisits { id note } }') {
  const { schema } = await built;
  return execute({ schema, document: parse(query), contextValue: ctx });
}

describe('@Personal on a plain property', () => {
  it('gives the value itself, not a promise, when no row rule needs the database', async () => {
    // A card reads hundreds of such fields: a promise per field is what made GraphQL execution slow.
    const { schema } = await built;
    const note = schema.getType('PersonalSpecVisit') as unknown as {
      getFields(): Record<string, { resolve: (...args: unknown[]) => unknown }>;
    };
    const ctx = context(actor([Role.COORDINATOR]));
    const info = { parentType: { name: 'PersonalSpecVisit' }, fieldName: 'note' } as GraphQLResolveInfo;
    const value = note.getFields().note!.resolve(VISITS[0], {}, ctx, info);
    expect(value).toBe('первый');
    expect([...ctx.audit!.reads]).toEqual([['r1', new Set(['PersonalSpecVisit.note'])]]);
  });

  it('records every person read, field by field, in the audit trail', async () => {
    const ctx = context(actor([Role.COORDINATOR]));
    const result = await run(ctx);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      personalSpecVisits: [
        { id: 'v1', note: 'первый' },
        { id: 'v2', note: 'второй' },
      ],
    });
    expect([...ctx.audit!.reads.keys()].sort()).toEqual(['r1', 'r2']);
  });

  it('refuses a role the field does not name (FORBIDDEN) and an anonymous request (UNAUTHENTICATED)', async () => {
    const council = context(actor([Role.COUNCIL_MEMBER]));
    const forbidden = await run(council);
    expect(forbidden.errors?.map((e) => (e.originalError as { code?: string }).code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    // Nothing read, but the refused attempt is recorded per person.
    expect(council.audit!.reads.size).toBe(0);
    expect([...council.audit!.refusals.keys()].sort()).toEqual(['r1', 'r2']);
    const anonymous = await run(context(null));
    expect(anonymous.errors?.map((e) => (e.originalError as { code?: string }).code)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
  });

  it("applies a scoped actor's row rule (provider staff: their own people; break-the-glass flagged)", async () => {
    const inScope = async (recipientId: string) => recipientId === 'r1';
    const staff = context(actor([Role.PROVIDER_STAFF], { providerId: 'p1' }), { inScope });
    const result = await run(staff);
    expect(result.data).toEqual({
      personalSpecVisits: [
        { id: 'v1', note: 'первый' },
        { id: 'v2', note: null },
      ],
    });
    expect(result.errors?.map((e) => (e.originalError as { code?: string }).code)).toEqual(['OUT_OF_SCOPE']);
    expect([...staff.audit!.reads.keys()]).toEqual(['r1']);

    const granted = context(actor([Role.PROVIDER_STAFF], { providerId: 'p1', grants: ['r2'] }), { inScope });
    const opened = await run(granted);
    expect(opened.errors).toBeUndefined();
    expect([...granted.audit!.brokenGlass]).toEqual(['r2']);
  });

  it('is refused at build time on a property that a field resolver also resolves', async () => {
    @ObjectType('PersonalSpecShadowed')
    class Shadowed {
      @Field(() => ID)
      recipientId!: string;

      @Personal([Role.COORDINATOR])
      @Field()
      note!: string;
    }
    @Resolver(() => Shadowed)
    class ShadowedResolver {
      @Query(() => Shadowed)
      personalSpecShadowed(): Shadowed {
        return { recipientId: 'r1', note: 'x' };
      }

      @FieldResolver(() => String)
      note(@Root() root: Shadowed): string {
        return root.note;
      }
    }
    await expect(buildFederatedSubgraph({ resolvers: [ShadowedResolver] })).rejects.toThrow(
      'PersonalSpecShadowed.note: @Personal on a property that has a field resolver',
    );
  });
});
