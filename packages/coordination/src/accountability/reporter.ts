import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, AppError, isUuid, Role } from '@sl/core';
import { Agency } from '../agency/agency.entity.js';
import { ItemExecutor } from '../roadmap/roadmap.entity.js';

/** Who files a report: the caller, and the directory agency their account belongs to. */
export interface Reporter {
  authorId: string;
  authorName: string;
  agency: Agency;
  /** The region's coordination body: a coordinator of the authorised body, who reports for anyone. */
  coordinates: boolean;
}

/**
 * The caller as the author of a report. Accounts and API clients name their agency by its
 * directory id; one without an agency of the directory reports on nothing.
 */
export async function reporterOf(em: EntityManager, actor: Actor | null): Promise<Reporter> {
  const agency =
    actor?.agencyId && isUuid(actor.agencyId) ? await em.findOne(Agency, { id: actor.agencyId }) : null;
  if (!actor || !agency) {
    throw new AppError(
      'AGENCY_REQUIRED',
      'Отчитываться может только сотрудник ведомства из справочника: администратор должен указать ведомство вашей учётной записи',
    );
  }
  return {
    authorId: actor.id,
    authorName: actor.name,
    agency,
    coordinates: actor.roles.includes(Role.COORDINATOR),
  };
}

/** Refuses a report on another region's roadmap or Council: agencies answer for their own region. */
export function requireOwnRegion(reporter: Reporter, region: string): void {
  if (reporter.agency.region !== region) {
    throw new AppError(
      'OTHER_REGION',
      `Ведомство «${reporter.agency.name}» относится к другому региону и не отчитывается по этому плану`,
    );
  }
}

/**
 * Only an agency the item names, responsible or co-executing, or the region's coordination body,
 * reports on an obligation of the item.
 */
export async function requireExecutor(
  em: EntityManager,
  reporter: Reporter,
  itemId: string,
  region: string,
): Promise<void> {
  requireOwnRegion(reporter, region);
  if (reporter.coordinates) return;
  const named = await em.count(ItemExecutor, { item: itemId, agency: reporter.agency.id });
  if (named === 0) {
    throw new AppError(
      'NOT_EXECUTING_AGENCY',
      `Ведомство «${reporter.agency.name}» не названо исполнителем этого мероприятия и не может по нему отчитываться`,
    );
  }
}
