import { registerEnumType } from 'type-graphql';

/** Seed 001 §17: the grounds on which supported living ends. */
export enum TerminationReason {
  /** по личной инициативе инвалида или его законного представителя */
  PERSONAL_INITIATIVE = 'PERSONAL_INITIATIVE',
  /** окончание срока по ИППСУ и (или) истечение срока договора */
  TERM_EXPIRED = 'TERM_EXPIRED',
  /** нарушение условий договора о предоставлении социальных услуг */
  CONTRACT_VIOLATION = 'CONTRACT_VIOLATION',
  /** развитие стойких нарушений жизнедеятельности, при которых сопровождаемое проживание невозможно */
  PERSISTENT_IMPAIRMENT = 'PERSISTENT_IMPAIRMENT',
  /** смерть инвалида */
  DEATH = 'DEATH',
  /** ликвидация поставщика социальных услуг */
  PROVIDER_LIQUIDATED = 'PROVIDER_LIQUIDATED',
}
registerEnumType(TerminationReason, {
  name: 'TerminationReason',
  description: 'Ground for ending supported living (seed 001 §17)',
});
