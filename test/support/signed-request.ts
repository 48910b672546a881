import { createHmac } from 'node:crypto';

export interface SignedRequestOptions {
  readonly secret: string;
  /** Seconds since the epoch; defaults to now. */
  readonly timestamp?: number;
  readonly contentType?: string;
  /** Replace the computed signature (a forged request). */
  readonly signature?: string;
}

/** Signs a body the way Slack does: v0=hex(HMAC-SHA256(secret, `v0:<ts>:<body>`)). */
export function signSlackBody(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a body to the receiver with Slack's signature headers. */
export async function postSigned(url: string, body: string, options: SignedRequestOptions): Promise<{ status: number; body: string; elapsedMs: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signSlackBody(options.secret, timestamp, body),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text, elapsedMs: performance.now() - started };
}

/** The form body Slack sends for a slash command. */
export function slashCommandBody(fields: { text: string; user?: string; channel?: string; responseUrl: string; command?: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token', team_id: 'T0001', team_domain: 'corp', channel_id: fields.channel ?? 'C0001', channel_name: 'go-help',
    user_id: fields.user ?? 'U0001', user_name: 'alice', command: fields.command ?? '/gomod', text: fields.text, api_app_id: 'A0001',
    is_enterprise_install: 'false', response_url: fields.responseUrl, trigger_id: '1.2.3',
  }).toString();
}

/** The form body Slack sends for an interaction (buttons, shortcuts): `payload=<json>`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload for a button on a bot message. */
export function buttonPayload(fields: { actionId: string; value: string; user?: string; channel?: string; messageTs: string; responseUrl: string }): Record<string, unknown> {
  return {
    type: 'block_actions', team: { id: 'T0001', domain: 'corp' }, user: { id: fields.user ?? 'U0001', username: 'alice', team_id: 'T0001' },
    api_app_id: 'A0001', token: 'legacy', trigger_id: '1.2.3', channel: { id: fields.channel ?? 'C0001', name: 'go-help' },
    container: { type: 'message', message_ts: fields.messageTs, channel_id: fields.channel ?? 'C0001', is_ephemeral: false },
    message: { type: 'message', ts: fields.messageTs, text: 'verdict', user: 'UBOT', bot_id: 'BBOT' },
    response_url: fields.responseUrl,
    actions: [{ type: 'button', action_id: fields.actionId, block_id: 'b1', value: fields.value, action_ts: '1700000000.1', text: { type: 'plain_text', text: 'x' } }],
  };
}
