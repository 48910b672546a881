import { describe, expect, it, onTestFinished } from 'vitest';
import { findFreePort } from '../../src/main/embedded-redis.js';
import { startPrivateRedis } from '../support/redis.js';
import { startHarness } from './serve-harness.js';

describe('the bot while Redis is down', () => {
  it('answers every command of a burst before Slack\'s 3 s deadline with a clear message, and works again once Redis is back', async () => {
    const port = await findFreePort();
    let redis = await startPrivateRedis({ port });
    onTestFinished(() => redis.stop());
    const h = await startHarness({ zones: { office: 'tcp-refused' }, redisUrl: redis.url, metricsPort: true });
    const readyz = async (): Promise<number> => (await fetch(`http://127.0.0.1:${h.serving.metricsPort}/readyz`)).status;
    expect(await readyz()).toBe(200);
    expect((await h.command('diagnose corp.example/hello@v1.0.0')).json['text']).toContain('Diagnosing');
    await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('tcp.refused')));

    await redis.stop();
    expect(await readyz()).toBe(503);
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      h.command(i % 2 === 0 ? `diagnose corp.example/hello@v1.0.${i}` : 'report', { user: `U${i}` })));
    for (const answer of burst) {
      expect(answer.status).toBe(200);
      expect(answer.elapsedMs).toBeLessThan(3000);
      expect(answer.json['response_type']).toBe('ephemeral');
      expect(String(answer.json['text'])).toContain('The job queue is not answering (Redis is unreachable), so nothing was started');
    }

    redis = await startPrivateRedis({ port });
    const deadline = Date.now() + 20_000;
    let again = await h.command('diagnose corp.example/hello@v1.1.0', { user: 'U99' });
    while (!String(again.json['text']).includes('Diagnosing') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      again = await h.command('diagnose corp.example/hello@v1.1.0', { user: `U${Math.floor(Date.now() % 1000)}` });
    }
    expect(String(again.json['text'])).toContain('Diagnosing `corp.example/hello@v1.1.0`');
    const verdict = await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.includes('hello@v1.1.0') && m.text.startsWith('tcp.refused')), 40_000);
    expect(verdict.channel).toBe('C0001');
    expect(await readyz()).toBe(200);
  });
});
