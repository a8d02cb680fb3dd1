import { subgraphFigures } from '@sl/core';

/**
 * Education records the organisation by name only, not its municipality nor the person's
 * residence: a municipality's share cannot be told honestly, so every figure here is regional.
 */
const REGION_ONLY = 'Null for a municipality: education records hold no residence of the person';

/**
 * Education's figures for every requested key, from the figures the database keeps as the records
 * change (migration `figure_days`). A person studies on a day from the enrolment's start to its
 * end, both included; people are counted once however many enrolments they have. The region's
 * figures, whatever the key's scope (as before: education keeps no municipality).
 */
const figures = subgraphFigures('education', [
  {
    name: 'peopleInEducation',
    figure: 'studying',
    scope: 'region',
    description: `People in education on the date, any level, each counted once (seed 000 item 9). ${REGION_ONLY}`,
  },
  {
    name: 'peopleInGeneralEducation',
    figure: 'studying.level',
    dim: 'GENERAL',
    scope: 'region',
    description: `People in general education on the date (seed 003 item 2.14). ${REGION_ONLY}`,
  },
  {
    name: 'peopleInVocationalEducation',
    figure: 'studying.level',
    dim: 'VOCATIONAL',
    scope: 'region',
    description: `People in vocational education on the date. ${REGION_ONLY}`,
  },
  {
    name: 'peopleInFurtherProfessionalEducation',
    figure: 'studying.level',
    dim: 'FURTHER_PROFESSIONAL',
    scope: 'region',
    description: `People in further professional education on the date. ${REGION_ONLY}`,
  },
  {
    name: 'educationProgrammesCompleted',
    figure: 'completed',
    scope: 'region',
    description: `Education programmes completed by the date. ${REGION_ONLY}`,
  },
  {
    name: 'pmpkRecommendationsIssued',
    figure: 'pmpk',
    scope: 'region',
    description: `ПМПК recommendations issued by the date. ${REGION_ONLY}`,
  },
  {
    name: 'vocationalGuidanceSessions',
    figure: 'guidance',
    scope: 'region',
    description: `Vocational guidance sessions held by the date (seed 003 item 2.16). ${REGION_ONLY}`,
  },
]);

/** The `Indicators` entity as education sees it: only the key (coordination owns it). */
export const EducationIndicators = figures.Indicators;
/** Education's figures of the Council's indicators (aggregates only: no person is named). */
export const EducationIndicatorsResolver = figures.IndicatorsResolver;
export const createEducationIndicatorLoaders = figures.loaders;
