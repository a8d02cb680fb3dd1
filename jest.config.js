// Two projects: unit tests beside the code (*.spec.ts, `pnpm test:only --selectProjects unit`) and
// end-to-end tests in test/ that start the gateway on a real PostgreSQL (*.e2e-spec.ts). TypeScript
// is compiled by SWC with decorator metadata, as ESM, exactly as the build does.
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));
delete swc.exclude;
delete swc.$schema;

const project = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false, sourceMaps: 'inline' }] },
  moduleNameMapper: {
    '^@sl/([a-z]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // The soak is a measurement, not a test of behaviour: only `pnpm soak` (which sets SOAK_SECONDS) runs it.
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    ...(process.env.SOAK_SECONDS ? [] : ['/test/e2e/soak\\.']),
  ],
};

export default {
  projects: [
    { ...project, displayName: 'unit', testMatch: ['<rootDir>/packages/*/src/**/*.spec.ts'] },
    { ...project, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
  // One embedded PostgreSQL serves the run, with one migrated template database; each test file
  // gets its own copy of it.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 2,
  // Each file's modules (six subgraphs, the gateway, a browser driver) stay reachable in a worker
  // after the file ends; over a hundred files a worker's heap reaches Node's limit. A worker that
  // holds more than this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1536MB',
  // End-to-end tests start the whole system on a shared 2-core machine; give them room.
  testTimeout: 180_000,
};
