import { RuleSet } from '@sl/social';

/**
 * A questionnaire answered so that its points total `score` (order 606н, seed 001 §9): what a test
 * sends as `answers` when only the total matters to it.
 */
export const answersFor = (score: number, region = 'kaluga') => RuleSet.for(region).answersTotalling(score);
