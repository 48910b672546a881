/** Block Kit as plain JSON (it crosses the outbox queue), with Slack's documented limits applied at build time. */
export type Block = Readonly<Record<string, unknown>>;

export interface SlackMessage {
  /** The notification fallback, always sent with blocks. */
  readonly text: string;
  readonly blocks: readonly Block[];
}

export const BLOCK_LIMITS = { blocksPerMessage: 50, sectionText: 3000, headerText: 150, buttonText: 75, contextElements: 10 } as const;

/** Escapes the three characters mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = '… (truncated)';
  return text.slice(0, max - marker.length) + marker;
}

export function renderHeader(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncateText(text, BLOCK_LIMITS.headerText), emoji: true } };
}

export function renderSection(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateText(mrkdwn, BLOCK_LIMITS.sectionText) } };
}

/** A preformatted block split over as many sections as it needs, each within the 3,000-character limit. */
export function renderCodeSections(title: string, lines: readonly string[]): Block[] {
  const budget = BLOCK_LIMITS.sectionText - title.length - 10;
  const chunks: string[][] = [[]];
  let size = 0;
  for (const raw of lines) {
    const line = truncateText(escapeMrkdwn(raw), budget - 1);
    if (size + line.length + 1 > budget && (chunks.at(-1)?.length ?? 0) > 0) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)?.push(line);
    size += line.length + 1;
  }
  return chunks.map((chunk, i) => renderSection(`${i === 0 ? title : ''}\n\`\`\`${chunk.join('\n')}\`\`\``.trimStart()));
}

export function renderContext(texts: readonly string[]): Block {
  return {
    type: 'context',
    elements: texts.slice(0, BLOCK_LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text: truncateText(text, BLOCK_LIMITS.sectionText) })),
  };
}

export function renderDivider(): Block {
  return { type: 'divider' };
}

export interface Button {
  readonly actionId: string;
  readonly text: string;
  readonly value: string;
  readonly style?: 'primary' | 'danger';
}

export function renderButtons(buttons: readonly Button[]): Block {
  return {
    type: 'actions',
    elements: buttons.map((b) => ({
      type: 'button', action_id: b.actionId, value: b.value,
      text: { type: 'plain_text', text: truncateText(b.text, BLOCK_LIMITS.buttonText) },
      ...(b.style === undefined ? {} : { style: b.style }),
    })),
  };
}

/** A bulleted list, one line per item. */
export function renderList(items: readonly string[]): string {
  return items.map((item) => `• ${escapeMrkdwn(item)}`).join('\n');
}

/** Splits blocks into messages of at most 50 blocks each. */
export function splitMessages(text: string, blocks: readonly Block[]): SlackMessage[] {
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += BLOCK_LIMITS.blocksPerMessage) {
    messages.push({ text, blocks: blocks.slice(i, i + BLOCK_LIMITS.blocksPerMessage) });
  }
  return messages.length === 0 ? [{ text, blocks: [] }] : messages;
}
