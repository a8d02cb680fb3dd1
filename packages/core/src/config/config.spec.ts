import { readFileSync } from 'node:fs';
import {
  ConfigError,
  loadConfig,
  renderEnvExample,
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
});
