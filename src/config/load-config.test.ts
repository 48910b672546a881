import { describe, expect, it } from 'vitest';
import { parseConfig } from './load-config.js';
import { parseDurationMs } from './config-schema.js';

describe('parseConfig', () => {
  it('serves the documented defaults without a file', () => {
    const config = parseConfig('', '(defaults)');
    expect(Object.keys(config.zones)).toEqual(['local']);
    expect(config.slack.channels.allowed).toEqual([]);
    expect(config.watchlist).toEqual([]);
    expect(config.schedules.watch).toEqual({ cron: '*/5 * * * *', timezone: 'UTC' });
    expect(config.escalation.levels[0]).toEqual({ name: 'primary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY' });
    expect(Object.isFrozen(config.slack.channels)).toBe(true);
  });

  it('reads the full shape of DESIGN §4', () => {
    const config = parseConfig(`
zones:
  office: { env: { GOPROXY: "https://goproxy.corp.example,direct", GOPRIVATE: "*.corp.example" } }
  ci: {}
slack:
  channels: { allowed: [C0123], incident: C0456, report: C0789 }
  users: { allowed: [U0001] }
  userGroups: { allowed: [S0123] }
watchlist:
  - { module: corp.example.com/platform/auth, version: v1.2.0 }
schedules:
  report: { cron: "0 8 * * 1-5", timezone: "Europe/Berlin" }
  watch: { cron: "0 */5 * * * *", timezone: "UTC" }
escalation:
  ackTimeout: 15m
  levels:
    - { name: primary, pagerdutyRoutingKeyEnv: PAGERDUTY_ROUTING_KEY }
    - { name: secondary, pagerdutyRoutingKeyEnv: PAGERDUTY_ROUTING_KEY_SECONDARY, slackUserGroup: S0123 }
`, 'g.yml');
    expect(config.zones['office']?.env['GOPRIVATE']).toBe('*.corp.example');
    expect(config.zones['ci']?.env).toEqual({});
    expect(config.slack.channels.incident).toBe('C0456');
    expect(config.escalation.levels[1]?.slackUserGroup).toBe('S0123');
    expect(config.schedules.report.timezone).toBe('Europe/Berlin');
  });

  it('reports every problem at once with the file and the key', () => {
    const text = `
zones:
  "Bad:Name": {}
slack:
  channels: { allowed: [not-an-id] }
  chanels: {}
schedules:
  report: { cron: "0 8 *", timezone: "Mars/Olympus" }
escalation:
  ackTimeout: soon
`;
    expect(() => parseConfig(text, 'g.yml')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    let message = '';
    try { parseConfig(text, 'g.yml'); } catch (error) { message = (error as Error).message; }
    for (const key of ['g.yml: zones.Bad:Name', 'g.yml: slack.channels.allowed.0', 'g.yml: slack', 'g.yml: schedules.report.cron',
      'g.yml: schedules.report.timezone', 'g.yml: escalation.ackTimeout']) {
      expect(message).toContain(key);
    }
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parseConfig('zones: [unclosed', 'broken.yml')).toThrow(/broken\.yml/);
  });

  it('refuses the reserved zone name all', () => {
    expect(() => parseConfig('zones: { all: {} }', 'g.yml')).toThrow(/reserved/);
  });
});

describe('parseDurationMs', () => {
  it.each([['250ms', 250], ['90s', 90_000], ['15m', 900_000], ['1h', 3_600_000]])('reads %s', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });
});

describe('gomod-doctor.example.yml', () => {
  it('is a valid configuration', async () => {
    const { readFile } = await import('node:fs/promises');
    const config = parseConfig(await readFile(new URL('../../gomod-doctor.example.yml', import.meta.url), 'utf8'), 'gomod-doctor.example.yml');
    expect(Object.keys(config.zones)).toEqual(['office', 'ci']);
    expect(config.watchlist).toHaveLength(2);
  });
});
