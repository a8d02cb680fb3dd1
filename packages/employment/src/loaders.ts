import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@sl/core';
import { Placement } from './placement/placement.entity.js';

export function createEmploymentLoaders(em: EntityManager) {
  return { placementsByRecipient: groupedLoader(em, Placement, 'recipientId', { startDate: 'desc' }) };
}
export type EmploymentLoaders = ReturnType<typeof createEmploymentLoaders>;
