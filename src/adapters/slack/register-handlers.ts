import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Explanation } from '../../core/diagnosis.js';
import type { ModuleQuery } from '../../core/module/parse-module-query.js';
import { settleWithin } from '../queue/redis-connections.js';
import type { DiagnoseProducer } from '../queue/diagnose-producer.js';
import type { ReportRequester } from '../queue/report-request.js';
import type { RunStore } from '../queue/run-store.js';
import { redactText } from '../observability/create-logger.js';
import type { Authorizer } from './authorize-request.js';
import { ActionId } from './blocks/action-ids.js';
import { escapeMrkdwn, renderSection, type SlackMessage } from './blocks/block-kit.js';
import { renderChangeRequestBlocks } from './blocks/render-details.js';
import { renderExplanation } from './blocks/render-explanation.js';
import { renderHelp } from './blocks/render-help.js';
import { renderHome, type HomeIncident } from './blocks/render-home.js';
import type { ZoneStatus } from './blocks/render-status-view.js';
import { renderStatusView } from './blocks/render-status-view.js';
import { parseCommand } from './commands/parse-command.js';
import type { RateLimiter } from './rate-limiter.js';

export interface BotDeps {
  readonly zones: readonly string[];
  readonly producer: DiagnoseProducer;
  readonly runStore: RunStore;
  readonly reports: ReportRequester;
  readonly collectStatus: () => Promise<ZoneStatus[]>;
  readonly explain: (text: string) => Explanation;
  readonly parseQuery: (text: string) => ModuleQuery;
  readonly authorizer: Authorizer;
  readonly rateLimiter: RateLimiter;
  /** Open incidents for App Home, from the paging side; null while it has none to give. */
  readonly listOpenIncidents: (() => Promise<readonly HomeIncident[]>) | null;
  readonly logger: Logger;
  /** The longest the ack path waits on Redis or the Web API (keep well under Slack's 3 s). */
  readonly boundMs: number;
  readonly onCommand?: (verb: string, result: string) => void;
}

type Ack = (message?: Record<string, unknown>) => Promise<void>;

const ephemeral = (message: SlackMessage): Record<string, unknown> => ({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
const say = (text: string): SlackMessage => ({ text, blocks: [renderSection(text)] });

/** Slash command, buttons, message shortcut and App Home. Every path acks within `boundMs` plus a little. */
export function registerHandlers(app: App, deps: BotDeps): void {
  const audit = (entry: { user: string; channel: string; command: string; text: string; result: string }): void => {
    deps.logger.info({ audit: { ...entry, text: redactText(entry.text).slice(0, 300) } }, 'command');
    deps.onCommand?.(entry.command, entry.result);
  };
  const unavailable = say(':warning: The job queue is not answering (Redis is unreachable), so nothing was started. Please try again in a minute; the operators have been told in the logs.');

  app.command('/gomod', async ({ command, ack, respond }) => {
    const parsed = parseCommand(command.text);
    const who = { user: command.user_id, channel: command.channel_id, text: command.text };
    const done = (result: string): void => audit({ ...who, command: parsed.verb, result });
    const a = ack as Ack;
    if (parsed.verb === 'help') {
      await a(ephemeral(renderHelp(deps.zones, parsed.reason)));
      return done(parsed.reason === undefined ? 'ok' : 'unknown');
    }
    const allowed = await settleWithin(deps.authorizer.authorize(command.user_id, command.channel_id), deps.boundMs, 'authorize')
      .catch(() => ({ ok: false as const, reason: 'the allowlist could not be checked just now (Slack did not answer); try again' }));
    if (!allowed.ok) {
      await a(ephemeral(say(`:no_entry: ${allowed.reason}`)));
      return done('denied');
    }
    if (!deps.rateLimiter.take(command.user_id)) {
      await a(ephemeral(say(':hourglass: You have run many commands in a short time; please wait a minute.')));
      return done('rate-limited');
    }
    switch (parsed.verb) {
      case 'explain': {
        await a({ response_type: 'in_channel', ...renderExplanation(deps.explain(parsed.text)) });
        return done('ok');
      }
      case 'diagnose': {
        const query = deps.parseQuery(parsed.query);
        if (!query.ok) {
          await a(ephemeral(say(`:x: \`${query.class}\`: ${escapeMrkdwn(query.message)}\nNothing was started.`)));
          return done(query.class);
        }
        const zone = parsed.zone ?? deps.zones[0] ?? 'local';
        if (zone !== 'all' && !deps.zones.includes(zone)) {
          await a(ephemeral(renderHelp(deps.zones, `unknown zone \`${zone}\``)));
          return done('unknown-zone');
        }
        const subscriber = { id: randomUUID(), channel: command.channel_id, user: command.user_id };
        const target = { module: query.module, version: query.version };
        try {
          const started = await settleWithin(zone === 'all'
            ? deps.producer.startAll(target, deps.zones, subscriber)
            : deps.producer.start(target, zone, subscriber), deps.boundMs, 'enqueue');
          void deps.runStore.recordRecent(command.user_id, { runId: started.runId, module: query.module, version: query.version, zone, class: null, verdict: null, at: Date.now() })
            .catch((err: unknown) => deps.logger.warn({ err }, 'could not record a recent diagnosis'));
          const where = zone === 'all' ? `all ${deps.zones.length} zones` : `zone ${zone}`;
          await a(ephemeral(say(`Diagnosing \`${escapeMrkdwn(`${query.module}@${query.version ?? 'latest'}`)}\` in ${where}${started.shared ? ' (joining a run that is already going)' : ''}.`)));
          return done(started.shared ? 'shared' : 'queued');
        } catch (err) {
          deps.logger.error({ err }, 'enqueue failed');
          await a(ephemeral(unavailable));
          return done('queue-unavailable');
        }
      }
      case 'status': {
        await a();
        const message = await settleWithin(deps.collectStatus(), 2 * deps.boundMs, 'status').then(renderStatusView, () => unavailable);
        await respond({ response_type: 'ephemeral', text: message.text, blocks: [...message.blocks] as never }).catch((err: unknown) => deps.logger.warn({ err }, 'respond failed'));
        return done(message === unavailable ? 'queue-unavailable' : 'ok');
      }
      case 'report': {
        try {
          await settleWithin(deps.reports.request({ requestedBy: command.user_id, channel: command.channel_id, requestedAt: Date.now() }), deps.boundMs, 'report');
          await a(ephemeral(say(':bar_chart: The health report is being prepared; it will be posted when it is ready.')));
          return done('queued');
        } catch (err) {
          deps.logger.error({ err }, 'report request failed');
          await a(ephemeral(unavailable));
          return done('queue-unavailable');
        }
      }
    }
  });

  app.action(ActionId.showChangeRequest, async ({ ack, body, action, respond }) => {
    await ack();
    const runId = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const result = await settleWithin(deps.runStore.loadResult(runId), deps.boundMs, 'load').catch(() => null);
    const message: SlackMessage = result?.playbook == null
      ? say('This diagnosis is no longer stored; run it again with Re-check.')
      : { text: `Change request: ${result.playbook.changeRequest.title}`, blocks: renderChangeRequestBlocks(result.playbook) };
    audit({ user: body.user.id, channel: body.channel?.id ?? '', command: 'show-change-request', text: runId, result: result === null ? 'missing' : 'ok' });
    await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: [...message.blocks] as never }).catch(() => undefined);
  });

  app.action(ActionId.recheck, async ({ ack, body, action, respond }) => {
    await ack();
    const runId = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const channel = body.channel?.id ?? '';
    const allowed = await settleWithin(deps.authorizer.authorize(body.user.id, channel), deps.boundMs, 'authorize').catch(() => ({ ok: false as const, reason: 'the allowlist could not be checked' }));
    const reply = async (text: string): Promise<void> => {
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    };
    if (!allowed.ok) return reply(`:no_entry: ${allowed.reason}`);
    if (!deps.rateLimiter.take(body.user.id)) return reply(':hourglass: Please wait a minute before the next re-check.');
    try {
      const request = await settleWithin(deps.runStore.loadRequest(runId), deps.boundMs, 'load');
      if (request === null) return reply('This diagnosis is no longer stored; run `/gomod diagnose` again.');
      const message = 'message' in body ? body.message as { ts?: string; thread_ts?: string } | undefined : undefined;
      const threadTs = message?.thread_ts ?? message?.ts;
      const subscriber = { id: randomUUID(), channel, user: body.user.id, compareWith: runId, ...(threadTs === undefined ? {} : { threadTs }) };
      await settleWithin(deps.producer.start({ module: request.module, version: request.version }, request.zone, subscriber, { fresh: true }), deps.boundMs, 'enqueue');
      audit({ user: body.user.id, channel, command: 're-check', text: `${request.module}@${request.version ?? 'latest'}`, result: 'queued' });
    } catch (err) {
      deps.logger.error({ err }, 're-check failed');
      audit({ user: body.user.id, channel, command: 're-check', text: runId, result: 'queue-unavailable' });
      await reply(unavailable.text);
    }
  });

  app.shortcut(ActionId.explainShortcut, async ({ ack, shortcut, respond }) => {
    await ack();
    const text = shortcut.type === 'message_action' ? shortcut.message.text ?? '' : '';
    const message = text.trim() === '' ? say('That message holds no text to explain.') : renderExplanation(deps.explain(text));
    audit({ user: shortcut.user.id, channel: shortcut.type === 'message_action' ? shortcut.channel.id : '', command: 'explain-shortcut', text, result: 'ok' });
    await respond({ response_type: 'ephemeral', text: message.text, blocks: [...message.blocks] as never }).catch((err: unknown) => deps.logger.warn({ err }, 'respond failed'));
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const [recent, incidents] = await Promise.all([
      settleWithin(deps.runStore.listRecent(event.user, 10), deps.boundMs, 'recent').catch(() => []),
      deps.listOpenIncidents === null ? Promise.resolve(null) : settleWithin(deps.listOpenIncidents(), deps.boundMs, 'incidents').catch(() => null),
    ]);
    const withResults = await Promise.all(recent.map(async (r) => {
      const result = await deps.runStore.loadResult(r.runId).catch(() => null);
      return { ...r, class: result?.class ?? r.class };
    }));
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: renderHome(withResults, incidents) as never } })
      .catch((err: unknown) => deps.logger.warn({ err }, 'views.publish failed'));
  });
}
