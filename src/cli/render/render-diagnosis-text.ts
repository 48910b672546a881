import type { Diagnosis, PhaseTimings, StepReport } from '../../core/diagnosis.js';
import type { Playbook } from '../../core/playbooks/playbook.js';

export interface RenderOptions {
  /** ANSI colour: only when stdout is a terminal. */
  readonly colour: boolean;
  /** Print the full change-request checklist (default: yes). */
  readonly changeRequest?: boolean;
}

const ANSI = { red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' } as const;

/** The terminal view of a diagnosis: hop table with timings, the verdict, the error go would print, the fix. */
export function renderDiagnosisText(diagnosis: Diagnosis, options: RenderOptions): string {
  const paint = (colour: keyof typeof ANSI, text: string) => (options.colour ? `${ANSI[colour]}${text}${ANSI.reset}` : text);
  const lines: string[] = [];
  const version = diagnosis.resolvedVersion === undefined ? diagnosis.version : `${diagnosis.version} → ${diagnosis.resolvedVersion}`;
  lines.push(paint('bold', `${diagnosis.module}@${version}`) + paint('dim', `  zone ${diagnosis.zone} · ${diagnosis.goVersion} · ${diagnosis.elapsedMs} ms`));
  lines.push('');
  if (diagnosis.steps.length > 0) {
    lines.push(...renderHopTable(diagnosis.steps, paint));
    lines.push('');
  }
  const primary = diagnosis.findings[0];
  if (diagnosis.verdict === 'ok' || (diagnosis.class === 'ok' && primary === undefined)) {
    lines.push(`${paint('green', '✓ OK')}  ok · the go command would succeed`);
  } else if (diagnosis.class === 'ok') {
    lines.push(`${paint('yellow', '! WARN')}  ok · the go command would succeed, but:`);
  } else if (primary !== undefined) {
    lines.push(`${paint('red', '✗ FAIL')}  ${paint('bold', diagnosis.class)} · ${primary.title}${diagnosis.severity === null ? '' : `  [${diagnosis.severity}]`}`);
  }
  for (const [index, finding] of diagnosis.findings.entries()) {
    const indent = '  ';
    if (index > 0 || diagnosis.class === 'ok') lines.push(`${indent}${paint('yellow', finding.class)} · ${finding.title}`);
    if (finding.hop !== null) lines.push(`${indent}hop:       ${finding.hop}${finding.step === null ? '' : ` (${finding.step})`}`);
    lines.push(`${indent}evidence:  ${finding.evidence}`);
    if (finding.goError !== null) {
      const [first = '', ...rest] = finding.goError.split('\n');
      lines.push(`${indent}go says:   ${first}`);
      for (const line of rest) lines.push(`${indent}           ${line}`);
    } else if (index === 0 && diagnosis.class === 'http.stall') {
      lines.push(`${indent}go says:   nothing: it would wait for ever (no response-header timeout)`);
    }
  }
  if (diagnosis.playbook !== null) lines.push('', ...renderPlaybook(diagnosis.playbook, paint, options.changeRequest !== false));
  return `${lines.join('\n')}\n`;
}

type Paint = (colour: keyof typeof ANSI, text: string) => string;

function renderHopTable(steps: readonly StepReport[], paint: Paint): string[] {
  const header = ['HOP', 'STEP', 'STATUS', 'DNS', 'CONNECT', 'TLS', 'TTFB', 'TOTAL', 'RESULT'];
  const rows = steps.map((step) => [
    step.hop,
    step.step,
    step.status === null ? '-' : String(step.status),
    ms(step.timings.dnsMs),
    ms(step.timings.connectMs),
    ms(step.timings.tlsMs),
    ms(step.timings.ttfbMs),
    ms(step.timings.totalMs),
    step.outcome === 'ok' ? 'ok' : `${step.class}${step.outcome === 'fell-through' ? ' (fell through)' : step.outcome === 'skipped' ? ' (not reached by go)' : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: readonly string[]) => `  ${cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd();
  return [paint('dim', format(header)), ...rows.map((row, i) => {
    const text = format(row);
    const outcome = steps[i]?.outcome;
    return outcome === 'failed' ? paint('red', text) : outcome === 'ok' ? text : paint('yellow', text);
  })];
}

function ms(value: PhaseTimings[keyof PhaseTimings]): string {
  if (value === null || value === undefined) return '-';
  return value >= 100 ? `${Math.round(value)}ms` : `${value.toFixed(1)}ms`;
}

function renderPlaybook(playbook: Playbook, paint: Paint, withChangeRequest: boolean): string[] {
  const lines = [paint('bold', `Fix: ${playbook.title}`), `  ${playbook.meaning}`];
  if (playbook.likelyCauses.length > 0) {
    lines.push('  Likely causes:');
    for (const cause of playbook.likelyCauses) lines.push(`    - ${cause}`);
  }
  lines.push('  Do:');
  for (const [i, step] of playbook.fix.entries()) lines.push(`    ${i + 1}. ${step}`);
  lines.push('  Roll back:');
  for (const step of playbook.rollback) lines.push(`    - ${step}`);
  if (withChangeRequest) {
    const cr = playbook.changeRequest;
    lines.push('', paint('bold', `Change request: ${cr.title}`), `  Impact: ${cr.impact}`, `  Owner: ${cr.owner} · Window: ${cr.window}`);
    const list = (title: string, items: readonly string[]) => {
      lines.push(`  ${title}:`);
      for (const item of items) lines.push(`    [ ] ${item}`);
    };
    list('Pre-checks', cr.preChecks);
    list('Steps', cr.steps);
    list('Verification', cr.verification);
    list('Rollback', cr.rollback);
  }
  return lines;
}
