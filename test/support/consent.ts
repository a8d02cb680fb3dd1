import type { TestSystem } from './system.js';

const GIVE = `mutation($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`;

/**
 * Records, as the coordinator, the person's consent to processing and to sharing with each named
 * ministry (docs/access.md, "Consent"): what a ministry needs before it reads or writes about them.
 * `processing: false` adds sharing consents for a person whose processing consent is recorded.
 */
export async function shareWith(
  t: TestSystem,
  recipientId: string,
  ministries: ('HEALTH' | 'EDUCATION' | 'EMPLOYMENT')[],
  { givenOn = '2020-01-01', processing = true }: { givenOn?: string; processing?: boolean } = {},
): Promise<void> {
  const inputs = [
    ...(processing ? [{ recipientId, kind: 'PERSONAL_DATA', givenOn }] : []),
    ...ministries.map((sharedWith) => ({ recipientId, kind: 'SHARING', sharedWith, givenOn })),
  ];
  for (const input of inputs) {
    const res = await t.gql(GIVE, { input });
    if (res.errors) throw new Error(`giveConsent: ${res.errors[0]!.message}`);
  }
}
