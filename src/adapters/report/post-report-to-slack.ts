import type { DailyReport } from '../../core/report/daily-report.js';
import type { Outbox } from '../queue/slack-outbox.js';
import { renderReportDetails, renderReportSummary } from './render-report-blocks.js';
import { renderTrendChart } from './render-trend-chart.js';
import type { SlackFileUploader } from './upload-slack-files.js';

/**
 * Posts a report: the summary through the outbox, the details in its thread, then the chart and the full
 * JSON with the two-step upload (when an uploader is configured).
 */
export function createSlackReportPoster(deps: { outbox: Outbox; uploader: SlackFileUploader | null; defaultChannel: string | null }): (report: DailyReport, channel: string | null) => Promise<void> {
  return async (report, requested) => {
    const channel = requested ?? deps.defaultChannel;
    if (channel === null) return;
    const key = `report-${Date.parse(report.generatedAt)}-${channel}`;
    const summary = renderReportSummary(report);
    await deps.outbox.send({ kind: 'status', key, channel, rank: 0, text: summary.text, blocks: [...summary.blocks] }, { jobId: key });
    for (const [i, m] of renderReportDetails(report).entries()) {
      await deps.outbox.send({ kind: 'thread', key, channel, text: m.text, blocks: [...m.blocks] }, { jobId: `${key}-details-${i}` });
    }
    if (deps.uploader === null) return;
    const day = report.generatedAt.slice(0, 10);
    const { png, legend } = renderTrendChart(report);
    await deps.uploader.upload({
      channel,
      initialComment: `Latency (p95) and availability per hop over the last days: ${legend.map((l) => `${l.index} = ${l.hop} (${l.zone})`).join(', ')}`.slice(0, 3000),
      files: [
        { filename: `gomod-health-${day}.png`, title: `Go module health trend ${day}`, bytes: png },
        { filename: `gomod-health-${day}.json`, title: `Go module health report ${day} (JSON)`, bytes: Buffer.from(JSON.stringify(report, null, 2)) },
      ],
    });
  };
}
