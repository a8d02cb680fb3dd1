import { LocalDate } from '@sl/core';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The `Indicators` entity as health sees it: only the key. Coordination owns it; health adds the
 * figures of the data it owns. A class per subgraph so that schemas built in one process stay apart.
 */
@Directive('@key(fields: "scope asOf")')
@ObjectType('Indicators')
export class HealthIndicators {
  @Field(() => String)
  scope!: string;

  @Field(() => LocalDate)
  asOf!: string;
}

/** Health's figures of one date (region-wide: health keeps no residence of the person). */
export interface HealthFigures {
  medicalConclusionsIssued: number;
  medicalConclusionsWithContraindications: number;
  medicalConclusionsValid: number;
  interagencyRequestsAnsweredByHealth: number;
  peopleInMedicalRehabilitation: number;
  mobileTeamVisits: number;
}
