import type { FilterQuery } from '@mikro-orm/postgresql';
import { Access, Connection, NotFoundError, PageArgs, paginate, ValidationError } from '@sl/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { type EmploymentContext, todayOf } from '../common.js';
import { Employer } from '../employer/employer.entity.js';
import { Vacancy, WorkplaceOrigin } from './vacancy.entity.js';
import { CreateVacancyInput, VacancyFilter } from './vacancy.inputs.js';

@ObjectType()
class VacancyConnection extends Connection(Vacancy, 'Vacancy') {}

@Resolver(() => Vacancy)
export class VacancyResolver {
  @Authorized(...Access.REFERENCE)
  @Query(() => VacancyConnection, { description: 'Vacancies, newest first (quota jobs: 004 п. 2.2.1)' })
  vacancies(
    @Ctx() ctx: EmploymentContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => VacancyFilter, { nullable: true }) filter?: VacancyFilter,
  ) {
    const where: FilterQuery<Vacancy> = {};
    if (filter?.employerId) where.employer = filter.employerId;
    if (typeof filter?.quota === 'boolean') where.quota = filter.quota;
    if (filter?.open) where.closedOn = null;
    return paginate(
      ctx.em,
      Vacancy,
      where,
      [
        { field: 'openedOn', direction: 'DESC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  @Authorized(...Access.REFERENCE)
  @FieldResolver(() => Employer)
  employer(@Root() vacancy: Vacancy, @Ctx() ctx: EmploymentContext) {
    return ctx.loaders.employerById.load(vacancy.employer.id);
  }

  @Authorized(...Access.EMPLOYMENT_WRITE)
  @Mutation(() => Vacancy, { description: 'Records a vacancy, a quota job or a created/equipped workplace' })
  createVacancy(
    @Ctx() ctx: EmploymentContext,
    @Arg('input', () => CreateVacancyInput) input: CreateVacancyInput,
  ) {
    if (input.openedOn > todayOf(ctx)) {
      throw new ValidationError(
        'Дата открытия не может быть позже сегодняшней',
        'openedOn',
        'DATE_IN_FUTURE',
      );
    }
    if (input.quota && input.origin === WorkplaceOrigin.ABOVE_QUOTA) {
      throw new ValidationError(
        'Рабочее место сверх квоты не может одновременно быть квотируемым',
        'origin',
        'QUOTA_CONFLICT',
      );
    }
    return ctx.em.transactional(async (em) => {
      const employer = await em.findOne(Employer, { id: input.employerId });
      if (!employer) throw new NotFoundError('Работодатель', input.employerId);
      const vacancy = em.create(Vacancy, {
        employer,
        position: input.position.trim(),
        workKind: input.workKind,
        quota: input.quota,
        origin: input.origin,
        openedOn: input.openedOn,
      });
      await em.flush();
      return vacancy;
    });
  }
}
