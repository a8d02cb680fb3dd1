import { isUuid, type SubgraphContext } from '@sl/core';
import type { SocialLoaders } from '../loaders.js';

/** Other subgraphs hand us `{ id }`; the loader batches all of one request's references. */
export const recipientReference = {
  __resolveReference(reference: { id?: unknown }, ctx: SubgraphContext<SocialLoaders>) {
    return isUuid(reference.id) ? ctx.loaders.recipientById.load(reference.id) : null;
  },
};
