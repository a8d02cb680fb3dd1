import type { SubgraphDefinition } from '@sl/core';
import { MedicalConclusion } from './conclusion/medical-conclusion.entity.js';
import {
  MedicalConclusionResolver,
  Recipient,
  RecipientHealthResolver,
} from './conclusion/medical-conclusion.resolver.js';
import { healthDemo } from './demo.js';
import { HealthIndicators, HealthIndicatorsResolver } from './figures/health-indicators.js';
import { RequestAnswer } from './interagency/request-answer.entity.js';
import {
  InteragencyRequestHealthResolver,
  InteragencyRequestStub,
  RequestAnswerResolver,
} from './interagency/request-answer.resolver.js';
import { createHealthLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { MobileTeamVisit } from './mobile-team/mobile-team-visit.entity.js';
import { MobileTeamVisitResolver } from './mobile-team/mobile-team-visit.resolver.js';
import { RehabilitationEpisode } from './rehabilitation/rehabilitation-episode.entity.js';
import { RehabilitationEpisodeResolver } from './rehabilitation/rehabilitation-episode.resolver.js';

export const healthSubgraph: SubgraphDefinition = {
  name: 'health',
  entities: [MedicalConclusion, RehabilitationEpisode, MobileTeamVisit, RequestAnswer],
  migrations,
  resolvers: [
    RecipientHealthResolver,
    MedicalConclusionResolver,
    RehabilitationEpisodeResolver,
    MobileTeamVisitResolver,
    InteragencyRequestHealthResolver,
    RequestAnswerResolver,
    HealthIndicatorsResolver,
  ],
  orphanedTypes: [Recipient, InteragencyRequestStub, HealthIndicators],
  createLoaders: createHealthLoaders,
  demo: healthDemo,
};
