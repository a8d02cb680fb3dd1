import { RuleSet } from '@sl/social';
import type { Locator } from 'playwright-core';

/**
 * A questionnaire answered so that its points total `score` (order 606н, seed 001 §9): what a test
 * sends as `answers` when only the total matters to it.
 */
export const answersFor = (score: number, region = 'kaluga') => RuleSet.for(region).answersTotalling(score);

/**
 * Answers the questionnaire in a form on the page so that it totals `score`: each item's radio
 * group is named by its question, its radios are the levels of help from "alone" up.
 */
export async function fillQuestionnaire(
  form: Locator,
  score: number,
  { skip = [] as string[], region = 'kaluga' } = {},
): Promise<void> {
  const { items } = RuleSet.for(region).data.questionnaire;
  for (const answer of answersFor(score, region)) {
    if (skip.includes(answer.item)) continue;
    const question = items.find((i) => i.code === answer.item)!.text;
    await form
      .getByRole('radiogroup', { name: question, exact: true })
      .getByRole('radio')
      .nth(answer.level)
      .check();
  }
}
