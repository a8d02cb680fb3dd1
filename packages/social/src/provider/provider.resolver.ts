import { Access, Connection, PageArgs, type SubgraphContext } from '@sl/core';
import { Arg, Args, Authorized, Ctx, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { SocialLoaders } from '../loaders.js';
import { Provider } from './provider.entity.js';
import { CreateProviderInput, ProviderFilter, UpdateProviderInput } from './provider.inputs.js';
import { ProviderService } from './provider.service.js';

@ObjectType()
export class ProviderConnection extends Connection(Provider, 'Provider') {}

type SocialContext = SubgraphContext<SocialLoaders>;

@Resolver(() => Provider)
export class ProviderResolver {
  @Authorized(Access.REFERENCE)
  @Query(() => ProviderConnection, { description: 'The registry of social-service providers, by short name' })
  providers(
    @Ctx() ctx: SocialContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ProviderFilter, { nullable: true }) filter?: ProviderFilter,
  ) {
    return new ProviderService(ctx.em).list(filter, page);
  }

  @Authorized(Access.REFERENCE)
  @Query(() => Provider, { description: 'One provider by id' })
  provider(@Ctx() ctx: SocialContext, @Arg('id', () => ID) id: string) {
    return new ProviderService(ctx.em).get(id);
  }

  @Authorized(Access.REFERENCE_WRITE)
  @Mutation(() => Provider, { description: 'Adds a provider to the registry' })
  createProvider(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => CreateProviderInput) input: CreateProviderInput,
  ) {
    return new ProviderService(ctx.em).create(input);
  }

  @Authorized(Access.REFERENCE_WRITE)
  @Mutation(() => Provider, { description: 'Changes a provider of the registry' })
  updateProvider(
    @Ctx() ctx: SocialContext,
    @Arg('input', () => UpdateProviderInput) input: UpdateProviderInput,
  ) {
    return new ProviderService(ctx.em).update(input);
  }
}
