import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ConfigError,
  loadConfig,
  renderEnvExample,
  sessionSecret,
  subgraphDatabaseUrl,
  subgraphServiceUrl,
} from './config.js';

describe('configuration', () => {
  it('gives every variable its documented default', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.DATA_DIR).toBe('./.data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REGION).toBe('kaluga');
    expect(config.DEMO_DATA).toBe(true);
  });

  it('lists every invalid variable at once and never echoes a secret', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', EMBEDDED_PG_PASSWORD: 'short' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'EMBEDDED_PG_PASSWORD',
        'LOG_LEVEL',
        'PORT',
      ]);
      expect(problems.join('\n')).not.toContain('short');
    }
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'false' })).toThrow(/SESSION_SECRET/);
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), DEMO_DATA: 'false' }).NODE_ENV,
    ).toBe('production');
  });

  it("refuses a password hash cost below OWASP's scrypt minimum in production only", () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), DEMO_DATA: 'false' };
    expect(loadConfig(production).PASSWORD_HASH_COST).toBe(17);
    expect(() => loadConfig({ ...production, PASSWORD_HASH_COST: '16' })).toThrow(/PASSWORD_HASH_COST/);
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: '10' }).PASSWORD_HASH_COST).toBe(10);
  });

  it('refuses demo data (and its published demo password) in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })).toThrow(/DEMO_DATA/);
  });

  it('needs the first administrator’s login and password together', () => {
    expect(() => loadConfig({ ADMIN_LOGIN: 'admin' })).toThrow(/ADMIN_LOGIN and ADMIN_PASSWORD/);
  });

  it('lets a subgraph have its own database and its own service URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db/main',
      HEALTH_DATABASE_URL: 'postgres://u:p@health-db/health',
      HEALTH_URL: 'http://health:4002/graphql',
    });
    expect(subgraphDatabaseUrl(config, 'health')).toBe('postgres://u:p@health-db/health');
    expect(subgraphDatabaseUrl(config, 'social')).toBe('postgres://u:p@db/main');
    expect(subgraphServiceUrl(config, 'health')).toBe('http://health:4002/graphql');
    expect(subgraphServiceUrl(config, 'social')).toBeUndefined();
  });

  it('refuses a database URL of another kind', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x/y' })).toThrow(/DATABASE_URL/);
  });

  it('keeps .env.example in step with the variable list (regenerate with pnpm env:example)', () => {
    const committed = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');
    expect(committed).toBe(renderEnvExample());
  });

  it('has no constant session key: configured, random per test process, or generated per data folder in development', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sl-secret-'));
    const other = mkdtempSync(path.join(tmpdir(), 'sl-secret-'));
    const development = { NODE_ENV: 'development' as const, SESSION_SECRET: undefined, DATA_DIR: dir };
    const kept = sessionSecret(development);
    expect(kept).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionSecret(development)).toBe(kept);
    expect(statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(sessionSecret({ ...development, DATA_DIR: other })).not.toBe(kept);
    // A key another process must share cannot be generated here.
    expect(() => sessionSecret(development, 'shared')).toThrow(/SESSION_SECRET/);
    expect(() => sessionSecret({ ...development, NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    const test = { ...development, NODE_ENV: 'test' as const };
    expect(sessionSecret(test, 'shared')).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionSecret(test)).not.toBe(kept);
    expect(sessionSecret({ ...development, SESSION_SECRET: 'k'.repeat(32) }, 'shared')).toBe('k'.repeat(32));
  });
});
