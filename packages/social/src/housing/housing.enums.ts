import { registerEnumType } from 'type-graphql';

/** Where supported living happens: seed 001 §9.2, seed 003 items 2.10 and 2.12. */
export enum HousingKind {
  /** Training flat equipped in a stationary provider (001 §9.2). */
  TRAINING_FLAT = 'TRAINING_FLAT',
  /** A separately located unit within the provider's structure (001 §9.2). */
  PROVIDER_UNIT = 'PROVIDER_UNIT',
  /** A flat let to the person under a tenancy agreement (001 §9.2). */
  RENTED_FLAT = 'RENTED_FLAT',
  /** The person's own flat (001 §9.2, 003 item 2.12). */
  OWN_FLAT = 'OWN_FLAT',
  /** A flat held on social tenancy (001 §9.2, 003 item 2.12). */
  SOCIAL_TENANCY = 'SOCIAL_TENANCY',
  /** Specialised housing stock of the social-service system (003 item 2.12). */
  SPECIALISED_STOCK = 'SPECIALISED_STOCK',
  /** Housing owned by a non-governmental provider (003 item 2.12). */
  NGO_HOUSING = 'NGO_HOUSING',
  /** A dormitory where the person lives permanently (003 item 2.12). */
  DORMITORY = 'DORMITORY',
  /** A "hotel" for people receiving services (003 item 2.10). */
  HOTEL = 'HOTEL',
}
registerEnumType(HousingKind, {
  name: 'HousingKind',
  description: 'Kind of housing unit (001 §9.2, 003 item 2.12)',
});
