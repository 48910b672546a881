import type { App } from '@slack/bolt';
import { IncidentActionId } from '../adapters/pager/incident-action-ids.js';
import { createIncidentActions } from '../adapters/pager/create-incident-actions.js';
import { createProducerConnection } from '../adapters/queue/redis-connections.js';
import { parseDurationMs } from '../config/config-schema.js';
import type { RoleContext, ServePlugins } from './serve.js';
import { createIncidentLister, startSchedulerRole, startZoneCheckRole } from './start-scheduler-role.js';

/** The escalation policy of the configuration (the pure policy in core/escalation reads it). */
function policyOf(context: RoleContext) {
  const { escalation } = context.config;
  return {
    ackTimeoutMs: parseDurationMs(escalation.ackTimeout),
    levels: escalation.levels.map((l) => ({ name: l.name, pagerdutyRoutingKeyEnv: l.pagerdutyRoutingKeyEnv, ...(l.slackUserGroup === undefined ? {} : { slackUserGroup: l.slackUserGroup }) })),
    maxAgeMs: 24 * 3_600_000,
  };
}

/** Incident actions for a role that only raises and answers incidents (the scheduler role sends the pages). */
function createActions(context: RoleContext, name: string) {
  const connection = createProducerConnection(context.redisUrl, name);
  connection.on('error', (err) => context.logger.warn({ err: { message: err.message } }, 'redis (incidents) unavailable'));
  const actions = createIncidentActions({ connection, prefix: context.prefix, policy: policyOf(context) });
  return {
    actions,
    close: async () => {
      await actions.close();
      connection.disconnect();
    },
  };
}

/**
 * What the daily report and paging plug into `serve`: the scheduler role, App Home's open incidents, the incident
 * buttons on the bot, and the worker hook that turns a checksum mismatch from any diagnosis into a P0.
 */
export const SERVE_PLUGINS: ServePlugins = {
  startScheduler: startSchedulerRole,
  startZoneChecks: startZoneCheckRole,
  createIncidentLister,
  registerSlackHandlers: (app: App, context: RoleContext) => {
    const { actions } = createActions(context, 'gomod-doctor-incident-buttons');
    for (const actionId of Object.values(IncidentActionId)) {
      app.action(actionId, async ({ ack, body, action, respond }) => {
        await ack();
        const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
        const answer = await actions.handleIncidentAction({ actionId, value }, body.user.id)
          .catch((err: unknown) => ({ text: `Could not update the incident: ${err instanceof Error ? err.message : String(err)}` }));
        await respond({ response_type: 'ephemeral', replace_original: false, text: answer.text });
      });
    }
  },
  createDiagnosisHook: (context: RoleContext) => {
    const { actions, close } = createActions(context, 'gomod-doctor-diagnosis-p0');
    return { onDiagnosis: (diagnosis) => actions.raiseFromDiagnosis(diagnosis), close };
  },
};
