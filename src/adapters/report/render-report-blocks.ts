import type { DailyReport } from '../../core/report/daily-report.js';
import {
  escapeMrkdwn, renderCodeSections, renderContext, renderHeader, renderSection, splitMessages, type Block, type SlackMessage,
} from '../slack/blocks/block-kit.js';

/** The short channel message: counts and the worst findings; everything else goes to the thread and the file. */
export function renderReportSummary(report: DailyReport): SlackMessage {
  const hops = report.zones.flatMap((z) => z.hops);
  const count = (s: string): number => report.findings.filter((f) => f.severity === s).length;
  const [p0, p1, p2] = [count('P0'), count('P1'), count('P2')];
  const worst = [...report.findings].sort((a, b) => a.severity.localeCompare(b.severity)).slice(0, 5);
  const mood = p0 > 0 ? ':rotating_light:' : p1 > 0 ? ':warning:' : ':white_check_mark:';
  const inconsistent = report.modules.filter((m) => !m.consistent).length;
  const text = `${mood} Go module health ${report.generatedAt.slice(0, 10)}: ${p0} P0, ${p1} P1, ${p2} P2 across ${hops.length} hops in ${report.zones.length} zones`;
  return {
    text,
    blocks: [
      renderHeader(`Go module health, ${report.generatedAt.slice(0, 10)}`),
      renderSection([
        `${mood} *${p0}* P0 · *${p1}* P1 · *${p2}* P2`,
        `${hops.length} hops in ${report.zones.length} zone${report.zones.length === 1 ? '' : 's'}; ${hops.filter((h) => h.availability === 1).length} fully available`,
        `${report.modules.length} watchlist modules; ${inconsistent === 0 ? 'every source agrees on the h1: hashes' : `*${inconsistent} with differing h1: hashes*`}`,
      ].join('\n')),
      ...(worst.length === 0 ? [] : [renderSection(worst.map((f) => `• *${f.severity}* ${escapeMrkdwn(f.text)}`).join('\n'))]),
      renderContext([report.trends ? 'Per-hop details in the thread; chart and full JSON attached.' : 'No history store: trends are off. Details in the thread.']),
    ],
  };
}

/** The thread: one table per zone, then module hashes; split to Slack's 50-block messages. */
export function renderReportDetails(report: DailyReport): SlackMessage[] {
  const blocks = report.zones.flatMap((z) => renderCodeSections(`*Zone ${escapeMrkdwn(z.zone)}*`, z.hops.map((h) => {
    const change = h.sinceYesterday.availability === null ? '' : ` Δ1d ${signed(h.sinceYesterday.availability * 100, 'pt')}${h.sinceYesterday.p95Ms === null ? '' : ` ${signed(h.sinceYesterday.p95Ms, 'ms')}`}`;
    const classes = Object.entries(h.classes).filter(([c]) => c !== 'ok').map(([c, n]) => `${c}×${n}`).join(' ');
    const tls = h.tls === undefined ? '' : ` tls ${h.tls.daysLeft}d`;
    return `${h.role.padEnd(5)} ${h.hop}  ${(h.availability * 100).toFixed(1)}%  p50 ${fmt(h.latencyMs.p50)} p95 ${fmt(h.latencyMs.p95)}${tls}${change}${classes === '' ? '' : `  ${classes}`}`;
  })));
  if (report.modules.length > 0) {
    blocks.push(...renderCodeSections('*Watchlist modules*', report.modules.map((m) => {
      const fetch = m.verdicts.map((v) => `${v.zone}:${v.fetchable ? 'ok' : v.class}`).join(' ');
      return `${m.consistent ? 'ok  ' : 'DIFF'} ${m.module}@${m.version}  ${fetch}${m.consistent ? '' : `  sumdb ${m.hashes.sumdb?.zip ?? '-'} ${m.hashes.proxies.map((p) => `${p.hop} ${p.zip ?? '-'}`).join(' ')}`}`;
    })));
  }
  return splitByLength(blocks).flatMap((part) => splitMessages('Health report details', part));
}

/** Slack refuses messages whose blocks hold much more than ~13k characters (msg_blocks_too_long), below the 50-block limit. */
const MAX_MESSAGE_CHARS = 11_000;

function splitByLength(blocks: readonly Block[]): Block[][] {
  const parts: Block[][] = [[]];
  let size = 0;
  for (const block of blocks) {
    const length = JSON.stringify(block).length;
    if (size + length > MAX_MESSAGE_CHARS && (parts.at(-1)?.length ?? 0) > 0) { parts.push([]); size = 0; }
    parts.at(-1)?.push(block);
    size += length;
  }
  return parts;
}

function fmt(ms: number | null): string {
  return ms === null ? '-' : `${Math.round(ms)}ms`;
}

function signed(value: number, unit: string): string {
  return `${value >= 0 ? '+' : ''}${Math.round(value * 10) / 10}${unit}`;
}
