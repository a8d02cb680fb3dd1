import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { accessMatrix, buildFederatedSubgraph, renderAccessMatrix } from '@sl/core';
import { renderErrorDoc } from '../errors/error-catalogue.js';
import { composeApiSchema, composeSupergraph, printApiSchema } from '../gateway/supergraph.js';
import { subgraphDefinitions } from '../subgraphs.js';

/**
 * Writes schema/<subgraph>.graphql, schema/supergraph.graphql and schema/api.graphql (the public
 * contract: the composed schema without federation's directives, for clients' code generators).
 */
export async function renderSchemas(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const sources = [];
  for (const definition of subgraphDefinitions) {
    const { sdl } = await buildFederatedSubgraph(definition);
    files.set(`${definition.name}.graphql`, `${sdl.trim()}\n`);
    sources.push({ name: definition.name, sdl });
  }
  files.set('supergraph.graphql', `${composeSupergraph(sources).trim()}\n`);
  files.set('api.graphql', printApiSchema(composeApiSchema(sources)));
  return files;
}

/** docs/access.md, from the same declarations the schema is built from. */
export async function renderAccessDoc(): Promise<string> {
  for (const definition of subgraphDefinitions) await buildFederatedSubgraph(definition);
  return `${renderAccessMatrix(accessMatrix()).trim()}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? 'schema');
  await mkdir(dir, { recursive: true });
  for (const [name, content] of await renderSchemas()) {
    await writeFile(path.join(dir, name), content);
    console.log(`wrote ${path.join(dir, name)}`);
  }
  await writeFile(path.resolve('docs', 'access.md'), await renderAccessDoc());
  console.log('wrote docs/access.md');
  await writeFile(path.resolve('docs', 'errors.md'), renderErrorDoc());
  console.log('wrote docs/errors.md');
}
