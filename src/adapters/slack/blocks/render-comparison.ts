import { FAILURE_CLASSES } from '../../../core/classify/failure-class.js';
import type { Diagnosis } from '../../../core/diagnosis.js';
import { escapeMrkdwn, renderCodeSections, renderSection, type Block, type SlackMessage } from './block-kit.js';

/** zone=all: one line per zone, then the hops side by side so split-horizon DNS or per-network egress stands out. */
export function renderComparison(target: { module: string; version: string | null }, diagnoses: readonly Diagnosis[], silentZones: readonly string[] = []): SlackMessage {
  const name = `${target.module}@${target.version ?? 'latest'}`;
  const sorted = [...diagnoses].sort((a, b) => a.zone.localeCompare(b.zone));
  const classes = new Set(sorted.map((d) => d.class));
  const summary = sorted.map((d) => `• zone *${escapeMrkdwn(d.zone)}*: *\`${d.class}\`* ${escapeMrkdwn(FAILURE_CLASSES[d.class].title)}`);
  for (const zone of silentZones) summary.push(`• zone *${escapeMrkdwn(zone)}*: no answer in time (is a worker of that zone alive? see \`/gomod status\`)`);
  const headline = silentZones.length > 0 ? 'Not every zone answered' : classes.size <= 1 ? 'All zones agree' : 'The zones disagree';
  const blocks: Block[] = [renderSection(`*${headline}* on \`${escapeMrkdwn(name)}\`\n${summary.join('\n')}`)];
  const hops: string[] = [];
  for (const d of sorted) for (const s of d.steps) if (!hops.includes(`${s.hop} ${s.step}`)) hops.push(`${s.hop} ${s.step}`);
  const lines = hops.map((hop) => {
    const cells = sorted.map((d) => {
      const step = d.steps.find((s) => `${s.hop} ${s.step}` === hop);
      return `${d.zone}=${step === undefined ? 'not tried' : step.class}`;
    });
    return `${hop}\n  ${cells.join('  ')}`;
  });
  if (lines.length > 0) blocks.push(...renderCodeSections('*Hop by hop*', lines));
  return { text: `${headline}: ${sorted.map((d) => `${d.zone} ${d.class}`).join(', ')} (${name})`, blocks: blocks.slice(0, 50) };
}
