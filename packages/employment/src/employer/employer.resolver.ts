import { Access, ConflictError, Connection, PageArgs, paginate, ValidationError } from '@sl/core';
import { Arg, Args, Authorized, Ctx, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { EmploymentContext } from '../common.js';
import { Employer } from './employer.entity.js';
import { CreateEmployerInput } from './employer.inputs.js';
import { isValidInn, normalizeInn } from './inn.js';

@ObjectType()
class EmployerConnection extends Connection(Employer, 'Employer') {}

@Resolver(() => Employer)
export class EmployerResolver {
  @Authorized(...Access.REFERENCE)
  @Query(() => EmployerConnection, { description: 'Employers by name' })
  employers(@Ctx() ctx: EmploymentContext, @Args(() => PageArgs) page: PageArgs) {
    return paginate(
      ctx.em,
      Employer,
      {},
      [
        { field: 'name', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  @Authorized(...Access.EMPLOYMENT_WRITE)
  @Mutation(() => Employer, { description: 'Registers an employer; the ИНН is checked by its check digits' })
  createEmployer(
    @Ctx() ctx: EmploymentContext,
    @Arg('input', () => CreateEmployerInput) input: CreateEmployerInput,
  ) {
    const inn = normalizeInn(input.inn);
    if (!isValidInn(inn)) {
      throw new ValidationError(
        'Неверный ИНН: 10 цифр для организации или 12 для ИП, контрольные цифры не сходятся',
        'inn',
        'INN_INVALID',
      );
    }
    return ctx.em.transactional(async (em) => {
      if (await em.count(Employer, { inn })) {
        throw new ConflictError('EMPLOYER_EXISTS', 'Работодатель с таким ИНН уже зарегистрирован', {
          field: 'inn',
        });
      }
      const employer = em.create(Employer, {
        name: input.name.trim(),
        inn,
        municipality: input.municipality?.trim() ?? null,
      });
      await em.flush();
      return employer;
    });
  }
}
