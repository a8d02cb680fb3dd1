/** The access subgraph resolves no references, so it has no request-scoped loaders. */
export function createAccessLoaders() {
  return {};
}
