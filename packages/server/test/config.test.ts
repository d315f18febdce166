import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, seedDemo: true, cookieSecure: false });
    expect(config.dataDir).toMatch(/\/data$/);
    // Only this machine reaches the demo until an operator says otherwise.
    expect(config.host).toBe('127.0.0.1');
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/srv/motcua',
      DATABASE_URL: 'postgres://u:p@localhost/motcua',
      TRUST_PROXY: 'true',
      SESSION_IDLE_MINUTES: '10',
      SEED_DEMO: 'false',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/srv/motcua',
      databaseUrl: 'postgres://u:p@localhost/motcua',
      trustProxy: 1,
      cookieSecure: true,
      sessionIdleMinutes: 10,
      seedDemo: false,
    });
  });

  it('reads TRUST_PROXY as one proxy, a hop count or the proxies’ addresses, and refuses anything else', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
    ]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1' }).cookieSecure).toBe(true);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY="yes please"/);
  });

  it('names each wrong variable and its value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="eighty"');
    expect(message).toContain('DATABASE_URL="mysql://x"');
    expect(message).toContain('LOG_LEVEL="loud"');
  });

  it('reads reports from a replica only when it names a PostgreSQL one beside DATABASE_URL', () => {
    const primary = 'postgres://u:p@db1/motcua';
    expect(loadConfig({ DATABASE_URL: primary }).databaseReadUrl).toBeUndefined();
    expect(
      loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'postgres://u:p@db2/motcua' }).databaseReadUrl,
    ).toBe('postgres://u:p@db2/motcua');
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: 'mysql://db2' })).toThrow(
      /DATABASE_READ_URL="mysql:\/\/db2": must start with postgres:\/\//,
    );
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://u:p@db2/motcua' })).toThrow(
      /a replica needs its primary, DATABASE_URL/,
    );
  });
});
