export * from './data/generate-data.js';
export * from './gateway/supergraph.js';
export * from './migrate.js';
export * from './subgraphs.js';
export * from './system.js';
