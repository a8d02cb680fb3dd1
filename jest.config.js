// Unit tests live beside the code (*.spec.ts); end-to-end tests that start the gateway on a real
// PostgreSQL live in test/ (*.e2e-spec.ts). TypeScript is compiled by SWC with decorator metadata,
// as ESM, exactly as the build does.
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));
delete swc.exclude;
delete swc.$schema;

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false, sourceMaps: 'inline' }] },
  moduleNameMapper: {
    '^@sl/([a-z]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/packages/*/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // The soak is a measurement, not a test of behaviour: only `pnpm soak` (which sets SOAK_SECONDS) runs it.
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    ...(process.env.SOAK_SECONDS ? [] : ['/test/e2e/soak\\.']),
  ],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // One embedded PostgreSQL serves the run; each test file gets its own database in it.
  maxWorkers: 2,
  // End-to-end tests start the whole system on a shared 2-core machine; give them room.
  testTimeout: 180_000,
};
