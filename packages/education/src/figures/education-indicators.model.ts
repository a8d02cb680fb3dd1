import { LocalDate } from '@sl/core';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The `Indicators` entity as education sees it: only the key. Coordination owns it; education adds
 * the figures of the data it owns. A class per subgraph so that schemas built in one process stay apart.
 */
@Directive('@key(fields: "scope asOf")')
@ObjectType('Indicators')
export class EducationIndicators {
  @Field(() => String)
  scope!: string;

  @Field(() => LocalDate)
  asOf!: string;
}

/** Education's figures of one date (region-wide: education keeps no residence of the person). */
export interface EducationFigures {
  peopleInEducation: number;
  peopleInGeneralEducation: number;
  peopleInVocationalEducation: number;
  peopleInFurtherProfessionalEducation: number;
  educationProgrammesCompleted: number;
  pmpkRecommendationsIssued: number;
  vocationalGuidanceSessions: number;
}
