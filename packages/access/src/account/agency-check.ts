import { type SubgraphContext, ValidationError } from '@sl/core';

/**
 * An account or API client belongs to an agency of the directory (coordination's), named by its
 * id: asked of coordination through the graph, never from its tables.
 */
export async function requireDirectoryAgency(ctx: SubgraphContext, agencyId: string | null | undefined) {
  if (!agencyId) return;
  const found = await ctx.peer<{ agency: { id: string } | null }>(
    'coordination',
    'query ($id: ID!) { agency(id: $id) { id } }',
    { id: agencyId },
  );
  if (!found.agency) {
    throw new ValidationError('Ведомство не найдено в справочнике ведомств', 'agencyId', 'AGENCY_UNKNOWN');
  }
}
