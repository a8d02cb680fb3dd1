import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, singleLoader } from '@sl/core';
import { MedicalConclusion } from './conclusion/medical-conclusion.entity.js';
import { createHealthIndicatorLoaders } from './figures/health-indicators.js';
import { RequestAnswer } from './interagency/request-answer.entity.js';
import { MobileTeamVisit } from './mobile-team/mobile-team-visit.entity.js';
import { RehabilitationEpisode } from './rehabilitation/rehabilitation-episode.entity.js';

export function createHealthLoaders(em: EntityManager) {
  return {
    indicators: createHealthIndicatorLoaders(em),
    conclusionsByRecipient: groupedLoader(em, MedicalConclusion, 'recipientId', { issuedOn: 'desc' }),
    conclusionById: singleLoader(em, MedicalConclusion, 'id'),
    episodesByRecipient: groupedLoader(em, RehabilitationEpisode, 'recipientId', { startDate: 'desc' }),
    visitsByRecipient: groupedLoader(em, MobileTeamVisit, 'recipientId', { visitedOn: 'desc' }),
    answerByRequest: singleLoader(em, RequestAnswer, 'requestId'),
  };
}
export type HealthLoaders = ReturnType<typeof createHealthLoaders>;
