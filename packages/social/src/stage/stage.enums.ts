import { registerEnumType } from 'type-graphql';

/** Seed 002 §15: the three stages of supported living, in the only order they may follow. */
export enum StageKind {
  PREPARATORY = 'PREPARATORY',
  TRAINING = 'TRAINING',
  MAIN = 'MAIN',
}
registerEnumType(StageKind, {
  name: 'StageKind',
  description: 'Stage of supported living (seed 002 §15): preparatory → training → main',
});

export const STAGE_ORDER: readonly StageKind[] = [StageKind.PREPARATORY, StageKind.TRAINING, StageKind.MAIN];

export enum StageEndReason {
  /** The person moved on to the next stage. */
  NEXT_STAGE = 'NEXT_STAGE',
  /** Participation was terminated (seed 001 §17). */
  TERMINATED = 'TERMINATED',
  /** The grant it rested on was annulled (issue 23, corrections). */
  GRANT_ANNULLED = 'GRANT_ANNULLED',
}
registerEnumType(StageEndReason, { name: 'StageEndReason' });

/** Seed 002 §15.2: the outcome of a readiness review in the training stage. */
export enum ReadinessOutcome {
  READY = 'READY',
  NOT_READY = 'NOT_READY',
}
registerEnumType(ReadinessOutcome, { name: 'ReadinessOutcome' });

/**
 * The main stage's service: Kaluga's types 1–4 (seed 001 §9.1) or Murmansk's modes (seed 002
 * §15.3). Which of them a region offers is the region rule set's data.
 */
export enum StageServiceType {
  TYPE_1 = 'TYPE_1',
  TYPE_2 = 'TYPE_2',
  TYPE_3 = 'TYPE_3',
  TYPE_4 = 'TYPE_4',
  PERIODIC = 'PERIODIC',
  REGULAR = 'REGULAR',
}
registerEnumType(StageServiceType, {
  name: 'StageServiceType',
  description: 'Service type (Kaluga, seed 001 §9.1) or mode (Murmansk, seed 002 §15.3) of the main stage',
});

export enum PlannedHoursPer {
  DAY = 'DAY',
  WEEK = 'WEEK',
}
registerEnumType(PlannedHoursPer, { name: 'PlannedHoursPer' });
