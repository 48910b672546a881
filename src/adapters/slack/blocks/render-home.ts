import { escapeMrkdwn, renderHeader, renderSection, type Block } from './block-kit.js';

export interface HomeDiagnosis {
  readonly module: string;
  readonly version: string | null;
  readonly zone: string;
  readonly class: string | null;
  readonly at: number;
}

/** An open incident as the paging side (src/core/escalation) lists it. */
export interface HomeIncident {
  readonly title: string;
  readonly severity: string;
  readonly state: string;
  readonly since: number;
}

/** The App Home tab (views.publish allows 100 blocks). */
export function renderHome(recent: readonly HomeDiagnosis[], incidents: readonly HomeIncident[] | null): Block[] {
  const blocks: Block[] = [renderHeader('Your recent diagnoses')];
  if (recent.length === 0) blocks.push(renderSection('_None yet. Try `/gomod diagnose golang.org/x/text` in a channel._'));
  for (const d of recent.slice(0, 20)) {
    blocks.push(renderSection(`*\`${d.class ?? 'queued'}\`* \`${escapeMrkdwn(`${d.module}@${d.version ?? 'latest'}`)}\` in ${escapeMrkdwn(d.zone)} · <!date^${Math.floor(d.at / 1000)}^{date_short_pretty} {time}|${new Date(d.at).toISOString()}>`));
  }
  blocks.push(renderHeader('Open incidents'));
  if (incidents === null) blocks.push(renderSection('_Incident state is not available right now._'));
  else if (incidents.length === 0) blocks.push(renderSection('_No open incidents._'));
  for (const i of (incidents ?? []).slice(0, 20)) {
    blocks.push(renderSection(`*${escapeMrkdwn(i.severity)}* ${escapeMrkdwn(i.title)} · ${escapeMrkdwn(i.state)} since <!date^${Math.floor(i.since / 1000)}^{date_short_pretty} {time}|${new Date(i.since).toISOString()}>`));
  }
  return blocks.slice(0, 100);
}
