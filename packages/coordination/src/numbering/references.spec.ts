import { decisionReference, itemReference, nextDecisionNumber } from './references.js';

describe('references that do not repeat across roadmaps and meetings', () => {
  it('names an item with its roadmap', () => {
    expect(itemReference('Дорожная карта Калининградской области', '2.1.2', '2.1.2')).toBe(
      'Дорожная карта Калининградской области, п. 2.1.2',
    );
    // seed 004 restarts its numbering inside 4.4: the enclosing item tells the two 2.1 apart
    expect(itemReference('Карта', '2.1', '4.4/2.1')).toBe('Карта, п. 2.1 (в п. 4.4)');
    expect(itemReference('Карта', null, '7')).toBe('Карта, п. 7');
  });

  it('names a decision with its protocol, or the meeting date when the protocol has no number', () => {
    expect(decisionReference({ protocolNumber: '3', heldOn: '2025-02-14' }, '3.2')).toBe(
      'Протокол № 3, поручение 3.2',
    );
    expect(decisionReference({ protocolNumber: null, heldOn: '2025-02-14' }, '1')).toBe(
      'Заседание от 14.02.2025, поручение 1',
    );
  });

  it('numbers a meeting’s next decision after its largest whole number', () => {
    expect(nextDecisionNumber([])).toBe('1');
    expect(nextDecisionNumber(['1', '3', null, '2.1'])).toBe('4');
  });
});
