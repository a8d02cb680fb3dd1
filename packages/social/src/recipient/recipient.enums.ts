import { registerEnumType } from 'type-graphql';

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Sex, { name: 'Sex' });

/**
 * Civil legal capacity (ГК РФ ст. 29–30). Seed 002 §1–2 admits capable and limited-capacity adults
 * only; INCAPABLE is recorded so that the rule can refuse it rather than the form hide it.
 */
export enum LegalCapacity {
  FULL = 'FULL',
  LIMITED = 'LIMITED',
  INCAPABLE = 'INCAPABLE',
}
registerEnumType(LegalCapacity, {
  name: 'LegalCapacity',
  valuesConfig: {
    FULL: { description: 'дееспособный' },
    LIMITED: { description: 'ограниченно дееспособный' },
    INCAPABLE: { description: 'недееспособный (не может быть участником, 002 §2)' },
  },
});

export enum RepresentativeKind {
  LEGAL = 'LEGAL',
  AUTHORISED = 'AUTHORISED',
}
registerEnumType(RepresentativeKind, {
  name: 'RepresentativeKind',
  valuesConfig: {
    LEGAL: { description: 'законный представитель' },
    AUTHORISED: { description: 'уполномоченный представитель (по доверенности)' },
  },
});

export enum DisabilityGroup {
  GROUP_1 = 'GROUP_1',
  GROUP_2 = 'GROUP_2',
  GROUP_3 = 'GROUP_3',
}
registerEnumType(DisabilityGroup, { name: 'DisabilityGroup' });

/** Degree of loss of autonomy by the federal score bands (order 606н, seed 001 §9). */
export enum AutonomyDegree {
  I = 'I',
  II = 'II',
  III = 'III',
  IV = 'IV',
}
registerEnumType(AutonomyDegree, { name: 'AutonomyDegree' });

/** The six basic life categories of seed 002 §2, in the order the seed lists them. */
export const LIFE_CATEGORIES = [
  'selfCare',
  'movement',
  'orientation',
  'communication',
  'learning',
  'behaviourControl',
] as const;
export type LifeCategory = (typeof LIFE_CATEGORIES)[number];
