import { raw } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Actor, consentBoundMinistries, pgTextArray } from '@sl/core';
import { ConsentAction, ConsentKind } from './consent.enums.js';

/**
 * `sharingState(…) = 'IN_FORCE'` (consent.rules.ts) as a condition on the recipient's row, so a
 * ministry's sync can page through only the people it may read: the latest fact of each scope
 * that matters to this officer (processing; sharing with their ministry, whole or their agency),
 * as of `today`, must be GIVEN for processing and for at least one sharing scope. Null when the
 * actor reads without consent (a coordinator, provider staff): nothing to restrict.
 */
export function sharedWithActor<T>(actor: Actor, today: string): FilterQuery<T> | null {
  const ministries = consentBoundMinistries(actor);
  if (ministries.length === 0) return null;
  const latestGiven = (alias: string, kind: ConsentKind) =>
    `exists (select 1 from (
       select distinct on (c.kind, c.shared_with, c.agency_id) c.kind, c.action
         from social.consent_event c
        where c.recipient_id = ${alias}.id and c.effective_on <= ?::date
          and (c.kind = '${ConsentKind.PERSONAL_DATA}'
               or (c.kind = '${ConsentKind.SHARING}' and c.shared_with = any(?::text[])
                   and (c.agency_id is null or c.agency_id = ?)))
        order by c.kind, c.shared_with, c.agency_id, c.effective_on desc, c.recorded_at desc
     ) latest where latest.kind = '${kind}' and latest.action = '${ConsentAction.GIVEN}')`;
  const params = [today, pgTextArray(ministries), actor.agencyId ?? null];
  return {
    [raw(
      (alias) =>
        `${latestGiven(alias, ConsentKind.PERSONAL_DATA)} and ${latestGiven(alias, ConsentKind.SHARING)}`,
      [...params, ...params],
    )]: [],
  } as FilterQuery<T>;
}
