import { GOPROXY_FAULTS } from '../../lab/fault-goproxy.js';
import { LAB_SCENARIOS, findLabScenario } from '../../lab/scenarios.js';
import type { LabScenario } from '../../lab/scenarios.js';
import { startLab } from '../../lab/start-lab.js';
import type { Lab } from '../../lab/start-lab.js';
import { ExitCode, writeLine } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';

export const LAB_USAGE = 'usage: gomod-doctor lab [--port <n>] [--scenario <id>]   (the fault-injecting GOPROXY lab, on 127.0.0.1)';

/** Quotes a value for a POSIX shell when it needs it. */
function quoteShell(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function formatEnv(env: Record<string, string>): string {
  return Object.entries(env).map(([k, v]) => `${k}=${quoteShell(v)}`).join(' ');
}

function formatTarget(scenario: LabScenario): string {
  return `${scenario.module}@${scenario.version ?? 'latest'}`;
}

/** What the lab prints at start: where everything is, which fault lives at which prefix, how to try it. */
function describeLab(lab: Lab, scenarios: readonly LabScenario[] = LAB_SCENARIOS): string {
  const lines = [
    'gomod-doctor lab: every server on 127.0.0.1 (Ctrl-C stops it)',
    '',
    `  GOPROXY (trusted TLS)      ${lab.urls.trusted}/<fault>     trust it with SSL_CERT_FILE=${lab.caFile}`,
    `  GOPROXY (plain http)       ${lab.urls.http}/<fault>`,
    `  unknown-authority TLS      ${lab.urls.unknownAuthority}/<fault>`,
    `  expired TLS                ${lab.urls.expired}/<fault>`,
    `  wrong-name TLS             ${lab.urls.wrongName}/<fault>`,
    `  connection refused         ${lab.refusedUrl}`,
    `  black hole (SYN dropped)   ${lab.blackholeUrl}`,
    `  TLS handshake stall        ${lab.tlsStallUrl}`,
    `  reset on connect           ${lab.resetUrl}`,
    `  HTTPS to a plain port      ${lab.protocolErrorUrl}`,
    `  DNS responder (udp)        ${lab.dns.host}:${lab.dns.port}   (nxdomain., servfail., silent.corp.example fail; other *.corp.example → 127.0.0.1)`,
    `  HTTPS_PROXY                pass ${lab.connectProxy.pass}   407 ${lab.connectProxy.auth}   403 ${lab.connectProxy.forbid}`,
    `  checksum DB                GOSUMDB=${lab.sumdb.verifierKey}   (through <GOPROXY>/sumdb/${lab.sumdb.name})`,
    `  lab credentials            ${lab.credentials.user}:${lab.credentials.password}   (auth fault, git endpoint, 407 proxy)`,
    '',
    `  faults: ${GOPROXY_FAULTS.join(' ')}`,
    '  (<fault>-on-<list|info|mod|zip|latest|sumdb> fails one step only; slow-<ms> adds latency)',
    `  modules: ${[...lab.modules.values()].map((m) => `${m.module} ${m.versions.map((v) => v.version).join(',')}`).join('; ')}`,
    '',
    'Try:',
    `  SSL_CERT_FILE=${lab.caFile} GOSUMDB=off GOPROXY=${lab.urls.trusted}/ok go mod download -json corp.example/hello@v1.0.0`,
    `  SSL_CERT_FILE=${lab.caFile} GOSUMDB=off GOPROXY=${lab.urls.trusted}/s404,${lab.urls.trusted}/ok gomod-doctor diagnose corp.example/hello@v1.0.0`,
    '',
    'Scenarios (env, then `go mod download <module>@<version>`; * needs the lab resolver and port 443):',
  ];
  for (const scenario of scenarios) {
    lines.push(`  ${scenario.needsNames ? '*' : ' '}${scenario.id.padEnd(32)} ${scenario.expectedClass.padEnd(28)} ${scenario.title}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeScenario(lab: Lab, scenario: LabScenario): string {
  return [
    `# ${scenario.id}: ${scenario.title} (expected: ${scenario.expectedClass})`,
    ...(scenario.goSum === undefined ? [] : [`# go.sum of the main module:\n${scenario.goSum.trimEnd().replace(/^/gm, '#   ')}`]),
    `${formatEnv(scenario.env(lab))} go mod download ${formatTarget(scenario)}`,
    '',
  ].join('\n');
}

function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (signal?.aborted === true) stop();
    else signal?.addEventListener('abort', stop);
  });
}

/** `gomod-doctor lab`: starts the lab, prints what is where, runs until SIGINT/SIGTERM (or `signal`). */
export async function runLab(argv: readonly string[], io: Pick<CliIo, 'stdout' | 'stderr'>, signal?: AbortSignal): Promise<number> {
  const parsed = parseFlags(argv, { values: ['port', 'scenario'], booleans: [] });
  if (!parsed.ok || parsed.flags.positionals.length > 0) {
    writeLine(io.stderr, `gomod-doctor: ${parsed.ok ? 'lab takes no arguments' : parsed.error}\n${LAB_USAGE}`);
    return ExitCode.USAGE;
  }
  const portText = parsed.flags.values.get('port') ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    writeLine(io.stderr, `gomod-doctor: --port must be a port number (0-65535), not ${portText}\n${LAB_USAGE}`);
    return ExitCode.USAGE;
  }
  const scenarioId = parsed.flags.values.get('scenario');
  const scenario = scenarioId === undefined ? undefined : findLabScenario(scenarioId);
  if (scenarioId !== undefined && scenario === undefined) {
    writeLine(io.stderr, `gomod-doctor: no lab scenario ${scenarioId}; known: ${LAB_SCENARIOS.map((s) => s.id).join(', ')}`);
    return ExitCode.USAGE;
  }
  let lab: Lab;
  try {
    lab = await startLab({ port });
  } catch (err) {
    writeLine(io.stderr, `gomod-doctor: cannot start the lab: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return ExitCode.TOOL_FAILED;
  }
  io.stdout.write(scenario === undefined ? describeLab(lab) : describeScenario(lab, scenario));
  await waitForStop(signal);
  await lab.close();
  return ExitCode.OK;
}
