import { escapeMrkdwn, renderSection, type SlackMessage } from './block-kit.js';

/** `/gomod help`, and the answer to anything `/gomod` does not know. */
export function renderHelp(zones: readonly string[], reason?: string): SlackMessage {
  const lines = [
    '*`/gomod diagnose <module>[@<version>] [zone=<name>|all]`*: walk the hops the go command walks and name what breaks',
    '*`/gomod explain <go output>`*: classify pasted go command output (also the message shortcut "Explain Go error")',
    '*`/gomod status`*: zones, workers alive, queue depth, recent failures',
    '*`/gomod report`*: the health report, now',
    '*`/gomod help`*: this text',
    `Zones: ${zones.map((z) => `\`${escapeMrkdwn(z)}\``).join(', ')}, or \`all\``,
  ];
  const blocks = [renderSection(lines.join('\n'))];
  if (reason !== undefined) blocks.unshift(renderSection(`:grey_question: ${escapeMrkdwn(reason)}`));
  return { text: reason ?? 'gomod-doctor help', blocks };
}
