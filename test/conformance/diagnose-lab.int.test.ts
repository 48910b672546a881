import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_SCENARIOS } from '../../src/lab/scenarios.js';
import { startLab, type Lab } from '../../src/lab/start-lab.js';
import { createDiagnoser } from '../../src/main/create-diagnoser.js';
import { diagnoseLabScenario } from '../support/lab-diagnoser.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});

describe('diagnose against the fault lab', () => {
  it.each(LAB_SCENARIOS.filter((s) => s.expectedClass !== 'ok').map((s) => [s.id, s] as const))('%s: names the class the go command fails with', async (_id, scenario) => {
    const diagnosis = await diagnoseLabScenario(lab, scenario);
    expect(diagnosis.class).toBe(scenario.expectedClass);
    expect(diagnosis.verdict).toBe('fail');
    expect(diagnosis.findings[0]?.class).toBe(scenario.expectedClass);
    expect(diagnosis.playbook?.class).toBe(scenario.expectedClass);
  });

  it.each(LAB_SCENARIOS.filter((s) => s.expectedClass === 'ok').map((s) => [s.id, s] as const))('%s: says ok where a naive tool raises an alarm', async (_id, scenario) => {
    const diagnosis = await diagnoseLabScenario(lab, scenario);
    expect(diagnosis.findings.filter((f) => f.severity !== null && !f.title.includes('passed over'))).toEqual([]);
    expect(diagnosis.class).toBe('ok');
    expect(diagnosis.verdict).not.toBe('fail');
  });
});

describe('the go command\'s path, step by step', () => {
  const scenario = (id: string) => {
    const found = LAB_SCENARIOS.find((s) => s.id === id);
    if (found === undefined) throw new Error(`no scenario ${id}`);
    return found;
  };

  it('falls through on 404 when the separator is a comma, and asks the next proxy', async () => {
    const diagnosis = await diagnoseLabScenario(lab, scenario('ok-comma-404'));
    const info = diagnosis.steps.filter((s) => s.step === 'info');
    expect(info.map((s) => [new URL(s.url).pathname.split('/')[1], s.outcome, s.status])).toEqual([['s404', 'fell-through', 404], ['ok', 'ok', 200]]);
  });

  it('stops on a 502 when the separator is a comma: the second proxy is never asked', async () => {
    const before = lab.requests.length;
    const diagnosis = await diagnoseLabScenario(lab, scenario('proxy-502-comma'));
    expect(diagnosis.class).toBe('proxy.server_error');
    const paths = lab.requests.slice(before).map((r) => r.path);
    expect(paths.some((p) => p.startsWith('/ok/'))).toBe(false);
  });

  it('never asks a proxy for a GOPRIVATE module: it goes direct', async () => {
    const before = lab.requests.length;
    const diagnosis = await diagnoseLabScenario(lab, scenario('ok-goprivate-direct'));
    expect(diagnosis.class).toBe('ok');
    expect(lab.requests.slice(before).some((r) => r.path.startsWith('/private410/'))).toBe(false);
    expect(diagnosis.steps.map((s) => s.step)).toContain('discovery');
  });

  it('does not consult the checksum database when GOPRIVATE covers the module, even with GONOPROXY=none', async () => {
    const diagnosis = await diagnoseLabScenario(lab, scenario('ok-gonoproxy-none'));
    expect(diagnosis.steps.filter((s) => s.role === 'sumdb')).toEqual([]);
    expect(diagnosis.steps.some((s) => s.step === 'zip' && s.outcome === 'ok')).toBe(true);
  });

  it('requests case-encoded paths for a module with upper-case letters', async () => {
    const diagnosis = await diagnoseLabScenario(lab, scenario('ok-case-encoded'));
    expect(diagnosis.steps.find((s) => s.step === 'info')?.url).toContain('/corp.example/%21big%21corp/%21lib/@v/');
  });

  it('reports the hashes of a tampered zip as evidence', async () => {
    const diagnosis = await diagnoseLabScenario(lab, scenario('checksum-mismatch-gosum'));
    expect(diagnosis.severity).toBe('P0');
    expect(diagnosis.findings[0]?.evidence).toMatch(/^downloaded h1:\S+ ≠ go\.sum h1:\S+$/);
    expect(diagnosis.findings[0]?.goError).toContain('SECURITY ERROR');
    // The hop that served the bits, so the supply-chain P0 is keyed by pattern + hop + zone.
    expect(diagnosis.findings[0]?.hop).toBe(lab.urls.trusted);
  });
});

describe('what the engine does beyond one request at a time', () => {
  const scenario = (id: string) => {
    const found = LAB_SCENARIOS.find((s) => s.id === id);
    if (found === undefined) throw new Error(`no scenario ${id}`);
    return found;
  };

  it('fetches the zip from the same proxy while the checksum database is asked (go asks it first, then the zip)', async () => {
    const before = lab.requests.length;
    const diagnosis = await diagnoseLabScenario(lab, scenario('ok-healthy'));
    expect(diagnosis.class).toBe('ok');
    const paths = lab.requests.slice(before).map((r) => r.path);
    const zipAt = paths.findIndex((p) => p.endsWith('.zip'));
    const lookupAt = paths.findIndex((p) => p.includes('/lookup/'));
    expect(zipAt).toBeGreaterThanOrEqual(0);
    expect(zipAt).toBeLessThan(lookupAt);
    // The report still lists the requests in the go command's order.
    expect(diagnosis.steps.map((s) => s.step)).toEqual(['info', 'mod', 'sumdb-supported', 'sumdb-lookup', 'zip']);
  });

  it('follows the go on PATH: Go 1.20 and newer wrap certificate errors', async () => {
    const newer = await diagnoseLabScenario(lab, scenario('tls-unknown-authority'), { goVersionOutput: 'go version go1.22.5 linux/amd64' });
    expect(newer.goVersion).toBe('go1.22.5 (go on PATH)');
    expect(newer.findings[0]?.goError).toContain(': tls: failed to verify certificate: x509: certificate signed by unknown authority');
    const older = await diagnoseLabScenario(lab, scenario('tls-unknown-authority'), { goVersionOutput: 'go version go1.19.8 linux/amd64' });
    expect(older.findings[0]?.goError).toMatch(/": x509: certificate signed by unknown authority$/);
    const none = await diagnoseLabScenario(lab, scenario('tls-unknown-authority'), { goVersionOutput: null });
    expect(none.goVersion).toMatch(/^go1\.\d+\.\d+ \(no go on PATH: current release assumed\)$/);
  });

  it('uses .netrc credentials for an https GOPROXY and never prints them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gmd-netrc-'));
    try {
      const netrc = join(dir, 'netrc');
      await writeFile(netrc, `machine 127.0.0.1 login ${lab.credentials.user} password ${lab.credentials.password}\n`);
      const base = scenario('proxy-401');
      const diagnoser = await createDiagnoser({ zone: 'lab', env: { ...base.env(lab), NETRC: netrc, GOENV: 'off', HOME: dir }, timeoutMs: 3000 });
      const diagnosis = await diagnoser.diagnose({ module: base.module, version: base.version, zone: 'lab' });
      expect(diagnosis.class).toBe('ok');
      expect(JSON.stringify(diagnosis)).not.toContain(lab.credentials.password);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
