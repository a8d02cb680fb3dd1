import { buildFederatedSubgraph } from '@sl/core';
import { socialSubgraph } from './subgraph.js';

describe('social subgraph schema', () => {
  it('owns Recipient by its id and serves the recipients connection', async () => {
    const { sdl } = await buildFederatedSubgraph(socialSubgraph);
    expect(sdl).toMatch(/type Recipient @key\(fields: "id"\)/);
    expect(sdl).toMatch(
      /recipients\(after: String, first: Int, orderBy: RecipientOrder, filter: RecipientFilter\): RecipientConnection!/,
    );
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
