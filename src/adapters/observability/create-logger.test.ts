import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from './create-logger.js';

describe('redactText', () => {
  it.each([
    ['token xoxb-1234-5678-abcdef here', 'token [redacted] here'],
    ['app xapp-1-A0001-99-ff', 'app [redacted]'],
    ['GOPROXY=https://bob:hunter2@goproxy.corp.example,direct', 'GOPROXY=https://[redacted]@goproxy.corp.example,direct'],
    ['HTTPS_PROXY=http://svc@egress:3128', 'HTTPS_PROXY=http://[redacted]@egress:3128'],
    ['nothing secret at https://goproxy.corp.example', 'nothing secret at https://goproxy.corp.example'],
  ])('redacts %j', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });
});

describe('createLogger', () => {
  it('censors tokens, response URLs and routing keys wherever the redact paths name them', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } });
    const logger = createLogger({ destination: sink });
    logger.info({ token: 'xoxb-1', body: { response_url: 'https://hooks.slack.com/x' }, routingKey: 'R0UT1NG', env: { SLACK_BOT_TOKEN: 'xoxb-2' } }, 'hello');
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ token: '[redacted]', body: { response_url: '[redacted]' }, routingKey: '[redacted]', env: { SLACK_BOT_TOKEN: '[redacted]' }, msg: 'hello' });
  });
});
