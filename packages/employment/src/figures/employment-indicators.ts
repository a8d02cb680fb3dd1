import { subgraphFigures } from '@sl/core';

/**
 * Employment knows where the employer is, not where the person lives: jobs and vacancies are
 * placed in the employer's municipality (said so in each description); the support the agency
 * gives a person has no place in its records, so those figures are regional.
 */
const BY_EMPLOYER =
  'For a municipality: jobs at employers registered in it (where people work, not where they live)';
const REGION_ONLY = 'Null for a municipality: employment’s support records hold no residence of the person';

/**
 * Employment's figures for every requested key, from the figures the database keeps as the records
 * change (migration `figure_days`). A job or a vacancy is in its employer's municipality. A
 * placement counts on a day from its start to its end, both included; people are counted once
 * however many placements they have. The support figures are the region's for every key; the
 * resolver withholds them from a municipality.
 */
const figures = subgraphFigures('employment', [
  {
    name: 'peopleEmployed',
    figure: 'employed',
    scope: 'key',
    description: `People employed on the date, each counted once (seed 000 item 11). ${BY_EMPLOYER}`,
  },
  {
    name: 'peopleInSupportedEmployment',
    figure: 'employed.supported',
    scope: 'key',
    description: `Of those: in supported employment with a mentor (seed 004 item 2.2.2). ${BY_EMPLOYER}`,
  },
  {
    name: 'peopleOnQuotaJobs',
    figure: 'employed.quota',
    scope: 'key',
    description: `Of those: placed on quota jobs (seed 004 item 2.2.1). ${BY_EMPLOYER}`,
  },
  {
    name: 'vacanciesOpen',
    figure: 'vacancy.open',
    scope: 'key',
    description: `Vacancies open on the date. ${BY_EMPLOYER}`,
  },
  {
    name: 'quotaVacanciesOpen',
    figure: 'vacancy.quota_open',
    scope: 'key',
    description: `Of those: quota jobs (seed 004 item 2.2.1). ${BY_EMPLOYER}`,
  },
  {
    name: 'workplacesCreated',
    figure: 'vacancy.created',
    scope: 'key',
    description: `Workplaces created for disabled people by the date (seed 004 item 2.2.3). ${BY_EMPLOYER}`,
  },
  {
    name: 'workplacesEquipped',
    figure: 'vacancy.equipped',
    scope: 'key',
    description: `Workplaces equipped for disabled people by the date (seed 004 item 2.2.3). ${BY_EMPLOYER}`,
  },
  {
    name: 'workplacesAboveQuota',
    figure: 'vacancy.above_quota',
    scope: 'key',
    description: `Additional workplaces above the quota by the date (seed 004 item 2.2.4). ${BY_EMPLOYER}`,
  },
  {
    name: 'registeredUnemployed',
    figure: 'support.unemployed',
    scope: 'region',
    description: `People registered as unemployed on the date (seed 004 item 2.1). ${REGION_ONLY}`,
  },
  {
    name: 'peopleInVocationalTraining',
    figure: 'support.training',
    scope: 'region',
    description: `People in vocational training on the date (seed 004 item 2.1.1). ${REGION_ONLY}`,
  },
  {
    name: 'vocationalGuidanceGiven',
    figure: 'support.guidance',
    scope: 'region',
    description: `Vocational guidance given by the date (seed 004 item 2.1.2). ${REGION_ONLY}`,
  },
  {
    name: 'selfEmploymentSupported',
    figure: 'support.self_employment',
    scope: 'region',
    description: `Self-employment support given by the date (seed 004 item 2.1.3). ${REGION_ONLY}`,
  },
]);

/** The `Indicators` entity as employment sees it: only the key (coordination owns it). */
export const EmploymentIndicators = figures.Indicators;
/** Employment's figures of the Council's indicators (aggregates only: no person is named). */
export const EmploymentIndicatorsResolver = figures.IndicatorsResolver;
export const createEmploymentIndicatorLoaders = figures.loaders;
