import type { EntityManager } from '@mikro-orm/postgresql';
import { singleLoader } from '@sl/core';
import DataLoader from 'dataloader';
import { Agency } from './agency/agency.entity.js';
import { CouncilDecision, CouncilMeeting } from './council/council.entity.js';
import { CouncilDecisionPerson } from './council/decision-person.entity.js';
import { DecisionReport } from './council/decision-report.entity.js';
import { createIndicatorLoaders } from './indicators/indicators.loaders.js';
import { NeedRegistryEntry } from './need-registry/need-registry.entity.js';
import { EvidenceFile, Obligation, ProgressReport } from './obligation/obligation.entity.js';
import { ItemExecutor, Roadmap, RoadmapItem, RoadmapSection } from './roadmap/roadmap.entity.js';

export function createCoordinationLoaders(em: EntityManager) {
  return {
    indicators: createIndicatorLoaders(em),
    needByRecipient: singleLoader(em, NeedRegistryEntry, 'recipientId'),
    agencyById: singleLoader(em, Agency, 'id'),
    itemById: singleLoader(em, RoadmapItem, 'id'),
    roadmapById: singleLoader(em, Roadmap, 'id'),
    sectionById: singleLoader(em, RoadmapSection, 'id'),
    executorsByItem: groupedByRelation(em, ItemExecutor, 'item', { position: 'asc' }),
    obligationsByItem: groupedByRelation(em, Obligation, 'item', { dueDate: 'asc' }),
    reportsByObligation: groupedByRelation(em, ProgressReport, 'obligation', { reportedOn: 'asc' }),
    evidenceByReport: groupedByRelation(em, EvidenceFile, 'report', { id: 'asc' }),
    reportsByDecision: groupedByRelation(em, DecisionReport, 'decision', { reportedOn: 'asc', id: 'asc' }),
    evidenceByDecisionReport: groupedByRelation(em, EvidenceFile, 'decisionReport', { id: 'asc' }),
    /** Files with their content (lists load files without it). */
    evidenceContentById: new DataLoader<string, Buffer | null>(async (ids) => {
      const files = await em.find(
        EvidenceFile,
        { id: { $in: [...ids] } },
        { populate: ['content'] as never },
      );
      const byId = new Map(files.map((f) => [f.id, f.content]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    sectionsByRoadmap: groupedByRelation(em, RoadmapSection, 'roadmap', { position: 'asc' }),
    decisionsByMeeting: groupedByRelation(em, CouncilDecision, 'meeting', { number: 'asc', id: 'asc' }),
    peopleByDecision: groupedByRelation(em, CouncilDecisionPerson, 'decision', { position: 'asc' }),
    /** A decision's meeting (and `roadmapById`, an item's roadmap): what references name (numbering/). */
    meetingById: singleLoader(em, CouncilMeeting, 'id'),
    itemsByDecision: new DataLoader<string, RoadmapItem[]>(async (ids) => {
      const decisions = await em.find(CouncilDecision, { id: { $in: [...ids] } }, { populate: ['items'] });
      const byId = new Map(decisions.map((d) => [d.id, d.items.getItems()]));
      return ids.map((id) => byId.get(id) ?? []);
    }),
  };
}
export type CoordinationLoaders = ReturnType<typeof createCoordinationLoaders>;

/** Rows grouped by a many-to-one relation's id (the core helper groups by a scalar column). */
function groupedByRelation<T extends object>(
  em: EntityManager,
  entity: new () => T,
  relation: keyof T & string,
  orderBy: Record<string, 'asc' | 'desc'>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await em.find(entity, { [relation]: { $in: [...keys] } } as never, {
      orderBy: orderBy as never,
    });
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get((row[relation] as { id: string }).id)?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}
