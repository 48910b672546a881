import type { Diagnosis } from '../../core/diagnosis.js';
import type { Diagnoser } from '../../engine/diagnoser.js';
import { ExitCode, writeLine, type CliIo } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';
import { renderDiagnosisText } from '../render/render-diagnosis-text.js';

export const DIAGNOSE_USAGE = 'usage: gomod-doctor diagnose <module>[@<version>] [--json] [--timeout <seconds>]';

/** What the composition root provides: the engine for the options the command line asked for. */
export type DiagnoserFactory = (options: { timeoutMs: number; resolverServers?: string[]; connectTo?: ConnectTo }) => Promise<Diagnoser>;
type ConnectTo = (host: string, port: number) => { host: string; port: number } | null;

/** `gomod-doctor diagnose`: walks the go command's path for one module and prints the verdict. */
export async function runDiagnose(argv: readonly string[], io: CliIo, createDiagnoser: DiagnoserFactory): Promise<number> {
  const parsed = parseFlags(argv, { values: ['timeout', 'resolver', 'connect-to'], booleans: ['json', 'no-change-request'] });
  const json = argv.includes('--json');
  if (!parsed.ok) return usageError(io, json, parsed.error);
  const { flags } = parsed;
  if (flags.positionals.length !== 1) return usageError(io, json, flags.positionals.length === 0 ? 'missing <module>[@<version>]' : 'diagnose takes one module');
  const timeoutText = flags.values.get('timeout');
  const timeoutSeconds = timeoutText === undefined ? 5 : Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 600) return usageError(io, json, `invalid --timeout ${JSON.stringify(timeoutText)}: a number of seconds between 0 and 600`);
  const connectTo = parseConnectTo(flags.values.get('connect-to'));
  if (connectTo === 'invalid') return usageError(io, json, 'invalid --connect-to: want host:port:ip:port[,…] (loopback only)');
  const resolver = flags.values.get('resolver');

  const arg = flags.positionals[0] ?? '';
  const at = arg.indexOf('@');
  const module = at === -1 ? arg : arg.slice(0, at);
  const version = at === -1 ? null : arg.slice(at + 1);

  let diagnosis: Diagnosis;
  const diagnoser = await createDiagnoser({
    timeoutMs: timeoutSeconds * 1000,
    ...(resolver === undefined ? {} : { resolverServers: resolver.split(',') }),
    ...(connectTo === null ? {} : { connectTo }),
  });
  try {
    diagnosis = await diagnoser.diagnose({ module, version, zone: 'local' });
  } finally {
    await diagnoser.close();
  }
  const badInput = diagnosis.class === 'input.invalid_module_path' || diagnosis.class === 'input.invalid_version';
  if (json) writeLine(io.stdout, JSON.stringify(diagnosis, null, 2));
  else if (badInput) writeLine(io.stderr, `gomod-doctor: ${diagnosis.findings[0]?.goError ?? diagnosis.class}`);
  else io.stdout.write(renderDiagnosisText(diagnosis, { colour: io.stdout.isTTY === true && io.env.NO_COLOR === undefined, changeRequest: !flags.booleans.has('no-change-request') }));
  if (badInput) return ExitCode.USAGE;
  return diagnosis.verdict === 'fail' ? ExitCode.PROBLEM : ExitCode.OK;
}

function usageError(io: CliIo, json: boolean, reason: string): number {
  if (json) {
    writeLine(io.stdout, JSON.stringify({ schema: 'gomod-doctor/diagnosis@1', verdict: 'fail', class: 'input.invalid_module_path', severity: 'P3', error: reason, findings: [], steps: [], playbook: null }));
  }
  writeLine(io.stderr, `gomod-doctor: ${reason}\n${DIAGNOSE_USAGE}`);
  return ExitCode.USAGE;
}

/** `--connect-to host:port:ip:port`: pins names to loopback ports for lab rehearsals (never elsewhere). */
function parseConnectTo(value: string | undefined): ConnectTo | null | 'invalid' {
  if (value === undefined) return null;
  const map = new Map<string, { host: string; port: number }>();
  for (const item of value.split(',')) {
    const match = /^([^:]+):(\d+):(127\.\d+\.\d+\.\d+|\[::1\]|localhost):(\d+)$/.exec(item.trim());
    if (match === null) return 'invalid';
    map.set(`${(match[1] ?? '').toLowerCase()}:${match[2]}`, { host: (match[3] ?? '').replace(/^\[|\]$/g, ''), port: Number(match[4]) });
  }
  return (host, port) => map.get(`${host.toLowerCase()}:${port}`) ?? null;
}
