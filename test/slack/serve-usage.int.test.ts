import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runServe } from '../../src/main/serve.js';
import { useTestRedis } from '../support/redis.js';

async function serve(argv: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const stderr: string[] = [];
  const err = new PassThrough();
  err.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const out = new PassThrough();
  out.resume();
  const code = await runServe(argv, { stdout: out, stderr: err }, env);
  return { code, stderr: stderr.join('') };
}

describe('gomod-doctor serve', () => {
  it.each([
    [['--role', 'chef'], '--role must be bot, worker or scheduler'],
    [['--http'], '--http needs --port <n>'],
    [['--bogus'], 'unknown flag --bogus'],
    [['--role', 'worker'], '--role worker needs --zone <name>'],
  ])('refuses %j with a one-line reason and exit status 2', async (argv, reason) => {
    const { url, prefix } = useTestRedis();
    const result = await serve(argv, { REDIS_URL: url, GOMOD_DOCTOR_QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(reason);
  });

  it('names the missing Slack token and exits 2', async () => {
    const { url, prefix } = useTestRedis();
    const result = await serve(['--role', 'bot', '--http', '--port', '0'], { REDIS_URL: url, GOMOD_DOCTOR_QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent', SLACK_SIGNING_SECRET: 's' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN is not set');
  });

  it('reports every config problem at once, with the file and the key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gomod-cfg-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'bad.yml');
    await writeFile(file, 'zones: { "Office": {} }\nslack: { channels: { allowed: [nope] } }\n');
    const result = await serve(['--config', file], { LOG_LEVEL: 'silent' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: zones.Office`);
    expect(result.stderr).toContain(`${file}: slack.channels.allowed.0`);
  });
});
