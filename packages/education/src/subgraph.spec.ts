import { buildFederatedSubgraph } from '@sl/core';
import { educationSubgraph } from './subgraph.js';

describe('education subgraph schema', () => {
  it('extends Recipient with a field of its own and nothing the social subgraph owns', async () => {
    const { sdl } = await buildFederatedSubgraph(educationSubgraph);
    const recipient = sdl.match(/type Recipient @key\(fields: "id"\) \{([^}]*)\}/)?.[1] ?? '';
    // Nullable: with education down, the rest of the card is still answered.
    expect(recipient).toMatch(/enrolments: \[Enrolment!\](?!!)/);
    expect(recipient).not.toMatch(/snils|lastName|birthDate/);
    expect(sdl).not.toMatch(/recipients\(/);
  });
});
