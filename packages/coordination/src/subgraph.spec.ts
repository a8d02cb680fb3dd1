import { buildFederatedSubgraph } from '@sl/core';
import { coordinationSubgraph } from './subgraph.js';

describe('coordination subgraph schema', () => {
  it('extends Recipient with a field of its own and nothing the social subgraph owns', async () => {
    const { sdl } = await buildFederatedSubgraph(coordinationSubgraph);
    const recipient = sdl.match(/type Recipient @key\(fields: "id"\) \{([^}]*)\}/)?.[1] ?? '';
    expect(recipient).toMatch(/needRegistryEntry: NeedRegistryEntry/);
    expect(recipient).not.toMatch(/snils|lastName|birthDate/);
    expect(sdl).not.toMatch(/recipients\(/);
  });
});
