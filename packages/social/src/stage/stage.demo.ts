import type { EntityManager } from '@mikro-orm/postgresql';
import { type DemoPerson, MUNICIPALITIES } from '@sl/core';
import { RuleSet } from '../rules/rule-set.js';
import { Termination } from '../termination/termination.entity.js';
import { TerminationReason } from '../termination/termination.enums.js';
import { ReadinessReview } from './readiness-review.entity.js';
import { Stage } from './stage.entity.js';
import { PlannedHoursPer, ReadinessOutcome, StageEndReason, StageKind } from './stage.enums.js';

type Step =
  | { kind: StageKind; on: string }
  | { review: ReadinessOutcome; on: string }
  | { terminate: TerminationReason; on: string };

const { PREPARATORY, TRAINING, MAIN } = StageKind;
const { READY, NOT_READY } = ReadinessOutcome;

/**
 * Eight deterministic case histories (as of early 2026), one per person by index: still applying,
 * preparatory, training with 0, 1, 2 and 4 (all used) readiness reviews, main, terminated.
 */
const HISTORIES: Step[][] = [
  [],
  [{ kind: PREPARATORY, on: '2025-12-01' }],
  [
    { kind: PREPARATORY, on: '2025-08-01' },
    { kind: TRAINING, on: '2025-09-01' },
  ],
  [
    { kind: PREPARATORY, on: '2025-02-01' },
    { kind: TRAINING, on: '2025-03-01' },
    { review: NOT_READY, on: '2025-09-10' },
  ],
  [
    { kind: PREPARATORY, on: '2023-08-01' },
    { kind: TRAINING, on: '2023-09-01' },
    { review: NOT_READY, on: '2024-03-05' },
    { review: NOT_READY, on: '2024-09-05' },
    { review: NOT_READY, on: '2025-03-05' },
    { review: NOT_READY, on: '2025-09-05' },
  ],
  [
    { kind: PREPARATORY, on: '2024-02-01' },
    { kind: TRAINING, on: '2024-03-01' },
    { review: NOT_READY, on: '2024-09-05' },
    { review: READY, on: '2025-03-05' },
    { kind: MAIN, on: '2025-03-10' },
  ],
  [
    { kind: PREPARATORY, on: '2024-05-01' },
    { kind: TRAINING, on: '2024-06-01' },
    { review: NOT_READY, on: '2024-12-05' },
    { review: NOT_READY, on: '2025-06-05' },
  ],
  [
    { kind: PREPARATORY, on: '2024-05-01' },
    { kind: TRAINING, on: '2024-06-01' },
    { terminate: TerminationReason.PERSONAL_INITIATIVE, on: '2025-02-01' },
  ],
];

/** The demo people carry their region's municipalities; the region picks the main stage's service. */
function regionOf(people: DemoPerson[]): string {
  const first = people[0]?.municipality;
  return Object.entries(MUNICIPALITIES).find(([, list]) => first && list.includes(first))?.[0] ?? 'kaluga';
}

export function seedStageDemo(em: EntityManager, people: DemoPerson[]): void {
  const rules = RuleSet.for(regionOf(people));
  for (const person of people) {
    let stage: Stage | null = null;
    let reviews = 0;
    for (const step of HISTORIES[person.index % HISTORIES.length]!) {
      if ('kind' in step) {
        if (stage) Object.assign(stage, { endedOn: step.on, endReason: StageEndReason.NEXT_STAGE });
        // The main stage gets the service its person's degree would typically give: the region's
        // first daily type or mode, at its lowest hours.
        const daily = rules.data.serviceTypes.find((t) => t.hours.per === 'DAY')!;
        stage = em.create(Stage, {
          recipientId: person.id,
          kind: step.kind,
          startedOn: step.on,
          ...(step.kind === MAIN
            ? {
                serviceType: daily.code as never,
                plannedHours: daily.hours.min,
                plannedHoursPer: PlannedHoursPer.DAY,
              }
            : {}),
        });
        reviews = 0;
      } else if ('review' in step) {
        reviews += 1;
        em.create(ReadinessReview, {
          stageId: stage!.id,
          recipientId: person.id,
          ordinal: reviews,
          period: rules.readinessReviewPeriod(stage!.startedOn, step.on),
          reviewedOn: step.on,
          outcome: step.review,
        });
      } else {
        Object.assign(stage!, {
          endedOn: step.on,
          endReason: StageEndReason.TERMINATED,
          terminationReason: step.terminate,
        });
        em.create(Termination, {
          recipientId: person.id,
          stageId: stage!.id,
          reason: step.terminate,
          groundOn: step.on,
          requestedOn: step.on,
          effectiveOn: step.on,
          note: 'Заявление о досрочном завершении',
        });
      }
    }
  }
}
