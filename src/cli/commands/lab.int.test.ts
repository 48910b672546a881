import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runLab } from './lab.js';

function collect(stream: PassThrough): { text: () => string; once: (pattern: RegExp) => Promise<void> } {
  let text = '';
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    for (const w of waiters.filter((x) => x.pattern.test(text))) w.resolve();
  });
  return {
    text: () => text,
    once: (pattern) => new Promise((resolve) => {
      if (pattern.test(text)) resolve();
      else waiters.push({ pattern, resolve });
    }),
  };
}

describe('runLab', () => {
  it('prints where every server is and stops on abort', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out = collect(stdout);
    const controller = new AbortController();
    const done = runLab([], { stdout, stderr }, controller.signal);
    await out.once(/Scenarios/);
    controller.abort();
    expect(await done).toBe(0);
    expect(out.text()).toMatch(/GOPROXY \(trusted TLS\)\s+https:\/\/127\.0\.0\.1:\d+\/<fault>/);
    expect(out.text()).toMatch(/black hole \(SYN dropped\)\s+https:\/\/127\.0\.0\.1:\d+/);
    expect(out.text()).toContain('go mod download -json corp.example/hello@v1.0.0');
    expect(out.text()).toContain('gomod-doctor diagnose corp.example/hello@v1.0.0');
    expect(out.text()).toContain('tcp-blackhole');
  });

  it('prints one scenario as a shell line', async () => {
    const stdout = new PassThrough();
    const out = collect(stdout);
    const controller = new AbortController();
    const done = runLab(['--scenario', 'ok-comma-404'], { stdout, stderr: new PassThrough() }, controller.signal);
    await out.once(/go mod download/);
    controller.abort();
    expect(await done).toBe(0);
    expect(out.text()).toMatch(/GOPROXY=https:\/\/127\.0\.0\.1:\d+\/s404,https:\/\/127\.0\.0\.1:\d+\/ok .*go mod download corp\.example\/hello@v1\.0\.0/);
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--scenario', 'no-such-case']],
    [['extra']],
    [['--bogus']],
  ])('rejects %j with usage status 2', async (argv) => {
    const stderr = new PassThrough();
    const err = collect(stderr);
    expect(await runLab(argv, { stdout: new PassThrough(), stderr })).toBe(2);
    expect(err.text()).toMatch(/^gomod-doctor: /);
  });
});
