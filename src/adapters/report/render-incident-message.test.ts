import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../pager/redis-incident-store.js';
import { renderIncidentEvidence, renderIncidentMessage } from './render-incident-message.js';

const levels = [{ name: 'primary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY' }, { name: 'secondary', pagerdutyRoutingKeyEnv: 'PD2', slackUserGroup: 'S0123' }];

function record(over: Partial<IncidentRecord['state']>): IncidentRecord {
  return {
    revision: 3, delivered: [], applied: [], pending: [],
    context: { pattern: 'build-outage', hop: 'https://goproxy.corp.example', zone: 'office', classes: ['tcp.timeout'], modules: ['corp.example/a@v1.0.0'], evidence: [] },
    state: {
      id: 'build-outage|https://goproxy.corp.example|office', severity: 'P0', summary: 's', status: 'triggered', level: 0, triggeredAt: '2026-12-07T08:00:00.000Z',
      acknowledgedBy: null, resolvedBy: null, timerSeq: 1, timerDueAt: null, history: [{ at: '2026-12-07T08:00:00.000Z', text: 'triggered: s' }], ...over,
    },
  };
}

const buttons = (r: IncidentRecord): string[] => {
  const actions = renderIncidentMessage(r, levels).blocks.find((b) => b['type'] === 'actions') as { elements: { action_id: string }[] };
  return actions.elements.map((e) => e.action_id);
};

describe('renderIncidentMessage', () => {
  it('renders a triggered incident with all three buttons', () => {
    expect(renderIncidentMessage(record({}), levels)).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "emoji": true,
              "text": "🚨 P0 Build outage: https://goproxy.corp.example (zone office)",
              "type": "plain_text",
            },
            "type": "header",
          },
          {
            "text": {
              "text": ":rotating_light: *Triggered*, paged *primary*",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "*Classes:* \`tcp.timeout\`
      *Modules:* corp.example/a@v1.0.0
      *dedup key:* \`build-outage|https://goproxy.corp.example|office\`",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "elements": [
              {
                "text": "08:00:00 UTC triggered: s",
                "type": "mrkdwn",
              },
            ],
            "type": "context",
          },
          {
            "elements": [
              {
                "action_id": "gomod_incident_ack",
                "style": "primary",
                "text": {
                  "text": "Acknowledge",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "build-outage|https://goproxy.corp.example|office",
              },
              {
                "action_id": "gomod_incident_resolve",
                "style": "danger",
                "text": {
                  "text": "Resolve",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "build-outage|https://goproxy.corp.example|office",
              },
              {
                "action_id": "gomod_incident_recheck",
                "text": {
                  "text": "Re-check",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "build-outage|https://goproxy.corp.example|office",
              },
            ],
            "type": "actions",
          },
        ],
        "text": "P0 Build outage: https://goproxy.corp.example (zone office): triggered",
      }
    `);
  });

  it.each([
    { status: 'triggered', expected: ['gomod_incident_ack', 'gomod_incident_resolve', 'gomod_incident_recheck'] },
    { status: 'acknowledged', expected: ['gomod_incident_resolve', 'gomod_incident_recheck'] },
    { status: 'resolved', expected: ['gomod_incident_recheck'] },
  ] as const)('offers only the buttons that make sense when $status', ({ status, expected }) => {
    expect(buttons(record({ status }))).toEqual(expected);
  });

  it('mentions the user group of the level it escalated to and who acknowledged', () => {
    expect(JSON.stringify(renderIncidentMessage(record({ level: 1 }), levels).blocks)).toContain('<!subteam^S0123>');
    expect(JSON.stringify(renderIncidentMessage(record({ status: 'acknowledged', acknowledgedBy: 'U42' }), levels).blocks)).toContain('Acknowledged* by <@U42>');
  });
});

describe('renderIncidentEvidence', () => {
  it('puts the evidence and a change request with rollback in the thread, within Block Kit limits', () => {
    const r = record({});
    const message = renderIncidentEvidence({ ...r, context: { ...r.context, pattern: 'supply-chain', classes: ['checksum.mismatch'], evidence: ['corp.example/a@v1.0.0 zip: office https://mirror serves h1:bad=, sumdb says h1:good='] } });
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('h1:bad=');
    expect(text).toContain('*Change request:*');
    expect(text).toContain('*Rollback*');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const b of message.blocks) expect(((b as { text?: { text: string } }).text?.text ?? '').length).toBeLessThanOrEqual(3000);
  });
});
