import { buildFederatedSubgraph } from '@sl/core';
import { employmentSubgraph } from './subgraph.js';

describe('employment subgraph schema', () => {
  it('extends Recipient with a field of its own and nothing the social subgraph owns', async () => {
    const { sdl } = await buildFederatedSubgraph(employmentSubgraph);
    const recipient = sdl.match(/type Recipient @key\(fields: "id"\) \{([^}]*)\}/)?.[1] ?? '';
    // Nullable: with employment down, the rest of the card is still answered.
    expect(recipient).toMatch(/placements: \[Placement!\](?!!)/);
    expect(recipient).not.toMatch(/snils|lastName|birthDate/);
    expect(sdl).not.toMatch(/recipients\(/);
  });
});
