import type { Diagnosis, PhaseTimings } from '../../../core/diagnosis.js';
import type { Playbook } from '../../../core/playbooks/playbook.js';
import { escapeMrkdwn, renderCodeSections, renderHeader, renderList, renderSection, splitMessages, type Block, type SlackMessage } from './block-kit.js';
import { formatTarget } from './render-verdict.js';

function formatMs(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '-' : `${Math.round(ms)}`;
}

function formatTimings(t: PhaseTimings): string {
  return `dns ${formatMs(t.dnsMs)} tcp ${formatMs(t.connectMs)} tls ${formatMs(t.tlsMs)} ttfb ${formatMs(t.ttfbMs)} total ${formatMs(t.totalMs)} ms`;
}

/** The hop table: one line per request the go command makes, with its class and timings. */
export function renderHopTable(diagnosis: Diagnosis): Block[] {
  if (diagnosis.steps.length === 0) return [renderSection('_No request was made (the go command stops before the network)._')];
  const lines = diagnosis.steps.map((s) => `${s.outcome.padEnd(12)} ${s.step.padEnd(8)} ${s.class.padEnd(24)} ${String(s.status ?? '-').padEnd(4)} ${s.hop}\n${''.padEnd(13)}${formatTimings(s.timings)}`);
  return renderCodeSections('*Hops*', lines);
}

/** The change-request checklist and its rollback, as an SRE pastes them into the change tool. */
export function renderChangeRequestBlocks(playbook: Playbook): Block[] {
  const cr = playbook.changeRequest;
  return [
    renderHeader(`Change request: ${cr.title}`),
    renderSection(`*Impact:* ${escapeMrkdwn(cr.impact)}\n*Owner:* ${escapeMrkdwn(cr.owner)}   *Window:* ${escapeMrkdwn(cr.window)}`),
    renderSection(`*Pre-checks*\n${renderList(cr.preChecks.map((c) => `☐ ${c}`))}`),
    renderSection(`*Steps*\n${renderList(cr.steps.map((c) => `☐ ${c}`))}`),
    renderSection(`*Verification*\n${renderList(cr.verification)}`),
    renderSection(`*Rollback*\n${renderList(cr.rollback.length > 0 ? cr.rollback : playbook.rollback)}`),
  ];
}

/** Everything behind the verdict, for its thread: hops, evidence, fix, change request, rollback. */
export function renderDetails(diagnosis: Diagnosis): SlackMessage[] {
  const blocks: Block[] = [renderSection(`*Details for \`${escapeMrkdwn(formatTarget(diagnosis))}\` in zone ${escapeMrkdwn(diagnosis.zone)}*`)];
  blocks.push(...renderHopTable(diagnosis));
  for (const finding of diagnosis.findings.slice(0, 10)) {
    const lines = [`*\`${finding.class}\`* ${escapeMrkdwn(finding.title)}`, escapeMrkdwn(finding.evidence)];
    if (finding.goError !== null) lines.push(`go says: \`${escapeMrkdwn(finding.goError)}\``);
    blocks.push(renderSection(lines.join('\n')));
  }
  const playbook = diagnosis.playbook;
  if (playbook !== null) {
    blocks.push(renderSection(`*Fix*\n${renderList(playbook.fix)}`));
    blocks.push(...renderChangeRequestBlocks(playbook));
  }
  return splitMessages(`Details: ${diagnosis.class} for ${formatTarget(diagnosis)}`, blocks);
}
