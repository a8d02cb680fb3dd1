import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@sl/core';
import { Enrolment } from './enrolment/enrolment.entity.js';
import { createEducationIndicatorLoaders } from './figures/education-indicators.js';
import { GuidanceSession } from './guidance/guidance-session.entity.js';
import { PmpkRecommendation } from './pmpk/pmpk-recommendation.entity.js';

/** The card's rows go to GraphQL as plain objects: nothing read here is changed in the request. */
export function createEducationLoaders(em: EntityManager) {
  return {
    indicators: createEducationIndicatorLoaders(em),
    enrolmentsByRecipient: groupedLoader(em, Enrolment, 'recipientId', { startDate: 'desc' }, 'plain'),
    pmpkByRecipient: groupedLoader(em, PmpkRecommendation, 'recipientId', { issuedOn: 'desc' }, 'plain'),
    guidanceByRecipient: groupedLoader(em, GuidanceSession, 'recipientId', { heldOn: 'desc' }, 'plain'),
  };
}
export type EducationLoaders = ReturnType<typeof createEducationLoaders>;
