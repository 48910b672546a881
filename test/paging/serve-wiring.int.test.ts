import { describe, expect, it, onTestFinished } from 'vitest';
import { IncidentActionId } from '../../src/adapters/pager/incident-action-ids.js';
import { SERVE_PLUGINS } from '../../src/main/serve-plugins.js';
import { startFakePagerDuty } from '../support/fake-pagerduty.js';
import { buttonPayload, interactionBody, postSigned } from '../support/signed-request.js';
import { SECRET, startHarness } from '../slack/serve-harness.js';

describe('serve with report and paging plugged in', () => {
  it('pages a checksum mismatch from a user\'s /gomod diagnose, and the Acknowledge button acknowledges it in PagerDuty', async () => {
    const pd = await startFakePagerDuty();
    onTestFinished(() => pd.close());
    const h = await startHarness({
      zones: { lab: 'checksum-mismatch-sumdb' },
      plugins: SERVE_PLUGINS,
      env: { PAGERDUTY_EVENTS_URL: pd.url, PAGERDUTY_ROUTING_KEY: 'lab-routing-key-00000000000000000' },
      extraConfig: { slack: { channels: { allowed: [], incident: 'CINCIDENT' } } },
    });

    const ack = await h.command('diagnose corp.example/hello@v1.0.0');
    expect(ack.status).toBe(200);
    await pd.waitForEvents(1);
    const dedupKey = `supply-chain|${h.lab.urls.trusted}|lab`;
    expect(pd.events[0]).toMatchObject({ event_action: 'trigger', dedup_key: dedupKey, payload: { severity: 'critical' } });

    const click = await postSigned(`http://127.0.0.1:${h.serving.httpPort}/slack/events`, interactionBody(buttonPayload({
      actionId: IncidentActionId.acknowledge, value: dedupKey, user: 'UONCALL', channel: 'CINCIDENT', messageTs: '1700000000.000100', responseUrl: h.slack.responseUrl('ack'),
    })), { secret: SECRET });
    expect(click.status).toBe(200);
    await pd.waitForEvents(2);
    expect(pd.events[1]).toMatchObject({ event_action: 'acknowledge', dedup_key: dedupKey });
  });
});
