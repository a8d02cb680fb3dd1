import { AboutConsentingRecipient, Access } from '@sl/core';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EmploymentContext } from '../common.js';
import { EmploymentSupport } from './employment-support.entity.js';
import { RecordEmploymentSupportInput } from './employment-support.inputs.js';
import { EmploymentSupportService } from './employment-support.service.js';

@Resolver(() => EmploymentSupport)
export class EmploymentSupportResolver {
  @Authorized(...Access.EMPLOYMENT_WRITE)
  @AboutConsentingRecipient()
  @Mutation(() => EmploymentSupport, {
    description:
      'Records unemployment registration, vocational training or guidance, self-employment support',
  })
  recordEmploymentSupport(
    @Ctx() ctx: EmploymentContext,
    @Arg('input', () => RecordEmploymentSupportInput) input: RecordEmploymentSupportInput,
  ) {
    return new EmploymentSupportService(ctx.em).record(ctx, input);
  }
}
