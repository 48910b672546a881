import { describe, expect, it } from 'vitest';
import { ActionId } from '../../src/adapters/slack/blocks/action-ids.js';
import { buttonPayload, interactionBody, postSigned } from '../support/signed-request.js';
import { readBlocks, SECRET, startHarness } from './serve-harness.js';

describe('/gomod diagnose through the HTTP receiver', () => {
  it('acks at once, edits one channel message into the verdict and puts the details in its thread', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    const ack = await h.command('diagnose corp.example/hello@v1.0.0 zone=office');
    expect(ack.status).toBe(200);
    expect(ack.json['response_type']).toBe('ephemeral');
    expect(String(ack.json['text'])).toContain('Diagnosing `corp.example/hello@v1.0.0` in zone office');
    const verdict = await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('tcp.refused')));
    expect(h.slack.callsTo('chat.postMessage')[0]?.args['text']).toMatch(/^Queued: corp.example\/hello@v1.0.0/);
    expect(readBlocks(verdict.blocks)).toContain('*`tcp.refused`* Connection refused');
    expect(readBlocks(verdict.blocks)).toContain(ActionId.showChangeRequest);
    const parentTs = [...h.slack.messages.entries()].find(([, m]) => m === verdict)?.[0];
    const thread = await h.slack.waitFor(() => [...h.slack.messages.values()].filter((m) => m.threadTs === parentTs).at(-1));
    const details = readBlocks(thread.blocks);
    expect(details).toContain('*Hops*');
    expect(details).toContain('Change request');
    expect(details).toContain('*Rollback*');
    expect([...h.slack.messages.values()].filter((m) => m.threadTs === null)).toHaveLength(1);
  });

  it('answers an invalid module path with Go\'s own reason and starts nothing', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    const ack = await h.command('diagnose Corp.Example/Hello@v1.0.0');
    expect(ack.status).toBe(200);
    expect(ack.json['response_type']).toBe('ephemeral');
    expect(String(ack.json['text'])).toMatch(/input\.invalid_module_path/);
    expect(String(ack.json['text'])).toContain('malformed module path');
    const bad = await h.command('diagnose corp.example/hello@');
    expect(String(bad.json['text'])).toMatch(/input\.invalid_version/);
    await h.command('help');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('acks without a Web API round trip per command: the bot learns its ids once', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    for (let i = 0; i < 5; i += 1) expect((await h.command('help', { user: `U${i}` })).status).toBe(200);
    expect(h.slack.callsTo('auth.test').length).toBeLessThanOrEqual(1);
  });

  it('answers help, unknown commands and unknown zones with the help text', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    expect(String((await h.command('')).json['text'])).toBe('gomod-doctor help');
    expect(String((await h.command('deploy prod')).json['text'])).toBe('unknown command `deploy`');
    expect(String((await h.command('diagnose corp.example/hello zone=mars')).json['text'])).toBe('unknown zone `mars`');
  });

  it('shares one run between people asking for the same module in the same zone within the window', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    const [first, second] = await Promise.all([
      h.command('diagnose corp.example/hello@v1.0.0', { user: 'U1', channel: 'C1' }),
      h.command('diagnose corp.example/hello@v1.0.0', { user: 'U2', channel: 'C2' }),
    ]);
    expect([first.json['text'], second.json['text']].filter((t) => String(t).includes('joining a run'))).toHaveLength(1);
    await h.slack.waitFor(() => [...h.slack.messages.values()].filter((m) => m.text.startsWith('tcp.refused')).length === 2);
    const verdicts = [...h.slack.messages.values()].filter((m) => m.text.startsWith('tcp.refused'));
    expect(verdicts.map((m) => m.channel).sort()).toEqual(['C1', 'C2']);
    const runIds = verdicts.map((m) => /"value":"([^"]+)"/.exec(JSON.stringify(m.blocks))?.[1]);
    expect(new Set(runIds).size).toBe(1);
  });

  it('shows the change request and re-checks, saying what changed since the last run', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    await h.command('diagnose corp.example/hello@v1.0.0');
    const verdict = await h.slack.waitFor(() => [...h.slack.messages.entries()].find(([, m]) => m.text.startsWith('tcp.refused')));
    const [ts, message] = verdict;
    const runId = /"value":"([^"]+)"/.exec(JSON.stringify(message.blocks))?.[1] ?? '';
    const eventsUrl = `http://127.0.0.1:${h.serving.httpPort}/slack/events`;
    const show = await postSigned(eventsUrl, interactionBody(buttonPayload({ actionId: ActionId.showChangeRequest, value: runId, messageTs: ts, responseUrl: h.slack.responseUrl('cr') })), { secret: SECRET });
    expect(show.status).toBe(200);
    const cr = await h.slack.waitFor(() => h.slack.callsTo('response_url:cr')[0]);
    expect(cr.args['response_type']).toBe('ephemeral');
    expect(readBlocks(cr.args['blocks'])).toContain('Change request');
    const recheck = await postSigned(eventsUrl, interactionBody(buttonPayload({ actionId: ActionId.recheck, value: runId, messageTs: ts, responseUrl: h.slack.responseUrl('rc') })), { secret: SECRET });
    expect(recheck.status).toBe(200);
    const again = await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.threadTs === ts && readBlocks(m.blocks).includes('Since the last run')));
    expect(readBlocks(again.blocks)).toContain('nothing changed: same class on every hop');
    // The re-check's details go in the same thread (Slack threads hang off the parent, never off a reply).
    await h.slack.waitFor(() => [...h.slack.messages.values()].filter((m) => m.threadTs === ts && readBlocks(m.blocks).includes('*Hops*')).length === 2);
    expect([...h.slack.messages.values()].filter((m) => m.threadTs !== null && m.threadTs !== ts)).toEqual([]);
  });

  it('explains pasted go output in the channel', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    const ack = await h.command('explain go: corp.example/hello@v1.0.0: reading https://goproxy.corp.example/corp.example/hello/@v/v1.0.0.info: 410 Gone');
    expect(ack.json['response_type']).toBe('in_channel');
    expect(String(ack.json['text'])).toMatch(/^module\.gone/);
  });

  it('reports zones, workers alive and queue depth on status, and enqueues report', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused', ci: 'tcp-refused' } });
    const ack = await h.command('status', { id: 'status' });
    expect(ack.status).toBe(200);
    const answer = await h.slack.waitFor(() => h.slack.callsTo('response_url:status')[0]);
    const text = readBlocks(answer.args['blocks']);
    expect(text).toContain('*office*: 1 worker alive');
    expect(text).toContain('*ci*: 1 worker alive');
    const report = await h.command('report');
    expect(String(report.json['text'])).toContain('health report is being prepared');
    const { Queue } = await import('bullmq');
    const { Redis } = await import('ioredis');
    const connection = new Redis(h.url);
    const queue = new Queue('report', { connection, prefix: h.prefix });
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.map((j) => [j.name, j.data.requestedBy])).toEqual([['report-on-demand', 'U0001']]);
    await queue.obliterate({ force: true });
    await queue.close();
    await connection.quit();
  });

  it('compares the zones hop by hop on zone=all', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused', ci: 'tls-unknown-authority' } });
    const ackAll = await h.command('diagnose corp.example/hello@v1.0.0 zone=all');
    expect(ackAll.json['text']).toBe('Diagnosing `corp.example/hello@v1.0.0` in all 2 zones.');
    const reply = await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('The zones disagree')));
    const text = readBlocks(reply.blocks);
    expect(text).toContain('zone *ci*: *`tls.unknown_authority`*');
    expect(text).toContain('zone *office*: *`tcp.refused`*');
    expect(text).toContain('*Hop by hop*');
  });

  it('answers zone=all by its deadline when a zone has no worker, naming the silent zone', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused', ghost: 'tcp-refused' }, role: ['--zone', 'office'], extraConfig: { queue: { compareDeadlineSeconds: 1 } } });
    await h.command('diagnose corp.example/hello@v1.0.0 zone=all');
    const reply = await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('Not every zone answered')));
    const text = readBlocks(reply.blocks);
    expect(text).toContain('zone *office*: *`tcp.refused`*');
    expect(text).toContain('zone *ghost*: no answer in time');
  });
});
