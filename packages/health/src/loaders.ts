import { groupedLoader } from '@sl/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MedicalConclusion } from './conclusion/medical-conclusion.entity.js';

export function createHealthLoaders(em: EntityManager) {
  return { conclusionsByRecipient: groupedLoader(em, MedicalConclusion, 'recipientId', { issuedOn: 'desc' }) };
}
export type HealthLoaders = ReturnType<typeof createHealthLoaders>;
