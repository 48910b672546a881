import { access, chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createGoSandbox, runGo } from './run-go.js';

const GO = '/usr/bin/go';

describe('runGo', () => {
  it('kills a run that outlives its bound and reports it as hung', async () => {
    const sandbox = await createGoSandbox();
    onTestFinished(() => sandbox.dispose());
    const run = await runGo({ goBinary: '/bin/sleep', args: ['30'], cwd: sandbox.appDir, env: sandbox.baseEnv, timeoutMs: 50 });
    expect(run).toMatchObject({ hung: true, exitCode: null });
  });

  it('gives the child only the environment it is handed', async () => {
    const sandbox = await createGoSandbox('corp.example/hello v1.0.0 h1:x=\n');
    onTestFinished(() => sandbox.dispose());
    const run = await runGo({
      goBinary: GO,
      args: ['env', 'GOMODCACHE', 'GOPATH', 'GOPROXY', 'GOMOD'],
      cwd: sandbox.appDir,
      env: { ...sandbox.baseEnv, GOPROXY: 'off' },
      timeoutMs: 30_000,
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')).toEqual([sandbox.gomodcache, sandbox.gopath, 'off', join(sandbox.appDir, 'go.mod'), '']);
  });
});

describe('createGoSandbox', () => {
  it('removes itself even when the module cache is read-only', async () => {
    const sandbox = await createGoSandbox();
    const cached = join(sandbox.gomodcache, 'corp.example', 'hello@v1.0.0');
    await mkdir(cached, { recursive: true });
    await writeFile(join(cached, 'go.mod'), 'module corp.example/hello\n');
    await chmod(cached, 0o555);
    await sandbox.dispose();
    await expect(access(sandbox.root)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
