import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_SCENARIOS } from './scenarios.js';
import { startLab } from './start-lab.js';
import type { Lab } from './start-lab.js';

/** Every host named in a Go variable of the scenario (URLs in GOPROXY lists, GOSUMDB, proxies). */
function findHosts(env: Record<string, string>): string[] {
  return Object.values(env).flatMap((value) => [...value.matchAll(/[a-z]+:\/\/(?:[^@/\s,|]+@)?([^/:\s,|]+)/g)].map((m) => m[1] ?? ''));
}

describe('LAB_SCENARIOS against a running lab', () => {
  let lab: Lab;
  beforeAll(async () => { lab = await startLab(); });
  afterAll(async () => { await lab.close(); });

  it.each(LAB_SCENARIOS.map((s) => [s.id, s] as const))('%s names only loopback or lab hosts', (_id, scenario) => {
    const env = scenario.env(lab);
    for (const host of findHosts(env)) expect(host === '127.0.0.1' || host.endsWith('.corp.example')).toBe(true);
    expect(env.SSL_CERT_FILE).toBe(lab.caFile);
    expect(env.GOSUMDB).toBeDefined();
  });

  it.each(LAB_SCENARIOS.filter((s) => !s.needsNames).map((s) => [s.id, s] as const))('%s reaches lab names only through the CONNECT proxy', (_id, scenario) => {
    const env = scenario.env(lab);
    const named = findHosts(env).some((host) => host.endsWith('.corp.example'));
    expect(named && env.HTTPS_PROXY === undefined).toBe(false);
  });

  it('serves every module version a scenario asks for in the healthy case', () => {
    for (const scenario of LAB_SCENARIOS.filter((s) => s.expectedClass === 'ok')) {
      const escaped = scenario.module.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
      const versions = lab.modules.get(escaped)?.versions.map((v) => v.version) ?? [];
      expect(versions).toContain(scenario.version ?? versions.at(-1) ?? 'none');
    }
  });
});
