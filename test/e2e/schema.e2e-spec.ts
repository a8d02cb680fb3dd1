import { readFileSync } from 'node:fs';
import { renderAccessDoc, renderSchemas } from '../../packages/gateway/src/cli/write-schema.js';

describe('committed schema files', () => {
  it('match what the code produces (regenerate with pnpm schema:generate)', async () => {
    const files = await renderSchemas();
    expect([...files.keys()].sort()).toEqual(
      ['access', 'api', 'coordination', 'education', 'employment', 'health', 'social', 'supergraph'].map(
        (n) => `${n}.graphql`,
      ),
    );
    for (const [name, content] of files) {
      const committed = readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8');
      expect({ name, content: committed }).toEqual({ name, content });
    }
  });

  it('include the access matrix docs/access.md, generated from the @Authorized declarations', async () => {
    const committed = readFileSync(new URL('../../docs/access.md', import.meta.url), 'utf8');
    expect(committed).toEqual(await renderAccessDoc());
  });
});
