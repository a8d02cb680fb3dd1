import { buildFederatedSubgraph } from '@sl/core';
import { healthSubgraph } from './subgraph.js';

describe('health subgraph schema', () => {
  it('extends Recipient with a field of its own and nothing the social subgraph owns', async () => {
    const { sdl } = await buildFederatedSubgraph(healthSubgraph);
    const recipient = sdl.match(/type Recipient @key\(fields: "id"\) \{([^}]*)\}/)?.[1] ?? '';
    // Nullable: with health down, the rest of the card is still answered.
    expect(recipient).toMatch(/medicalConclusions: \[MedicalConclusion!\](?!!)/);
    expect(recipient).not.toMatch(/snils|lastName|birthDate/);
    expect(sdl).not.toMatch(/recipients\(/);
  });
});
