import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildModuleZip } from '../module-zip.js';
import { createGoSandbox, runGo } from '../record/run-go.js';
import type { GoRun } from '../record/run-go.js';
import { writeGoproxyDir } from '../write-goproxy-dir.js';
import type { SumdbRecord } from './create-sumdb.js';
import { startSumdbServer } from './start-sumdb-server.js';

// The real go command (installed by .ci/run): without it these tests fail, they do not skip.
const GO = '/usr/bin/go';
const HELLO = buildModuleZip('corp.example/hello', 'v1.0.0', { 'hello.go': 'package hello\n' });

/** Other modules so the hello record sits inside a tree of 7 (not a power of two). */
const NEIGHBOURS: SumdbRecord[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => {
  const files = buildModuleZip(`corp.example/${name}`, 'v0.1.0', {});
  return { module: `corp.example/${name}`, version: 'v0.1.0', h1: files.h1, modH1: files.modH1 };
});

async function downloadHello(records: readonly SumdbRecord[]): Promise<{ run: GoRun; requests: readonly string[] }> {
  const server = await startSumdbServer({ name: 'sum.lab.example', records });
  onTestFinished(() => server.close());
  const proxyDir = await mkdtemp(join(tmpdir(), 'gmd-proxy-'));
  onTestFinished(() => rm(proxyDir, { recursive: true, force: true }));
  const goproxy = await writeGoproxyDir(proxyDir, [{ module: 'corp.example/hello', version: 'v1.0.0', files: HELLO }]);
  const sandbox = await createGoSandbox();
  onTestFinished(() => sandbox.dispose());
  const run = await runGo({
    goBinary: GO,
    args: ['mod', 'download', '-json', 'corp.example/hello@v1.0.0'],
    cwd: sandbox.appDir,
    env: { ...sandbox.baseEnv, GOFLAGS: '-mod=mod', GOPROXY: goproxy, GOSUMDB: server.gosumdb, GONOSUMDB: '', GOPRIVATE: '' },
    timeoutMs: 30_000,
  });
  return { run, requests: server.sumdb.requests };
}

/** `go mod download -json` reports a failed download in the `Error` field on stdout. */
function readError(run: GoRun): string {
  const reported = JSON.parse(run.stdout) as { Error?: unknown };
  return typeof reported.Error === 'string' ? reported.Error : `no Error in ${run.stdout}${run.stderr}`;
}

describe('startSumdbServer', () => {
  it('serves lookups and tiles that the go command verifies', async () => {
    const records = [...NEIGHBOURS.slice(0, 3), { module: 'corp.example/hello', version: 'v1.0.0', h1: HELLO.h1, modH1: HELLO.modH1 }, ...NEIGHBOURS.slice(3)];
    const { run, requests } = await downloadHello(records);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ Sum: HELLO.h1, GoModSum: HELLO.modH1 });
    expect(requests).toEqual(expect.arrayContaining(['/lookup/corp.example/hello@v1.0.0', '/tile/8/0/000.p/7']));
  });

  it('makes the go command report a checksum mismatch when the database holds another h1', async () => {
    const other = buildModuleZip('corp.example/hello', 'v1.0.0', { 'hello.go': 'package hello\n\n// other bits\n' });
    const { run } = await downloadHello([{ module: 'corp.example/hello', version: 'v1.0.0', h1: other.h1, modH1: HELLO.modH1 }]);
    expect(run.exitCode).toBe(1);
    expect(readError(run)).toContain(
      `corp.example/hello@v1.0.0: verifying module: checksum mismatch\n\tdownloaded: ${HELLO.h1}\n\tsum.lab.example: ${other.h1}\n\nSECURITY ERROR\n`,
    );
  });

  it('answers 404 for a module it does not hold, which the go command reports', async () => {
    const { run, requests } = await downloadHello(NEIGHBOURS);
    expect(run.exitCode).toBe(1);
    expect(readError(run)).toMatch(
      /^corp\.example\/hello@v1\.0\.0: verifying go\.mod: corp\.example\/hello@v1\.0\.0\/go\.mod: reading http:\/\/127\.0\.0\.1:\d+\/lookup\/corp\.example\/hello@v1\.0\.0: 404 Not Found\n/,
    );
    expect(requests).toContain('/lookup/corp.example/hello@v1.0.0');
  });
});
