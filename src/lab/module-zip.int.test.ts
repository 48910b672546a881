import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildModuleZip } from './module-zip.js';
import { createGoSandbox, runGo } from './record/run-go.js';
import { writeGoproxyDir } from './write-goproxy-dir.js';

const GO = '/usr/bin/go';

describe('buildModuleZip', () => {
  it('gives the zip and go.mod hashes the real go command computes', async () => {
    const files = buildModuleZip('corp.example/hello', 'v1.0.0', {
      'hello.go': 'package hello\n\n// Hello greets.\nfunc Hello() string { return "hello, world" }\n',
      'README.md': `# hello\n\n${'A module served by the gomod-doctor lab. '.repeat(8)}\n`,
    });
    const proxyDir = await mkdtemp(join(tmpdir(), 'gmd-proxy-'));
    onTestFinished(() => rm(proxyDir, { recursive: true, force: true }));
    const goproxy = await writeGoproxyDir(proxyDir, [{ module: 'corp.example/hello', version: 'v1.0.0', files }]);
    const sandbox = await createGoSandbox();
    onTestFinished(() => sandbox.dispose());

    const run = await runGo({
      goBinary: GO,
      args: ['mod', 'download', '-json', 'corp.example/hello@v1.0.0'],
      cwd: sandbox.appDir,
      env: { ...sandbox.baseEnv, GOFLAGS: '-mod=mod', GOPROXY: goproxy, GOSUMDB: 'off', GONOSUMDB: '*' },
      timeoutMs: 30_000,
    });

    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const reported = JSON.parse(run.stdout) as { Sum?: string; GoModSum?: string; Error?: string };
    expect(reported).toMatchObject({ Sum: files.h1, GoModSum: files.modH1 });
  });
});
