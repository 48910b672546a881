import { describe, expect, it } from 'vitest';
import { startHarness } from './serve-harness.js';

describe('Socket Mode (the default transport)', () => {
  it('opens its WebSocket through SLACK_API_URL, acks a slash command envelope and answers in the channel', async () => {
    const h = await startHarness({ zones: { office: 'tcp-refused' }, socketMode: true });
    expect(h.serving.httpPort).toBeNull();
    await h.slack.socketMode.connected();
    expect(h.slack.callsTo('apps.connections.open')).toHaveLength(1);
    const ack = await h.slack.socketMode.send('slash_commands', {
      token: 'legacy', team_id: 'T0001', team_domain: 'corp', channel_id: 'C0001', channel_name: 'go-help', user_id: 'U0001', user_name: 'alice',
      command: '/gomod', text: 'diagnose corp.example/hello@v1.0.0', api_app_id: 'A0001', response_url: h.slack.responseUrl('socket'), trigger_id: '1.2.3',
    });
    expect(ack['response_type']).toBe('ephemeral');
    expect(String(ack['text'])).toContain('Diagnosing `corp.example/hello@v1.0.0` in zone office');
    const verdict = await h.slack.waitFor(() => [...h.slack.messages.values()].find((m) => m.text.startsWith('tcp.refused')));
    expect(verdict.channel).toBe('C0001');
  });
});
