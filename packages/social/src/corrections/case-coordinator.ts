import { AppError } from '@sl/core';
import type { SocialContext } from '../common/social-context.js';
import type { Recipient } from '../recipient/recipient.entity.js';

/**
 * Corrections (issue 23) are the case coordinator's: only the coordinator running the person's case
 * annuls one of its records; another coordinator gets NOT_CASE_COORDINATOR (other roles never reach
 * here: the mutations admit the case writers only).
 */
export function assertRunsCase(ctx: SocialContext, recipient: Recipient, what: string, field: string): void {
  if (recipient.caseCoordinatorId === ctx.actor!.id) return;
  throw new AppError(
    'NOT_CASE_COORDINATOR',
    `${what} может только координатор, который ведёт дело этого человека`,
    { field },
  ).about(recipient.id);
}
