import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@sl/core';
import { Enrolment } from './enrolment/enrolment.entity.js';
import { createEducationIndicatorLoaders } from './figures/education-indicators.js';
import { GuidanceSession } from './guidance/guidance-session.entity.js';
import { PmpkRecommendation } from './pmpk/pmpk-recommendation.entity.js';

export function createEducationLoaders(em: EntityManager) {
  return {
    indicators: createEducationIndicatorLoaders(em),
    enrolmentsByRecipient: groupedLoader(em, Enrolment, 'recipientId', { startDate: 'desc' }),
    pmpkByRecipient: groupedLoader(em, PmpkRecommendation, 'recipientId', { issuedOn: 'desc' }),
    guidanceByRecipient: groupedLoader(em, GuidanceSession, 'recipientId', { heldOn: 'desc' }),
  };
}
export type EducationLoaders = ReturnType<typeof createEducationLoaders>;
