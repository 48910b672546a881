import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ALL_FAILURE_CLASSES } from '../../src/core/classify/failure-class.js';
import { startLab, type Lab } from '../../src/lab/start-lab.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

/** The documented `--json` shape (DESIGN.md §4). */
const Timings = z.object({ dnsMs: z.number().nullable(), connectMs: z.number().nullable(), tlsMs: z.number().nullable(), ttfbMs: z.number().nullable(), totalMs: z.number() });
const ClassName = z.enum(ALL_FAILURE_CLASSES as [string, ...string[]]);
const DiagnosisJson = z.object({
  schema: z.literal('gomod-doctor/diagnosis@1'),
  module: z.string(),
  version: z.string(),
  zone: z.string(),
  verdict: z.enum(['ok', 'warn', 'fail']),
  class: ClassName,
  severity: z.enum(['P0', 'P1', 'P2', 'P3']).nullable(),
  findings: z.array(z.object({ class: ClassName, severity: z.string().nullable(), title: z.string(), hop: z.string().nullable(), step: z.string().nullable(), evidence: z.string(), goError: z.string().nullable() })),
  steps: z.array(z.object({ hop: z.string(), step: z.string(), url: z.string(), class: ClassName, status: z.number().nullable(), timings: Timings })),
  playbook: z.object({ title: z.string(), fix: z.array(z.string()), changeRequest: z.object({}).passthrough(), rollback: z.array(z.string()) }).passthrough().nullable(),
  elapsedMs: z.number(),
});

let lab: Lab;
let home: string;
beforeAll(async () => {
  lab = await startLab();
  home = await mkdtemp(join(tmpdir(), 'gmd-cli-'));
});
afterAll(async () => {
  await lab.close();
  await rm(home, { recursive: true, force: true });
});

const envFor = (goproxy: string, extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH, HOME: home, GOENV: 'off', GOPROXY: goproxy, GOSUMDB: 'off', SSL_CERT_FILE: lab.caFile, ...extra,
});

describe('gomod-doctor diagnose', () => {
  it('exits 0 and prints the documented JSON for a healthy module', async () => {
    const run = await runCliInProcess(['diagnose', 'corp.example/hello@v1.0.0', '--json'], { env: envFor(`${lab.urls.trusted}/ok`) });
    expect(run.code).toBe(0);
    const json = DiagnosisJson.parse(JSON.parse(run.stdout));
    expect(json).toMatchObject({ verdict: 'ok', class: 'ok', severity: null, playbook: null });
    expect(json.steps.map((s) => s.step)).toEqual(['info', 'mod', 'zip']);
  });

  it('exits 1 with the verdict, the hop table and the fix on a fault', async () => {
    const run = await runCliInProcess(['diagnose', 'corp.example/hello@v1.0.0'], { env: envFor(`${lab.urls.trusted}/s403`) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('proxy.forbidden');
    expect(run.stdout).toMatch(/HOP\s+STEP\s+STATUS\s+DNS\s+CONNECT\s+TLS\s+TTFB\s+TOTAL\s+RESULT/);
    expect(run.stdout).toContain('403 Forbidden');
    expect(run.stdout).toContain('Change request:');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it.each([
    ['Corp.example/hello@v1.0.0', 'input.invalid_module_path', 'malformed module path "Corp.example/hello": invalid char \'C\' in first path element'],
    ['foo/bar@v1.0.0', 'input.invalid_module_path', 'missing dot in first path element'],
    ['corp.example/hello/v2@v1.0.0', 'input.invalid_version', 'should be v2, not v1'],
  ])('refuses %s with exit 2, Go\'s own reason and no request', async (arg, cls, reason) => {
    const before = lab.requests.length;
    const plain = await runCliInProcess(['diagnose', arg], { env: envFor(`${lab.urls.trusted}/ok`) });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(reason);
    const json = await runCliInProcess(['diagnose', arg, '--json'], { env: envFor(`${lab.urls.trusted}/ok`) });
    expect(json.code).toBe(2);
    expect(DiagnosisJson.parse(JSON.parse(json.stdout)).class).toBe(cls);
    expect(lab.requests.length).toBe(before);
  });

  it.each([
    [['diagnose'], 'missing <module>[@<version>]'],
    [['diagnose', 'corp.example/hello', '--timeout', 'soon'], 'invalid --timeout'],
    [['diagnose', 'corp.example/hello', '--bogus'], 'unknown flag --bogus'],
    [['nonsense'], 'unknown command'],
  ])('exits 2 with a one-line reason for bad usage %j', async (argv, reason) => {
    const run = await runCliInProcess(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(reason);
  });

  it('prints JSON on stdout for bad usage too', async () => {
    const run = await runCliInProcess(['diagnose', '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ schema: 'gomod-doctor/diagnosis@1', class: 'input.invalid_module_path' });
  });

  it('never prints credentials from the GOPROXY URL or .netrc', async () => {
    const goproxy = `${lab.urls.trusted.replace('https://', 'https://alice:hunter2secret@')}/s401`;
    const run = await runCliInProcess(['diagnose', 'corp.example/hello@v1.0.0', '--json'], { env: envFor(goproxy) });
    expect(run.stdout).not.toContain('hunter2secret');
    expect(run.stdout).toContain('alice:xxxxx@');
  });

  it('accepts --timeout and still names a black hole', async () => {
    const run = await runCliInProcess(['diagnose', 'corp.example/hello@v1.0.0', '--json', '--timeout', '1'], { env: envFor(`${lab.blackholeUrl}/ok`) });
    const json = DiagnosisJson.parse(JSON.parse(run.stdout));
    expect(json.class).toBe('tcp.timeout');
    // The connect phase ran until its share of the 1 s budget (0.6 s), not the default 5 s budget's 3 s.
    expect(json.steps[0]?.timings.connectMs).toBeGreaterThanOrEqual(590);
    expect(json.steps[0]?.timings.connectMs).toBeLessThan(3000);
  });
});

describe('gomod-doctor explain', () => {
  it('names the class of go output on stdin and exits 1', async () => {
    const run = await runCliInProcess(['explain', '--json'], {
      stdin: 'go: corp.example/hello@v1.0.0: Get "https://goproxy.corp.example/corp.example/hello/@v/v1.0.0.info": dial tcp 10.0.0.1:443: i/o timeout\n',
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ schema: 'gomod-doctor/explanation@1', class: 'tcp.timeout' });
  });

  it('exits 0 on output without errors', async () => {
    const run = await runCliInProcess(['explain'], { stdin: 'go: downloading corp.example/hello v1.0.0\n' });
    expect(run.code).toBe(0);
  });

  it('exits 1 and says so when an error line cannot be classified', async () => {
    const run = await runCliInProcess(['explain'], { stdin: 'go: corp.example/hello@v1.0.0: something nobody has seen before\n' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('not classified: go: corp.example/hello@v1.0.0: something nobody has seen before');
  });

  it('exits 2 when the file cannot be read', async () => {
    const run = await runCliInProcess(['explain', join(home, 'absent.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ENOENT');
  });
});
