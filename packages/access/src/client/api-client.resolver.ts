import { Access, Connection, PageArgs, paginate, type SubgraphContext } from '@sl/core';
import { Arg, Args, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireDirectoryAgency } from '../account/agency-check.js';
import { ApiClient } from './api-client.entity.js';
import { CreateApiClientInput } from './api-client.inputs.js';
import { ApiClientService } from './api-client.service.js';

@ObjectType()
export class ApiClientConnection extends Connection(ApiClient, 'ApiClient') {}

@ObjectType({ description: 'Credentials shown once; only their hash is kept' })
class IssuedCredentials {
  @Field(() => ApiClient)
  client!: ApiClient;

  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;
}

@Authorized(Access.ADMINISTRATION)
@Resolver()
export class ApiClientResolver {
  @Query(() => ApiClientConnection, { description: "Partner agencies' systems" })
  apiClients(@Ctx() ctx: SubgraphContext, @Args(() => PageArgs) page: PageArgs) {
    return paginate(
      ctx.em,
      ApiClient,
      {},
      [
        { field: 'name', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  @Mutation(() => IssuedCredentials)
  async createApiClient(
    @Ctx() ctx: SubgraphContext,
    @Arg('input', () => CreateApiClientInput) input: CreateApiClientInput,
  ) {
    await requireDirectoryAgency(ctx, input.agencyId);
    return ctx.em.transactional(async (em) => {
      const issued = await new ApiClientService(em, ctx.clock).create(input);
      ctx.audit?.security('API_CLIENT_ISSUED', {
        entityId: issued.client.id,
        after: { name: issued.client.name, agencyId: issued.client.agencyId, roles: issued.client.roles },
      });
      return issued;
    });
  }

  @Mutation(() => IssuedCredentials, { description: 'A new secret; the old one keeps working for one day' })
  rotateApiClientSecret(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID) id: string) {
    return ctx.em.transactional(async (em) => {
      const issued = await new ApiClientService(em, ctx.clock).rotate(id);
      ctx.audit?.security('API_CLIENT_ROTATED', {
        entityId: issued.client.id,
        after: { name: issued.client.name },
      });
      return issued;
    });
  }

  @Mutation(() => ApiClient, { description: 'Ends the client’s access at once' })
  revokeApiClient(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID) id: string) {
    return ctx.em.transactional(async (em) => {
      const client = await new ApiClientService(em, ctx.clock).revoke(id);
      ctx.audit?.security('API_CLIENT_REVOKED', { entityId: client.id, after: { name: client.name } });
      return client;
    });
  }
}
