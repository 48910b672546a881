import { inflateSync } from 'node:zlib';
import { Worker } from 'bullmq';
import { pino } from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SLACK_OUTBOX_QUEUE } from '../../src/adapters/queue/queue-names.js';
import { createWorkerConnection } from '../../src/adapters/queue/redis-connections.js';
import { createOutbox, createOutboxProcessor } from '../../src/adapters/queue/slack-outbox.js';
import { createSlackReportPoster } from '../../src/adapters/report/post-report-to-slack.js';
import { createSlackFileUploader } from '../../src/adapters/report/upload-slack-files.js';
import { createSlackPoster, createSlackWebClient } from '../../src/adapters/slack/slack-web-api.js';
import type { CheckResult } from '../../src/core/report/check-result.js';
import type { DailyReport } from '../../src/core/report/daily-report.js';
import { summarizeReport } from '../../src/core/report/summarize-report.js';
import { startFakeSlackApi } from '../support/fake-slack-api.js';
import { useTestRedis } from '../support/redis.js';
import { startFakeSlackFiles } from './fake-slack-files.js';

const TOKEN = 'xoxb-report-test';

function bigReport(modules: number): DailyReport {
  const results: CheckResult[] = [];
  for (let m = 0; m < modules; m++) {
    for (const hop of ['https://goproxy.corp.example', 'https://mirror.corp.example']) {
      results.push({
        zone: 'office', hop, role: 'proxy', critical: hop.includes('goproxy'), module: `corp.example/team${m}/service`, version: 'v1.0.0',
        at: '2026-12-07T08:00:00.000Z', class: m % 97 === 0 ? 'tcp.timeout' : 'ok', status: 200, latencyMs: 10 + (m % 13), tlsValidTo: '2027-01-01T00:00:00.000Z',
        evidence: '', hashes: { mod: 'h1:m=', zip: m === 5 && hop.includes('mirror') ? 'h1:bad=' : 'h1:z=' },
      });
    }
  }
  const previous = results.map((r) => ({ ...r, at: '2026-12-06T08:00:00.000Z', latencyMs: (r.latencyMs ?? 0) + 5 }));
  return summarizeReport(results, previous, { now: '2026-12-07T08:00:10.000Z', days: 7 });
}

describe('createSlackReportPoster', () => {
  it('posts a short summary, the details in its thread within Block Kit limits, and the chart and JSON by two-step upload', async () => {
    const redis = useTestRedis([SLACK_OUTBOX_QUEUE]);
    const slack = await startFakeSlackApi();
    const files = await startFakeSlackFiles(TOKEN);
    const connection = createWorkerConnection(redis.url, 'report-post-test');
    const outbox = createOutbox({ connection, prefix: redis.prefix });
    const worker = new Worker(SLACK_OUTBOX_QUEUE, createOutboxProcessor({
      redis: connection, prefix: redis.prefix, logger: pino({ level: 'silent' }), perChannelIntervalMs: 0, messageLimitBackoffMs: 50,
      slack: createSlackPoster(createSlackWebClient({ token: TOKEN, slackApiUrl: slack.apiUrl })),
    }), { connection, prefix: redis.prefix, concurrency: 4 });
    onTestFinished(async () => { await worker.close(); await outbox.close(); await slack.close(); await files.close(); connection.disconnect(); });

    const report = bigReport(300);
    const post = createSlackReportPoster({ outbox, uploader: createSlackFileUploader({ token: TOKEN, slackApiUrl: files.apiUrl }), defaultChannel: 'C0REPORT' });
    await post(report, null);

    const summary = await slack.waitFor(() => [...slack.messages.values()].find((m) => m.threadTs === null));
    expect(summary.channel).toBe('C0REPORT');
    expect(summary.text).toContain('1 P0');
    expect(JSON.stringify(summary.blocks).length).toBeLessThan(3000);
    const thread = await slack.waitFor(() => {
      const replies = [...slack.messages.values()].filter((m) => m.threadTs !== null);
      return replies.length >= 1 && replies.length === slack.callsTo('chat.postMessage').length - 1 ? replies : null;
    });
    expect(slack.calls.filter((c) => c.answer !== 'ok')).toEqual([]);
    expect(JSON.stringify(thread.map((t) => t.blocks))).toContain('corp.example/team5/service@v1.0.0');

    expect(files.files.map((f) => [f.filename, f.shared?.channel])).toEqual([
      ['gomod-health-2026-12-07.png', 'C0REPORT'], ['gomod-health-2026-12-07.json', 'C0REPORT'],
    ]);
    const png = files.files[0]?.bytes ?? Buffer.alloc(0);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(inflateSync(png.subarray(png.indexOf('IDAT') + 4)).length).toBeGreaterThan(0);
    expect(JSON.parse(files.files[1]?.bytes?.toString() ?? '')).toEqual(report);
    expect(files.files[0]?.shared?.initialComment).toContain('1 = https://goproxy.corp.example (office)');
  });
});
