import { describe, expect, it } from 'vitest';
import { nextStep, type EscalationEvent, type EscalationPolicy, type IncidentState } from './escalation-policy.js';

const policy: EscalationPolicy = {
  ackTimeoutMs: 15 * 60_000,
  maxAgeMs: 86_400_000,
  levels: [
    { name: 'primary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY' },
    { name: 'secondary', pagerdutyRoutingKeyEnv: 'PAGERDUTY_ROUTING_KEY_SECONDARY', slackUserGroup: 'S0123' },
  ],
};
const t0 = '2026-12-07T08:00:00.000Z';
const trigger: EscalationEvent = { type: 'trigger', id: 'build-outage|https://p|office', severity: 'P0', summary: 'outage' };

function run(events: readonly [EscalationEvent, string][]): { state: IncidentState | null; commands: string[] } {
  let state: IncidentState | null = null;
  const commands: string[] = [];
  for (const [event, now] of events) {
    const step = nextStep(policy, state, event, now);
    state = step.state;
    for (const c of step.commands) {
      if (c.type === 'page') commands.push(`page ${c.levelName} ${c.routingKeyEnv}${c.slackUserGroup === null ? '' : ` @${c.slackUserGroup}`}`);
      else if (c.type === 'schedule-timer') commands.push(`timer ${c.seq} ${c.dueAt}`);
      else if (c.type === 'cancel-timer') commands.push(`cancel ${c.seq}`);
      else if (c.type === 'pager-acknowledge' || c.type === 'pager-resolve') commands.push(`${c.type} ${c.routingKeyEnvs.join(',')}`);
      else commands.push(c.type);
    }
  }
  return { state, commands };
}

describe('nextStep', () => {
  it.each([
    {
      name: 'pages the primary at once and sets a timer for the ack timeout',
      events: [[trigger, t0]] as [EscalationEvent, string][],
      commands: ['page primary PAGERDUTY_ROUTING_KEY', 'timer 1 2026-12-07T08:15:00.000Z', 'update-slack'],
      status: 'triggered',
    },
    {
      name: 'pages the next level when the timer fires without an ack',
      events: [[trigger, t0], [{ type: 'ack-timeout', seq: 1 }, '2026-12-07T08:15:00.000Z']] as [EscalationEvent, string][],
      commands: ['page primary PAGERDUTY_ROUTING_KEY', 'timer 1 2026-12-07T08:15:00.000Z', 'update-slack',
        'page secondary PAGERDUTY_ROUTING_KEY_SECONDARY @S0123', 'update-slack'],
      status: 'triggered',
    },
    {
      name: 'stops the escalation on ack and acknowledges in the pager',
      events: [[trigger, t0], [{ type: 'ack', by: 'U1' }, '2026-12-07T08:05:00.000Z'], [{ type: 'ack-timeout', seq: 1 }, '2026-12-07T08:15:00.000Z']] as [EscalationEvent, string][],
      commands: ['page primary PAGERDUTY_ROUTING_KEY', 'timer 1 2026-12-07T08:15:00.000Z', 'update-slack',
        'cancel 1', 'pager-acknowledge PAGERDUTY_ROUTING_KEY', 'update-slack'],
      status: 'acknowledged',
    },
    {
      name: 'resolves through every routing key that was paged',
      events: [[trigger, t0], [{ type: 'ack-timeout', seq: 1 }, '2026-12-07T08:15:00.000Z'], [{ type: 'resolve', by: 'watch' }, '2026-12-07T08:20:00.000Z']] as [EscalationEvent, string][],
      commands: ['page primary PAGERDUTY_ROUTING_KEY', 'timer 1 2026-12-07T08:15:00.000Z', 'update-slack',
        'page secondary PAGERDUTY_ROUTING_KEY_SECONDARY @S0123', 'update-slack',
        'pager-resolve PAGERDUTY_ROUTING_KEY,PAGERDUTY_ROUTING_KEY_SECONDARY', 'update-slack'],
      status: 'resolved',
    },
    {
      name: 'ignores a stale timer from before a re-trigger',
      events: [[trigger, t0], [{ type: 'ack-timeout', seq: 7 }, '2026-12-07T08:15:00.000Z']] as [EscalationEvent, string][],
      commands: ['page primary PAGERDUTY_ROUTING_KEY', 'timer 1 2026-12-07T08:15:00.000Z', 'update-slack'],
      status: 'triggered',
    },
    {
      name: 'does not page again when a trigger arrives for an open incident',
      events: [[trigger, t0], [trigger, '2026-12-07T08:05:00.000Z']] as [EscalationEvent, string][],
      commands: ['page primary PAGERDUTY_ROUTING_KEY', 'timer 1 2026-12-07T08:15:00.000Z', 'update-slack', 'update-slack'],
      status: 'triggered',
    },
    {
      name: 'opens anew after a resolve',
      events: [[trigger, t0], [{ type: 'resolve', by: 'U2' }, '2026-12-07T08:01:00.000Z'], [trigger, '2026-12-07T09:00:00.000Z']] as [EscalationEvent, string][],
      commands: ['page primary PAGERDUTY_ROUTING_KEY', 'timer 1 2026-12-07T08:15:00.000Z', 'update-slack',
        'cancel 1', 'pager-resolve PAGERDUTY_ROUTING_KEY', 'update-slack',
        'page primary PAGERDUTY_ROUTING_KEY', 'timer 1 2026-12-07T09:15:00.000Z', 'update-slack'],
      status: 'triggered',
    },
    {
      name: 'does nothing for an ack without an incident',
      events: [[{ type: 'ack', by: 'U1' }, t0]] as [EscalationEvent, string][],
      commands: [],
      status: undefined,
    },
  ])('$name', ({ events, commands, status }) => {
    const result = run(events);
    expect(result.commands).toEqual(commands);
    expect(result.state?.status).toBe(status);
  });

  it('stops at the last level without further timers', () => {
    const result = run([[trigger, t0], [{ type: 'ack-timeout', seq: 1 }, '2026-12-07T08:15:00.000Z'], [{ type: 'ack-timeout', seq: 2 }, '2026-12-07T08:30:00.000Z']]);
    expect(result.state?.level).toBe(1);
    expect(result.state?.timerDueAt).toBeNull();
    expect(result.commands.filter((c) => c.startsWith('page'))).toHaveLength(2);
  });

  it('does not escalate past the sanity horizon', () => {
    const result = run([[trigger, t0], [{ type: 'ack-timeout', seq: 1 }, '2026-12-09T08:15:00.000Z']]);
    expect(result.state?.level).toBe(0);
    expect(result.state?.history.at(-1)?.text).toContain('sanity horizon');
  });

  it('records who acknowledged and who resolved', () => {
    const result = run([[trigger, t0], [{ type: 'ack', by: 'U1' }, '2026-12-07T08:01:00.000Z'], [{ type: 'resolve', by: 'U2' }, '2026-12-07T08:02:00.000Z']]);
    expect(result.state).toMatchObject({ acknowledgedBy: 'U1', resolvedBy: 'U2', status: 'resolved' });
    expect(result.commands).toContain('pager-resolve PAGERDUTY_ROUTING_KEY');
    expect(result.commands).not.toContain('cancel 2');
  });
});
