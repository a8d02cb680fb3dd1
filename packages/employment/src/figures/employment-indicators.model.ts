import { LocalDate } from '@sl/core';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The `Indicators` entity as employment sees it: only the key. Coordination owns it; employment
 * adds the figures of the data it owns. A class per subgraph so that schemas built in one process
 * stay apart.
 */
@Directive('@key(fields: "scope asOf")')
@ObjectType('Indicators')
export class EmploymentIndicators {
  @Field(() => String)
  scope!: string;

  @Field(() => LocalDate)
  asOf!: string;
}

/** Employment's figures of one scope and date. */
export interface EmploymentFigures {
  peopleEmployed: number;
  peopleInSupportedEmployment: number;
  peopleOnQuotaJobs: number;
  vacanciesOpen: number;
  quotaVacanciesOpen: number;
  workplacesCreated: number;
  workplacesEquipped: number;
  workplacesAboveQuota: number;
  registeredUnemployed: number;
  peopleInVocationalTraining: number;
  vocationalGuidanceGiven: number;
  selfEmploymentSupported: number;
}
