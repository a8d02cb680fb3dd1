import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@sl/core';
import { MedicalConclusion } from './conclusion/medical-conclusion.entity.js';

export function createHealthLoaders(em: EntityManager) {
  return {
    conclusionsByRecipient: groupedLoader(em, MedicalConclusion, 'recipientId', { issuedOn: 'desc' }),
  };
}
export type HealthLoaders = ReturnType<typeof createHealthLoaders>;
