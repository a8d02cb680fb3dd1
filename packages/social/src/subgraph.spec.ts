import { buildFederatedSubgraph } from '@sl/core';
import { socialSubgraph } from './subgraph.js';

describe('social subgraph schema', () => {
  it('owns Recipient by its id and serves the recipients connection', async () => {
    const { sdl } = await buildFederatedSubgraph(socialSubgraph);
    expect(sdl).toMatch(/type Recipient @key\(fields: "id"\)/);
    const args = /recipients\(([^)]*)\): RecipientConnection!/.exec(sdl)?.[1] ?? '';
    // Relay paging both ways, with the list's own filter and order.
    for (const arg of [
      'first: Int',
      'after: String',
      'last: Int',
      'before: String',
      'orderBy: RecipientOrder',
      'filter: RecipientFilter',
    ])
      expect(args).toContain(arg);
    expect(sdl).toMatch(/type PageInfo @shareable/);
    for (const field of [
      'snils: String!',
      'lastName: String!',
      'patronymic: String',
      'birthDate: LocalDate!',
    ]) {
      expect(sdl).toContain(field);
    }
  });
});
