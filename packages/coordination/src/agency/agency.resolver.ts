import { Access, Connection, PageArgs, type SubgraphContext } from '@sl/core';
import { IsOptional, Matches } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { Agency } from './agency.entity.js';
import { CreateAgencyInput, REGION_MESSAGE, REGION_PATTERN, UpdateAgencyInput } from './agency.inputs.js';
import { AgencyService } from './agency.service.js';

@ObjectType()
export class AgencyConnection extends Connection(Agency, 'Agency') {}

@ArgsType()
class AgenciesArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: REGION_MESSAGE })
  region?: string;
}

@Resolver(() => Agency)
export class AgencyResolver {
  @Authorized(...Access.REFERENCE)
  @Query(() => AgencyConnection, { description: 'The agency directory, by region and name' })
  agencies(@Ctx() ctx: SubgraphContext, @Args(() => AgenciesArgs) args: AgenciesArgs) {
    return new AgencyService(ctx.em).list(args.region, args);
  }

  @Authorized(...Access.REFERENCE)
  @Query(() => Agency, {
    nullable: true,
    description: 'One agency of the directory (accounts and API clients name theirs by this id)',
  })
  agency(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID) id: string) {
    return new AgencyService(ctx.em).byId(id);
  }

  @Authorized(...Access.REFERENCE)
  @Query(() => Agency, {
    nullable: true,
    description: 'The agency a name or abbreviation written in a document stands for',
  })
  resolveAgency(
    @Ctx() ctx: SubgraphContext,
    @Arg('region', () => String) region: string,
    @Arg('text', () => String) text: string,
  ) {
    return new AgencyService(ctx.em).resolve(region, text.slice(0, 1000));
  }

  @Authorized(...Access.ADMINISTRATION)
  @Mutation(() => Agency, { description: 'Adds an agency to a region’s directory (administrators)' })
  createAgency(@Ctx() ctx: SubgraphContext, @Arg('input', () => CreateAgencyInput) input: CreateAgencyInput) {
    return new AgencyService(ctx.em).create(input);
  }

  @Authorized(...Access.ADMINISTRATION)
  @Mutation(() => Agency, { description: 'Changes an agency’s name, spellings or kind (administrators)' })
  updateAgency(@Ctx() ctx: SubgraphContext, @Arg('input', () => UpdateAgencyInput) input: UpdateAgencyInput) {
    return new AgencyService(ctx.em).update(input);
  }
}
