import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, writeLine, type CliIo } from '../cli/cli-io.js';
import { runDemo } from '../cli/commands/demo.js';
import { DIAGNOSE_USAGE, runDiagnose } from '../cli/commands/diagnose.js';
import { EXPLAIN_USAGE, runExplain } from '../cli/commands/explain.js';
import { runLab } from '../cli/commands/lab.js';
import { createDiagnoser } from './create-diagnoser.js';
import { diagnoseLabScenario } from './diagnose-lab-scenario.js';

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const HELP = `gomod-doctor: diagnose Go module download failures the way the go command sees them

  ${DIAGNOSE_USAGE.replace('usage: ', '')}
  ${EXPLAIN_USAGE.replace('usage: ', '')}
  gomod-doctor serve [--role bot|worker|scheduler] [--config <file>]
  gomod-doctor report [--json] [--config <file>]
  gomod-doctor lab [--port <n>]        the fault-injecting GOPROXY lab, on loopback
  gomod-doctor demo                    the lab + diagnoses of its faults: the first thing to run
  gomod-doctor --help | --version

Exit status: 0 healthy, 1 a problem was diagnosed, 2 bad input or usage, 3 the tool itself failed.`;

/** The command-line dispatcher; `io.env` is the only environment any command sees. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'diagnose':
        return await runDiagnose(rest, io, (options) => createDiagnoser({ zone: 'local', env: io.env, cwd: io.cwd, ...options }));
      case 'explain':
        return await runExplain(rest, io, undefined);
      case 'demo':
        return await runDemo(rest, io, (lab, scenario) => diagnoseLabScenario(lab, scenario, io.env.PATH === undefined ? {} : { path: io.env.PATH }), join(PACKAGE_ROOT, 'test', 'fixtures', 'go'));
      case 'lab':
        return await runLab([...rest], io);
      case 'serve': {
        const { runServe } = await import('./serve.js');
        const { SERVE_PLUGINS } = await import('./serve-plugins.js');
        return await runServe([...rest], io, io.env, SERVE_PLUGINS);
      }
      case 'report': {
        const { runReport } = await import('../cli/commands/report.js');
        return await runReport([...rest], io, io.env);
      }
      case '--version':
      case '-v':
        writeLine(io.stdout, readVersion());
        return ExitCode.OK;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        writeLine(command === undefined ? io.stderr : io.stdout, HELP);
        return command === undefined ? ExitCode.USAGE : ExitCode.OK;
      default:
        writeLine(io.stderr, `gomod-doctor: unknown command ${JSON.stringify(command)}\n\n${HELP}`);
        return ExitCode.USAGE;
    }
  } catch (err) {
    writeLine(io.stderr, `gomod-doctor: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return ExitCode.TOOL_FAILED;
  }
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
