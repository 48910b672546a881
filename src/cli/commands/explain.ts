import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Explanation } from '../../core/diagnosis.js';
import { explainGoOutput } from '../../core/explain/explain-go-output.js';
import { ExitCode, writeLine, type CliIo } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';

export const EXPLAIN_USAGE = 'usage: gomod-doctor explain [<file>] [--json]   (reads go command output; stdin when no file)';
const MAX_INPUT = 64 << 20;

/** `gomod-doctor explain`: names the class of every error in go command output. */
export async function runExplain(argv: readonly string[], io: CliIo, goVersion: string | undefined): Promise<number> {
  const parsed = parseFlags(argv, { values: [], booleans: ['json'] });
  if (!parsed.ok || parsed.flags.positionals.length > 1) {
    writeLine(io.stderr, `gomod-doctor: ${parsed.ok ? 'explain takes at most one file' : parsed.error}\n${EXPLAIN_USAGE}`);
    return ExitCode.USAGE;
  }
  const file = parsed.flags.positionals[0];
  let text: string;
  try {
    text = file === undefined || file === '-' ? await readAll(io.stdin) : await readFile(file, 'utf8');
  } catch (err) {
    writeLine(io.stderr, `gomod-doctor: cannot read ${file ?? 'stdin'}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return ExitCode.USAGE;
  }
  const explanation = explainGoOutput(text, goVersion === undefined ? {} : { goVersion });
  if (parsed.flags.booleans.has('json')) writeLine(io.stdout, JSON.stringify(explanation, null, 2));
  else io.stdout.write(renderExplanation(explanation));
  // Error lines no rule recognizes are a problem we could not name, not a healthy run.
  const unnamed = explanation.unrecognized?.length ?? 0;
  return explanation.class === 'ok' && unnamed === 0 ? ExitCode.OK : ExitCode.PROBLEM;
}

function renderExplanation(explanation: Explanation): string {
  const lines: string[] = [];
  const unrecognized = explanation.unrecognized ?? [];
  if (explanation.findings.length === 0 && unrecognized.length === 0) lines.push('No go command error found in the input.');
  for (const line of unrecognized) lines.push(`? not classified: ${line}`);
  for (const [i, finding] of explanation.findings.entries()) {
    lines.push(`${i === 0 ? '✗' : '·'} ${finding.class} · ${finding.title}${finding.severity === null ? '' : `  [${finding.severity}]`}`);
    if (finding.hop !== null) lines.push(`  hop:      ${finding.hop}${finding.step === null ? '' : ` (${finding.step})`}`);
    lines.push(`  evidence: ${finding.evidence}`);
  }
  const playbook = explanation.playbook;
  if (playbook !== null) {
    lines.push('', `Fix: ${playbook.title}`, `  ${playbook.meaning}`);
    for (const [i, step] of playbook.fix.entries()) lines.push(`  ${i + 1}. ${step}`);
    lines.push('  Roll back:');
    for (const step of playbook.rollback) lines.push(`    - ${step}`);
  }
  return `${lines.join('\n')}\n`;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_INPUT) throw Object.assign(new Error('input too large'), { code: 'input larger than 64 MiB' });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
