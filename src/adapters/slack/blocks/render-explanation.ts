import { FAILURE_CLASSES } from '../../../core/classify/failure-class.js';
import type { Explanation } from '../../../core/diagnosis.js';
import { escapeMrkdwn, renderList, renderSection, type Block, type SlackMessage } from './block-kit.js';

/** The answer to `/gomod explain` and the "Explain Go error" shortcut. */
export function renderExplanation(explanation: Explanation): SlackMessage {
  const title = FAILURE_CLASSES[explanation.class].title;
  const blocks: Block[] = [renderSection(`*\`${explanation.class}\`* ${escapeMrkdwn(title)}${explanation.severity === null ? '' : ` (${explanation.severity})`}`)];
  for (const finding of explanation.findings.slice(0, 5)) {
    blocks.push(renderSection(`${finding.hop === null ? '' : `Hop: \`${escapeMrkdwn(finding.hop)}\`\n`}${escapeMrkdwn(finding.evidence)}`));
  }
  const playbook = explanation.playbook;
  if (playbook !== null) {
    blocks.push(renderSection(`*What it means:* ${escapeMrkdwn(playbook.meaning)}`));
    if (playbook.fix.length > 0) blocks.push(renderSection(`*Fix*\n${renderList(playbook.fix)}`));
  }
  return { text: `${explanation.class}: ${title}`, blocks };
}
