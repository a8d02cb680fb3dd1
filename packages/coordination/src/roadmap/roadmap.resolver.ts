import { Access, Connection, NotFoundError, PageArgs, type SubgraphContext } from '@sl/core';
import { IsOptional, IsUUID, Length, Matches } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Agency } from '../agency/agency.entity.js';
import { REGION_MESSAGE, REGION_PATTERN } from '../agency/agency.inputs.js';
import type { CoordinationLoaders } from '../loaders.js';
import { Obligation } from '../obligation/obligation.entity.js';
import { ItemExecutor, Roadmap, RoadmapItem, RoadmapSection } from './roadmap.entity.js';
import { RoadmapService } from './roadmap.service.js';
import { RoadmapImportInput, RoadmapImportResult } from './roadmap-import.inputs.js';
import { RoadmapImportService } from './roadmap-import.service.js';

type CoordinationContext = SubgraphContext<CoordinationLoaders>;

@ObjectType()
export class RoadmapConnection extends Connection(Roadmap, 'Roadmap') {}

@ObjectType()
export class RoadmapItemConnection extends Connection(RoadmapItem, 'RoadmapItem') {}

@ArgsType()
class RoadmapsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: REGION_MESSAGE })
  region?: string;
}

@ArgsType()
class ItemsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор дорожной карты' })
  roadmapId?: string;

  @Field(() => String, { nullable: true, description: 'Items of every roadmap of this region' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: REGION_MESSAGE })
  region?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор раздела' })
  sectionId?: string;

  @Field(() => ID, { nullable: true, description: 'Items naming this agency as an executor' })
  @IsOptional()
  @IsUUID('all', { message: 'Неверный идентификатор ведомства' })
  agencyId?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The item’s number from its start (1.2 finds 1.2 and 1.2.3), or words of its measure, any case',
  })
  @IsOptional()
  @Length(1, 200, { message: 'Поиск мероприятия: от 1 до 200 символов' })
  search?: string;
}

@Resolver(() => Roadmap)
export class RoadmapResolver {
  @Authorized(...Access.AGGREGATE)
  @Query(() => RoadmapConnection, { description: 'Imported roadmaps' })
  roadmaps(@Ctx() ctx: CoordinationContext, @Args(() => RoadmapsArgs) args: RoadmapsArgs) {
    return new RoadmapService(ctx.em).list(args.region, args);
  }

  @Authorized(...Access.AGGREGATE)
  @Query(() => Roadmap)
  roadmap(@Ctx() ctx: CoordinationContext, @Arg('id', () => ID) id: string) {
    return new RoadmapService(ctx.em).get(id);
  }

  @Authorized(...Access.AGGREGATE)
  @Query(() => RoadmapItemConnection, {
    description: 'Items by roadmap, section, agency or number and words, in document order',
  })
  roadmapItems(@Ctx() ctx: CoordinationContext, @Args(() => ItemsArgs) args: ItemsArgs) {
    return new RoadmapService(ctx.em).items(args, args);
  }

  @Authorized(...Access.REFERENCE_WRITE)
  @Mutation(() => RoadmapImportResult, {
    description: 'Imports a roadmap (.txt, .docx, .xlsx): atomic; the same document again changes nothing',
  })
  importRoadmap(
    @Ctx() ctx: CoordinationContext,
    @Arg('input', () => RoadmapImportInput) input: RoadmapImportInput,
  ) {
    return new RoadmapImportService(ctx.em, ctx.clock).import(input);
  }

  @Authorized(...Access.REFERENCE_WRITE)
  @Mutation(() => RoadmapImportResult, { description: 'What importRoadmap would import; writes nothing' })
  previewRoadmapImport(
    @Ctx() ctx: CoordinationContext,
    @Arg('input', () => RoadmapImportInput) input: RoadmapImportInput,
  ) {
    return new RoadmapImportService(ctx.em, ctx.clock).preview(input);
  }

  @FieldResolver(() => [RoadmapSection])
  sections(@Root() roadmap: Roadmap, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.sectionsByRoadmap.load(roadmap.id);
  }
}

@Resolver(() => RoadmapItem)
export class RoadmapItemResolver {
  @FieldResolver(() => [ItemExecutor])
  executors(@Root() item: RoadmapItem, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.executorsByItem.load(item.id);
  }

  @FieldResolver(() => RoadmapSection, { nullable: true })
  section(@Root() item: RoadmapItem, @Ctx() ctx: CoordinationContext) {
    return item.section ? ctx.loaders.sectionById.load(item.section.id) : null;
  }

  @FieldResolver(() => ID)
  roadmapId(@Root() item: RoadmapItem) {
    return item.roadmap.id;
  }

  @FieldResolver(() => Roadmap, { description: 'The roadmap the item is part of (its title names it)' })
  async roadmap(@Root() item: RoadmapItem, @Ctx() ctx: CoordinationContext) {
    const roadmap = await ctx.loaders.roadmapById.load(item.roadmap.id);
    if (!roadmap) throw new NotFoundError('Дорожная карта', item.roadmap.id);
    return roadmap;
  }

  @FieldResolver(() => [Obligation], { description: 'One per period of the deadline' })
  obligations(@Root() item: RoadmapItem, @Ctx() ctx: CoordinationContext) {
    return ctx.loaders.obligationsByItem.load(item.id);
  }
}

@Resolver(() => ItemExecutor)
export class ItemExecutorResolver {
  @FieldResolver(() => Agency, {
    nullable: true,
    description: 'Null when the directory did not resolve the name',
  })
  agency(@Root() executor: ItemExecutor, @Ctx() ctx: CoordinationContext) {
    return executor.agency ? ctx.loaders.agencyById.load(executor.agency.id) : null;
  }
}
