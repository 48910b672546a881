import { describe, expect, it } from 'vitest';
import { ActionId } from '../../src/adapters/slack/blocks/action-ids.js';
import { interactionBody, postSigned } from '../support/signed-request.js';
import { readBlocks, SECRET, startHarness } from './serve-harness.js';

describe('bot surfaces', () => {
  it('explains a message through the "Explain Go error" shortcut, ephemerally', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    const payload = {
      type: 'message_action', callback_id: ActionId.explainShortcut, trigger_id: '1.2.3', action_ts: '1700000000.2',
      team: { id: 'T0001', domain: 'corp' }, user: { id: 'U0001', name: 'alice' }, channel: { id: 'C0001', name: 'go-help' },
      message: { type: 'message', ts: '1699999999.000100', user: 'U0002', text: 'go: corp.example/hello@v1.0.0: reading https://goproxy.corp.example/corp.example/hello/@v/v1.0.0.info: 410 Gone' },
      response_url: h.slack.responseUrl('shortcut'), token: 'legacy',
    };
    const answer = await postSigned(`http://127.0.0.1:${h.serving.httpPort}/slack/events`, interactionBody(payload), { secret: SECRET });
    expect(answer.status).toBe(200);
    const reply = await h.slack.waitFor(() => h.slack.callsTo('response_url:shortcut')[0]);
    expect(reply.args['response_type']).toBe('ephemeral');
    expect(String(reply.args['text'])).toMatch(/^module\.gone/);
  });

  it('publishes App Home with my recent diagnoses and a place for open incidents', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    await h.command('diagnose corp.example/hello@v1.0.0', { user: 'U0001' });
    await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('tcp.refused')));
    const event = {
      token: 'legacy', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: 'Ev1', event_time: 1700000000,
      event: { type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'home', event_ts: '1700000000.1' },
    };
    const answer = await postSigned(`http://127.0.0.1:${h.serving.httpPort}/slack/events`, JSON.stringify(event), { secret: SECRET, contentType: 'application/json' });
    expect(answer.status).toBe(200);
    const publish = await h.slack.waitFor(() => h.slack.callsTo('views.publish')[0]);
    expect(publish.answer).toBe('ok');
    expect(publish.args['user_id']).toBe('U0001');
    const home = readBlocks((publish.args['view'] as { blocks: unknown }).blocks);
    expect(home).toContain('*`tcp.refused`* `corp.example/hello@v1.0.0` in office');
    expect(home).toContain('Open incidents');
  });

  it('refuses people and channels outside the allowlists, and rate-limits per user, ephemerally', async () => {
    const h = await startHarness({
      zones: { office: 'tcp-refused' },
      extraConfig: { slack: { channels: { allowed: ['C0001'] }, users: { allowed: ['U0001'] }, userGroups: { allowed: ['S0001'] }, rateLimit: { perUser: 2, windowSeconds: 60 } } },
    });
    h.slack.setUserGroup('S0001', ['U0002']);
    const otherChannel = await h.command('status', { channel: 'C0999' });
    expect(otherChannel.json['response_type']).toBe('ephemeral');
    expect(String(otherChannel.json['text'])).toContain('does not take commands in this channel');
    const stranger = await h.command('status', { user: 'U0003' });
    expect(String(stranger.json['text'])).toContain('not on the gomod-doctor allowlist');
    const member = await h.command('report', { user: 'U0002' });
    expect(String(member.json['text'])).toContain('health report is being prepared');
    await h.command('report', { user: 'U0001' });
    await h.command('report', { user: 'U0001' });
    const limited = await h.command('report', { user: 'U0001' });
    expect(limited.json['response_type']).toBe('ephemeral');
    expect(String(limited.json['text'])).toContain('many commands in a short time');
  });

  it('writes one audit line per command with who, what, where and the result, tokens redacted', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' } });
    await h.command('explain go: reading https://bob:hunter2@goproxy.corp.example/x/@v/list: 401 Unauthorized xoxb-1234-secret', { user: 'U0042', channel: 'C0042' });
    await h.command('deploy', { user: 'U0042', channel: 'C0042' });
    const audits = h.logLines().filter((line) => line['msg'] === 'command').map((line) => line['audit'] as Record<string, string>);
    expect(audits).toEqual([
      { user: 'U0042', channel: 'C0042', command: 'explain', result: 'ok', text: 'explain go: reading https://[redacted]@goproxy.corp.example/x/@v/list: 401 Unauthorized [redacted]' },
      { user: 'U0042', channel: 'C0042', command: 'help', result: 'unknown', text: 'deploy' },
    ]);
    expect(JSON.stringify(h.logLines())).not.toContain('hunter2');
    expect(JSON.stringify(h.logLines())).not.toContain('xoxb-');
  });

  it('serves /healthz, /readyz and /metrics on --metrics-port and on the HTTP port', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' }, metricsPort: true });
    await h.command('diagnose corp.example/hello@v1.0.0');
    await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('tcp.refused')));
    for (const port of [h.serving.metricsPort, h.serving.httpPort]) {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    }
    const metrics = await (await fetch(`http://127.0.0.1:${h.serving.metricsPort}/metrics`)).text();
    expect(metrics).toContain('gomod_doctor_commands_total{command="diagnose",result="queued",role="all"} 1');
    expect(metrics).toContain('gomod_doctor_diagnoses_total{zone="office",class="tcp.refused",role="all"} 1');
    expect(metrics).toMatch(/gomod_doctor_probe_duration_seconds_count\{role="all",class="tcp.refused",hop="https:\/\/127.0.0.1:\d+",zone="office"\} \d/);
    expect(metrics).toMatch(/gomod_doctor_queue_depth\{queue="diagnose-office",state="waiting",role="all"\} 0/);
    expect(metrics).toContain('nodejs_eventloop_lag_seconds');
  });
});
