import { subgraphFigures } from '@sl/core';

/**
 * Health records the issuing organisation, not the person's residence: a municipality's share of
 * these figures cannot be told honestly, so every one of them is regional.
 */
const REGION_ONLY = 'Null for a municipality: health records hold no residence of the person';

/**
 * Health's figures for every requested key, from the figures the database keeps as the records
 * change (migration `figure_days`): a series of 24 months costs what one date costs, and neither
 * depends on the number of people. Each figure is a count as of the end of the key's day; the
 * scope is not read: the resolver asks for the region only.
 */
const figures = subgraphFigures('health', [
  {
    name: 'medicalConclusionsIssued',
    figure: 'conclusion.issued',
    scope: 'region',
    description: `Medical conclusions on contraindications (order 202н) issued by the date. ${REGION_ONLY}`,
  },
  {
    name: 'medicalConclusionsWithContraindications',
    figure: 'conclusion.contraindicated',
    scope: 'region',
    description: `Of the conclusions issued by the date: those that found contraindications. ${REGION_ONLY}`,
  },
  {
    name: 'medicalConclusionsValid',
    figure: 'conclusion.valid',
    scope: 'region',
    description: `Conclusions in force on the date (issued by it, not expired). ${REGION_ONLY}`,
  },
  {
    name: 'interagencyRequestsAnsweredByHealth',
    figure: 'answer',
    scope: 'region',
    description: `Interagency requests answered by health by the date. ${REGION_ONLY}`,
  },
  {
    name: 'peopleInMedicalRehabilitation',
    figure: 'rehabilitation',
    scope: 'region',
    description: `People in a medical rehabilitation episode under way on the date. ${REGION_ONLY}`,
  },
  {
    name: 'mobileTeamVisits',
    figure: 'mobile_visit',
    scope: 'region',
    description: `Mobile medical team visits by the date (seed 003 item 1.9). ${REGION_ONLY}`,
  },
]);

/** The `Indicators` entity as health sees it: only the key (coordination owns it). */
export const HealthIndicators = figures.Indicators;
/** Health's figures of the Council's indicators (aggregates only: no person is named). */
export const HealthIndicatorsResolver = figures.IndicatorsResolver;
export const createHealthIndicatorLoaders = figures.loaders;
