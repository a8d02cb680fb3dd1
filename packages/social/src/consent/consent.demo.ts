import type { RowFactory } from '@sl/core';
import { ConsentEvent } from './consent.entity.js';
import { ConsentAction, ConsentKind, Ministry } from './consent.enums.js';

/**
 * The consents a demo person signed with their application: the assessment and the processing
 * of their data (the application form, seed 002), and sharing with the three ministries of the
 * graph, so that the demo officers see the demo card.
 */
export function seedConsentDemo(rows: RowFactory, recipientId: string, on: string): void {
  const facts = [
    { kind: ConsentKind.ASSESSMENT, sharedWith: null },
    { kind: ConsentKind.PERSONAL_DATA, sharedWith: null },
    ...Object.values(Ministry).map((ministry) => ({ kind: ConsentKind.SHARING, sharedWith: ministry })),
  ];
  for (const fact of facts) {
    rows.create(ConsentEvent, {
      recipientId,
      ...fact,
      agencyId: null,
      action: ConsentAction.GIVEN,
      effectiveOn: on,
      document: `Заявление от ${on.split('-').reverse().join('.')}`,
      recordedAt: new Date(`${on}T09:00:00Z`),
      recordedBy: 'coordinator',
    });
  }
}
