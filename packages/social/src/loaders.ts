import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, singleLoader } from '@sl/core';
import DataLoader from 'dataloader';
import { Application, ApplicationDocument } from './application/application.entity.js';
import { Assessment } from './assessment/assessment.entity.js';
import { ConsentEvent } from './consent/consent.entity.js';
import { CaseDocument } from './document/case-document.entity.js';
import { HousingOccupancy } from './housing/housing-occupancy.entity.js';
import { HousingUnit } from './housing/housing-unit.entity.js';
import { DecisionNotice } from './informing/decision-notice.entity.js';
import { InteragencyAnswer } from './interagency/interagency-answer.entity.js';
import { InteragencyRequest } from './interagency/interagency-request.entity.js';
import { Provider } from './provider/provider.entity.js';
import { Recipient } from './recipient/recipient.entity.js';
import { possibleDuplicatesLoader } from './recipient/recipient.loaders.js';
import { createServicesLoaders } from './services/services.loaders.js';
import { ReadinessReview } from './stage/readiness-review.entity.js';
import { Stage } from './stage/stage.entity.js';
import { Termination } from './termination/termination.entity.js';
import { caseEventsLoader } from './timeline/timeline.service.js';

/** Open places of each unit: one query gives the occupants and the occupied/free counts. */
function openOccupanciesByUnit(em: EntityManager) {
  return new DataLoader<string, HousingOccupancy[]>(async (ids) => {
    const rows = await em.find(
      HousingOccupancy,
      { unit: { $in: [...ids] }, toDate: null },
      { orderBy: { fromDate: 'asc', id: 'asc' } },
    );
    const groups = new Map<string, HousingOccupancy[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(row.unit.id)?.push(row);
    return ids.map((id) => groups.get(id) ?? []);
  });
}

export function createSocialLoaders(em: EntityManager) {
  return {
    recipientById: singleLoader(em, Recipient, 'id'),
    providerById: singleLoader(em, Provider, 'id'),
    housingUnitById: singleLoader(em, HousingUnit, 'id'),
    openOccupanciesByUnit: openOccupanciesByUnit(em),
    occupanciesByRecipient: groupedLoader(em, HousingOccupancy, 'recipientId', {
      fromDate: 'desc',
      id: 'asc',
    }),
    ...createServicesLoaders(em),
    stagesByRecipient: groupedLoader(em, Stage, 'recipientId', { startedOn: 'asc', createdAt: 'asc' }),
    reviewsByStage: groupedLoader(em, ReadinessReview, 'stageId', { ordinal: 'asc' }),
    possibleDuplicates: possibleDuplicatesLoader(em),
    applicationsByRecipient: groupedLoader(em, Application, 'recipientId', {
      submittedOn: 'desc',
      createdAt: 'desc',
    }),
    terminationsByRecipient: groupedLoader(em, Termination, 'recipientId', {
      effectiveOn: 'desc',
      id: 'asc',
    }),
    documentsByApplication: groupedLoader(em, ApplicationDocument, 'applicationId', { kind: 'asc' }),
    caseDocumentsByRecipient: groupedLoader(em, CaseDocument, 'recipientId', {
      uploadedAt: 'desc',
      id: 'asc',
    }),
    caseDocumentsByApplication: groupedLoader(em, CaseDocument, 'applicationId', {
      uploadedAt: 'asc',
      id: 'asc',
    }),
    noticesByApplication: groupedLoader(em, DecisionNotice, 'applicationId', {
      informedOn: 'asc',
      id: 'asc',
    }),
    assessmentsByRecipient: groupedLoader(em, Assessment, 'recipientId', {
      assessedOn: 'desc',
      createdAt: 'desc',
    }),
    interagencyRequestById: singleLoader(em, InteragencyRequest, 'id'),
    consentsByRecipient: groupedLoader(em, ConsentEvent, 'recipientId', {
      effectiveOn: 'desc',
      recordedAt: 'desc',
    }),
    caseEvents: caseEventsLoader(em),
    interagencyRequestsByRecipient: groupedLoader(em, InteragencyRequest, 'recipientId', {
      sentOn: 'desc',
      createdAt: 'desc',
    }),
    answersByRequest: groupedLoader(em, InteragencyAnswer, 'requestId', { recordedAt: 'asc' }),
  };
}
export type SocialLoaders = ReturnType<typeof createSocialLoaders>;
