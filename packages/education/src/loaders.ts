import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@sl/core';
import { Enrolment } from './enrolment/enrolment.entity.js';

export function createEducationLoaders(em: EntityManager) {
  return { enrolmentsByRecipient: groupedLoader(em, Enrolment, 'recipientId', { startDate: 'desc' }) };
}
export type EducationLoaders = ReturnType<typeof createEducationLoaders>;
