import type { Config } from '../../config/config-schema.js';

export type Authorization = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface Authorizer {
  authorize(user: string, channel: string): Promise<Authorization>;
}

/**
 * Allowlists of DESIGN §4: channels, then users or members of user groups. Empty lists allow everyone.
 * Group membership comes from `usergroups.users.list`, cached for `cacheMs`.
 */
export function createAuthorizer(deps: {
  slack: Config['slack'];
  listGroupMembers: (group: string) => Promise<readonly string[]>;
  cacheMs?: number;
  now?: () => number;
}): Authorizer {
  const now = deps.now ?? Date.now;
  const cache = new Map<string, { members: ReadonlySet<string>; until: number }>();
  const membersOf = async (group: string): Promise<ReadonlySet<string>> => {
    const cached = cache.get(group);
    if (cached !== undefined && cached.until > now()) return cached.members;
    const members = new Set(await deps.listGroupMembers(group));
    cache.set(group, { members, until: now() + (deps.cacheMs ?? 300_000) });
    return members;
  };
  return {
    async authorize(user, channel) {
      const { channels, users, userGroups } = deps.slack;
      if (channels.allowed.length > 0 && !channels.allowed.includes(channel)) {
        return { ok: false, reason: 'gomod-doctor does not take commands in this channel; ask in one of its channels' };
      }
      if (users.allowed.length === 0 && userGroups.allowed.length === 0) return { ok: true };
      if (users.allowed.includes(user)) return { ok: true };
      for (const group of userGroups.allowed) {
        if ((await membersOf(group)).has(user)) return { ok: true };
      }
      return { ok: false, reason: 'you are not on the gomod-doctor allowlist; ask its admins to add you or your user group' };
    },
  };
}
