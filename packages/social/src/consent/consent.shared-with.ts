import { type Actor, consentBoundMinistries, pgTextArray } from '@sl/core';
import { ConsentAction, ConsentKind } from './consent.enums.js';

/**
 * `sharingState(…) = 'IN_FORCE'` (consent.rules.ts) as SQL over the person `person` names (a column
 * or expression: `r.id`, `x.recipient_id`), so a list holds only the people this officer may read:
 * the latest fact of each scope that matters to this officer (processing; sharing with their
 * ministry, whole or their agency), as of `today`, must be GIVEN for processing and for at least
 * one sharing scope. Null when the actor reads without consent (a coordinator, provider staff):
 * nothing to restrict.
 */
export function sharedWithSql(
  actor: Actor,
  today: string,
): { sql: (person: string) => string; params: unknown[] } | null {
  const ministries = consentBoundMinistries(actor);
  if (ministries.length === 0) return null;
  const latestGiven = (person: string, kind: ConsentKind) =>
    `exists (select 1 from (
       select distinct on (c.kind, c.shared_with, c.agency_id) c.kind, c.action
         from social.consent_event c
        where c.recipient_id = ${person} and c.effective_on <= ?::date
          and (c.kind = '${ConsentKind.PERSONAL_DATA}'
               or (c.kind = '${ConsentKind.SHARING}' and c.shared_with = any(?::text[])
                   and (c.agency_id is null or c.agency_id = ?)))
        order by c.kind, c.shared_with, c.agency_id, c.effective_on desc, c.recorded_at desc
     ) latest where latest.kind = '${kind}' and latest.action = '${ConsentAction.GIVEN}')`;
  const params = [today, pgTextArray(ministries), actor.agencyId ?? null];
  return {
    sql: (person) =>
      `${latestGiven(person, ConsentKind.PERSONAL_DATA)} and ${latestGiven(person, ConsentKind.SHARING)}`,
    params: [...params, ...params],
  };
}
