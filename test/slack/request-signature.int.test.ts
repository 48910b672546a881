import { describe, expect, it } from 'vitest';
import { postSigned, signSlackBody, slashCommandBody } from '../support/signed-request.js';
import { SECRET, startHarness } from './serve-harness.js';

describe('HTTP receiver at /slack/events', () => {
  it('accepts a validly signed request and refuses forged, replayed and malformed ones without acting on them', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    const url = `http://127.0.0.1:${h.serving.httpPort}/slack/events`;
    const body = slashCommandBody({ text: 'diagnose corp.example/hello@v1.0.0', responseUrl: h.slack.responseUrl('x') });
    const now = Math.floor(Date.now() / 1000);

    const forged = await postSigned(url, body, { secret: SECRET, signature: signSlackBody('another-secret', now, body) });
    const replayed = await postSigned(url, body, { secret: SECRET, timestamp: now - 6 * 60 });
    const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const garbageJson = await postSigned(url, '{"type":', { secret: SECRET, contentType: 'application/json' });
    const notSlack = await postSigned(url, 'hello=world', { secret: SECRET });
    const notPayload = await postSigned(url, 'payload=%7Bnot-json', { secret: SECRET });
    for (const answer of [forged, replayed, { status: unsigned.status }, garbageJson, notSlack, notPayload]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    const valid = await postSigned(url, body, { secret: SECRET });
    expect(valid.status).toBe(200);
    await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('tcp.refused')));
    expect(h.slack.callsTo('chat.postMessage').filter((c) => String(c.args['text']).startsWith('Queued'))).toHaveLength(1);
  });
});
