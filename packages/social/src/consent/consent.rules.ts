import { ConsentAction, ConsentKind, type Ministry } from './consent.enums.js';

/** The fields of a consent fact the rules need (the entity, or a row of the sharing query). */
export interface ConsentFact {
  kind: ConsentKind;
  sharedWith: Ministry | null;
  agencyId: string | null;
  action: ConsentAction;
  effectiveOn: string;
  recordedAt: Date;
}

export const scopeKey = (f: Pick<ConsentFact, 'kind' | 'sharedWith' | 'agencyId'>) =>
  `${f.kind}|${f.sharedWith ?? ''}|${f.agencyId ?? ''}`;

/** Later facts first: by the day they took effect, then by when they were entered. */
export const newestFirst = (a: ConsentFact, b: ConsentFact) =>
  b.effectiveOn.localeCompare(a.effectiveOn) || b.recordedAt.getTime() - a.recordedAt.getTime();

/** The latest fact of each scope on `today` (facts dated later are not yet in effect). */
export function latestByScope<T extends ConsentFact>(facts: readonly T[], today: string): Map<string, T> {
  const latest = new Map<string, T>();
  for (const fact of [...facts].sort(newestFirst)) {
    if (fact.effectiveOn > today) continue;
    if (!latest.has(scopeKey(fact))) latest.set(scopeKey(fact), fact);
  }
  return latest;
}

/** The consents in force on `today`: the scopes whose latest fact is a GIVEN one. */
export function inForce<T extends ConsentFact>(facts: readonly T[], today: string): T[] {
  return [...latestByScope(facts, today).values()].filter((f) => f.action === ConsentAction.GIVEN);
}

/**
 * Whether the authorised body may share the person's data with an officer of `ministries` working
 * for `agencyId`: consent to processing in force, and a sharing consent naming one of the
 * ministries (the whole ministry, or that very agency) in force. WITHDRAWN when one of them was
 * in force once and is withdrawn now, MISSING when it was never given.
 */
export function sharingState(
  facts: readonly ConsentFact[],
  ministries: readonly Ministry[],
  agencyId: string | null,
  today: string,
): 'IN_FORCE' | 'WITHDRAWN' | 'MISSING' {
  const relevant = facts.filter(
    (f) =>
      f.kind === ConsentKind.PERSONAL_DATA ||
      (f.kind === ConsentKind.SHARING &&
        f.sharedWith !== null &&
        ministries.includes(f.sharedWith) &&
        (f.agencyId === null || f.agencyId === agencyId)),
  );
  const latest = [...latestByScope(relevant, today).values()];
  const given = (kind: ConsentKind) =>
    latest.some((f) => f.kind === kind && f.action === ConsentAction.GIVEN);
  if (given(ConsentKind.PERSONAL_DATA) && given(ConsentKind.SHARING)) return 'IN_FORCE';
  return latest.some((f) => f.action === ConsentAction.WITHDRAWN) ? 'WITHDRAWN' : 'MISSING';
}
