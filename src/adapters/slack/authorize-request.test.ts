import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/load-config.js';
import { createAuthorizer } from './authorize-request.js';

const slackConfig = (yaml: string) => parseConfig(yaml, 't.yml').slack;

describe('createAuthorizer', () => {
  it('allows everyone everywhere with empty allowlists', async () => {
    const auth = createAuthorizer({ slack: slackConfig(''), listGroupMembers: async () => [] });
    expect(await auth.authorize('U1', 'C1')).toEqual({ ok: true });
  });

  it.each([
    ['U1', 'C9', false],
    ['U1', 'C1', true],
    ['U3', 'C1', true],
    ['U4', 'C1', false],
  ])('checks user %s in channel %s against channels, users and groups', async (user, channel, ok) => {
    const asked: string[] = [];
    const auth = createAuthorizer({
      slack: slackConfig('slack: { channels: { allowed: [C1] }, users: { allowed: [U1] }, userGroups: { allowed: [S1] } }'),
      listGroupMembers: async (group) => { asked.push(group); return group === 'S1' ? ['U3'] : []; },
    });
    expect((await auth.authorize(user, channel)).ok).toBe(ok);
  });

  it('caches group membership', async () => {
    let calls = 0;
    const auth = createAuthorizer({ slack: slackConfig('slack: { userGroups: { allowed: [S1] } }'), listGroupMembers: async () => { calls += 1; return ['U3']; } });
    await auth.authorize('U3', 'C1');
    await auth.authorize('U4', 'C1');
    expect(calls).toBe(1);
  });
});
