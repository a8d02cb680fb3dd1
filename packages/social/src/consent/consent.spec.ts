import { ConsentAction, ConsentKind, Ministry } from './consent.enums.js';
import { type ConsentFact, inForce, sharingState } from './consent.rules.js';

const fact = (
  kind: ConsentKind,
  action: ConsentAction,
  effectiveOn: string,
  sharedWith: Ministry | null = null,
  agencyId: string | null = null,
): ConsentFact => ({
  kind,
  action,
  effectiveOn,
  sharedWith,
  agencyId,
  recordedAt: new Date(`${effectiveOn}T10:00:00Z`),
});

const { GIVEN, WITHDRAWN } = ConsentAction;
const processing = fact(ConsentKind.PERSONAL_DATA, GIVEN, '2026-01-10');
const health = fact(ConsentKind.SHARING, GIVEN, '2026-01-10', Ministry.HEALTH);

describe('sharing under consent (152-ФЗ art. 9: processing and transfer need the person’s consent)', () => {
  it('needs both the processing and a sharing consent naming the ministry', () => {
    expect(sharingState([processing, health], [Ministry.HEALTH], null, '2026-02-01')).toBe('IN_FORCE');
    expect(sharingState([health], [Ministry.HEALTH], null, '2026-02-01')).toBe('MISSING');
    expect(sharingState([processing, health], [Ministry.EDUCATION], null, '2026-02-01')).toBe('MISSING');
  });

  it('counts a consent only from its date, and a withdrawal from its own', () => {
    const withdrawal = fact(ConsentKind.SHARING, WITHDRAWN, '2026-03-01', Ministry.HEALTH);
    const facts = [processing, health, withdrawal];
    expect(sharingState(facts, [Ministry.HEALTH], null, '2026-01-09')).toBe('MISSING');
    expect(sharingState(facts, [Ministry.HEALTH], null, '2026-02-28')).toBe('IN_FORCE');
    expect(sharingState(facts, [Ministry.HEALTH], null, '2026-03-01')).toBe('WITHDRAWN');
    const renewed = fact(ConsentKind.SHARING, GIVEN, '2026-04-01', Ministry.HEALTH);
    expect(sharingState([...facts, renewed], [Ministry.HEALTH], null, '2026-04-01')).toBe('IN_FORCE');
  });

  it('limits a consent naming one agency to that agency’s officers', () => {
    const oneAgency = fact(ConsentKind.SHARING, GIVEN, '2026-01-10', Ministry.EDUCATION, 'Минобразования');
    expect(sharingState([processing, oneAgency], [Ministry.EDUCATION], 'Минобразования', '2026-02-01')).toBe(
      'IN_FORCE',
    );
    expect(sharingState([processing, oneAgency], [Ministry.EDUCATION], 'Колледж', '2026-02-01')).toBe(
      'MISSING',
    );
  });

  it('stops every sharing when consent to processing is withdrawn', () => {
    const withdrawn = fact(ConsentKind.PERSONAL_DATA, WITHDRAWN, '2026-05-01');
    expect(sharingState([processing, health, withdrawn], [Ministry.HEALTH], null, '2026-05-02')).toBe(
      'WITHDRAWN',
    );
  });

  it('lists as in force the scopes whose latest fact is a consent given', () => {
    const withdrawal = fact(ConsentKind.SHARING, WITHDRAWN, '2026-03-01', Ministry.HEALTH);
    expect(inForce([processing, health, withdrawal], '2026-03-02')).toEqual([processing]);
  });
});
