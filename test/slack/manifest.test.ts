import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ActionId } from '../../src/adapters/slack/blocks/action-ids.js';

describe('manifest.yml', () => {
  it('declares the slash command, the shortcut the bot listens for, App Home and Socket Mode', async () => {
    const manifest = parse(await readFile(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
      features: { slash_commands: { command: string }[]; shortcuts: { callback_id: string; type: string }[]; app_home: { home_tab_enabled: boolean } };
      settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean }; event_subscriptions: { bot_events: string[] } };
      oauth_config: { scopes: { bot: string[] } };
    };
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/gomod']);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: ActionId.explainShortcut })]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings).toMatchObject({ socket_mode_enabled: true, interactivity: { is_enabled: true }, event_subscriptions: { bot_events: ['app_home_opened'] } });
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'usergroups:read']));
  });
});
