import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runReport } from '../../src/cli/commands/report.js';
import type { DailyReport } from '../../src/core/report/daily-report.js';
import { startLab, type Lab } from '../../src/lab/start-lab.js';
import { useTestRedis } from '../support/redis.js';
import { TEST_BUDGET } from './lab-probe.js';

let lab: Lab;
let dir: string;
beforeAll(async () => {
  lab = await startLab({ latencyMs: 20 });
  dir = await mkdtemp(join(tmpdir(), 'gomod-report-'));
});
afterAll(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

function makeIo(env: Record<string, string | undefined>): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => { out += c.toString(); });
  stderr.on('data', (c: Buffer) => { err += c.toString(); });
  return { io: { stdout, stderr, stdin: new PassThrough(), env, cwd: dir }, out: () => out, err: () => err };
}

async function writeConfig(name: string, goproxy: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, [
    'zones:',
    '  office:',
    '    env:',
    `      GOPROXY: "${goproxy}"`,
    `      GOSUMDB: "${lab.sumdb.verifierKey} ${lab.urls.trusted}/sumdb/${lab.sumdb.name}"`,
    `      SSL_CERT_FILE: "${lab.caFile}"`,
    'watchlist:',
    '  - { module: corp.example/hello, version: v1.0.0 }',
    '',
  ].join('\n'));
  return path;
}

function honest(): { zip: string; mod: string } {
  const v = [...lab.modules.values()].find((m) => m.module === 'corp.example/hello')?.versions[0];
  if (v === undefined) throw new Error('lab module missing');
  return { zip: v.content.h1, mod: v.content.modH1 };
}

describe('gomod-doctor report', () => {
  it('prints the JSON of DESIGN §4 with what the lab served, without Redis', async () => {
    const config = await writeConfig('ok.yml', `${lab.urls.trusted}/ok`);
    const { io, out } = makeIo({});
    const code = await runReport(['--json', '--config', config], io, io.env, { budget: TEST_BUDGET });
    const report = JSON.parse(out()) as DailyReport;
    expect(code).toBe(0);
    expect(report).toMatchObject({ schema: 'gomod-doctor/report@1', trends: false, findings: [] });
    expect(Date.parse(report.generatedAt)).not.toBeNaN();
    expect(report.zones.map((z) => [z.zone, z.hops.map((h) => [h.hop, h.role, h.availability, h.classes])])).toEqual([
      ['office', [[`${lab.urls.trusted}/ok`, 'proxy', 1, { ok: 1 }], [`${lab.urls.trusted}/sumdb/${lab.sumdb.name}`, 'sumdb', 1, { ok: 1 }]]],
    ]);
    expect(report.zones[0]?.hops[0]?.tls?.daysLeft).toBeGreaterThan(0);
    expect(report.modules).toEqual([expect.objectContaining({
      module: 'corp.example/hello', version: 'v1.0.0', consistent: true,
      hashes: { goSum: null, sumdb: honest(), proxies: [{ zone: 'office', hop: `${lab.urls.trusted}/ok`, ...honest() }] },
    })]);
  });

  it('exits 1 and prints the P0 in the table when a proxy serves a tampered zip', async () => {
    const config = await writeConfig('tampered.yml', `${lab.urls.trusted}/tampered`);
    const { io, out } = makeIo({});
    const code = await runReport(['--config', config], io, io.env, { budget: TEST_BUDGET });
    expect(code).toBe(1);
    expect(out()).toContain('HASHES DIFFER (P0)');
    expect(out()).toContain('P0 checksum-difference');
    expect(out()).toContain(honest().zip);
  });

  it('compares with the go.sum of the current directory', async () => {
    const config = await writeConfig('gosum.yml', `${lab.urls.trusted}/ok`);
    await writeFile(join(dir, 'go.sum'), `corp.example/hello v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ncorp.example/hello v1.0.0/go.mod ${honest().mod}\n`);
    const { io, out } = makeIo({});
    try {
      expect(await runReport(['--json', '--config', config], io, io.env, { budget: TEST_BUDGET })).toBe(1);
    } finally {
      await rm(join(dir, 'go.sum'));
    }
    const report = JSON.parse(out()) as DailyReport;
    expect(report.modules[0]?.hashes.goSum).toEqual({ zip: 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', mod: honest().mod });
    expect(report.modules[0]?.consistent).toBe(false);
  });

  it('keeps results in Redis and reports trends when REDIS_URL is set', async () => {
    const { url, prefix, redis } = useTestRedis();
    const config = await writeConfig('redis.yml', `${lab.urls.trusted}/ok`);
    const { io, out } = makeIo({ REDIS_URL: url, GOMOD_DOCTOR_REDIS_PREFIX: prefix });
    expect(await runReport(['--json', '--config', config], io, io.env, { budget: TEST_BUDGET })).toBe(0);
    const report = JSON.parse(out()) as DailyReport;
    expect(report.trends).toBe(true);
    expect(await redis.zcard(`${prefix}:gomod:report:checks`)).toBe(2);
    expect(await redis.pttl(`${prefix}:gomod:report:checks`)).toBeGreaterThan(0);
  });

  it('reports without trends when Redis cannot be reached', async () => {
    const config = await writeConfig('noredis.yml', `${lab.urls.trusted}/ok`);
    const { io, out, err } = makeIo({ REDIS_URL: lab.refusedUrl.replace('https:', 'redis:') });
    expect(await runReport(['--json', '--config', config], io, io.env, { budget: TEST_BUDGET })).toBe(0);
    expect((JSON.parse(out()) as DailyReport).trends).toBe(false);
    expect(err()).toContain('no trends');
  });

  it.each([[['--bogus']], [['extra']], [['--config']]])('exits 2 on bad usage %j', async (argv) => {
    const { io, err } = makeIo({});
    expect(await runReport(argv, io, io.env)).toBe(2);
    expect(err()).toContain('usage: gomod-doctor report');
  });

  it('exits 2 with every problem of an invalid config', async () => {
    const path = join(dir, 'bad.yml');
    await writeFile(path, 'zones: { "Bad Zone": {} }\nescalation: { ackTimeout: soon }\n');
    const { io, err } = makeIo({});
    expect(await runReport(['--config', path], io, io.env)).toBe(2);
    expect(err()).toContain('2 problems');
  });
});
