import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { buildReport, indexGoSum } from '../../adapters/report/build-report.js';
import { createRedisCheckStore, type CheckStore } from '../../adapters/report/redis-check-store.js';
import { createZoneProbe, type ZoneProbeOptions } from '../../adapters/report/create-zone-probe.js';
import { renderReportText } from '../../adapters/report/render-report-text.js';
import { runZoneChecks } from '../../adapters/report/run-zone-checks.js';
import { loadConfig } from '../../config/load-config.js';
import { isAppError } from '../../core/errors.js';
import { parseGoSum } from '../../core/module/parse-go-sum.js';
import type { ModuleHashes } from '../../core/report/check-result.js';
import type { ProbeBudget } from '../../ports/probe-runner.js';
import { ExitCode, type CliIo } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';

/** Options for tests and the lab; the CLI itself passes none. */
export interface ReportCommandOptions extends ZoneProbeOptions {
  readonly budget?: ProbeBudget;
  readonly concurrency?: number;
}

/** The go command's own budgets are longer; a report check gives up sooner and says so. */
const REPORT_BUDGET: ProbeBudget = { dnsMs: 5000, connectMs: 10_000, proxyMs: 10_000, tlsMs: 10_000, ttfbMs: 30_000, bodyMs: 120_000 };
const USAGE = 'usage: gomod-doctor report [--json] [--config <file>]';

/**
 * `gomod-doctor report [--json] [--config FILE]`: the daily health report, once, now. Uses Redis for
 * history when REDIS_URL is set (then trends), works without it. Exit: 0 healthy, 1 a P0/P1 finding,
 * 2 usage, 3 the tool failed.
 */
export async function runReport(argv: readonly string[], io: CliIo, env: Readonly<Record<string, string | undefined>>, options: ReportCommandOptions = {}): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.stderr.write(`gomod-doctor report: ${args.error}\n${USAGE}\n`);
    return ExitCode.USAGE;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n  Checks every GOPROXY, checksum DB and watchlist VCS host of every zone once, now.\n`);
    return ExitCode.OK;
  }
  let redis: Redis | null = null;
  try {
    const config = await loadConfig({ path: args.config, env });
    const cwd = io.cwd;
    const goSum = await readGoSum(cwd);
    redis = await connectRedis(env['REDIS_URL'], io);
    const store: CheckStore | null = redis === null ? null
      : createRedisCheckStore({ redis, prefix: env['GOMOD_DOCTOR_REDIS_PREFIX'] ?? 'gomod-doctor', retentionMs: 30 * 86_400_000, now: Date.now });
    const zones = Object.entries(config.zones).map(([name, zone]) => ({ name, env: { ...env, ...zone.env } }));
    const { report } = await buildReport({
      zones,
      watchlist: config.watchlist,
      store,
      now: () => new Date().toISOString(),
      goSum,
      checkZone: async (plan, watchlist) => {
        const zoneEnv = zones.find((z) => z.name === plan.zone)?.env ?? env;
        const { probe, proxyFor } = await createZoneProbe(zoneEnv, options);
        return runZoneChecks(plan, watchlist, {
          probe, proxyFor, now: () => new Date().toISOString(), concurrency: options.concurrency ?? config.queue.reportConcurrency,
          budget: options.budget ?? REPORT_BUDGET,
        });
      },
    });
    io.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderReportText(report));
    return report.findings.some((f) => f.severity === 'P0' || f.severity === 'P1') ? ExitCode.PROBLEM : ExitCode.OK;
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFIG_INVALID') {
      io.stderr.write(`gomod-doctor report: ${error.message}\n`);
      return ExitCode.USAGE;
    }
    io.stderr.write(`gomod-doctor report: failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.TOOL_FAILED;
  } finally {
    redis?.disconnect();
  }
}

type ParsedArgs = { json: boolean; help: boolean; config: string | undefined } | { error: string };

function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed = parseFlags(argv, { values: ['config'], booleans: ['json', 'help'] });
  if (!parsed.ok) return { error: parsed.error };
  if (parsed.flags.positionals.length > 0) return { error: `unexpected argument ${JSON.stringify(parsed.flags.positionals[0])}` };
  return { json: parsed.flags.booleans.has('json'), help: parsed.flags.booleans.has('help'), config: parsed.flags.values.get('config') };
}

async function readGoSum(cwd: string): Promise<Map<string, ModuleHashes>> {
  let text: string;
  try {
    text = await readFile(join(cwd, 'go.sum'), 'utf8');
  } catch {
    return new Map(); // no go.sum here: the report compares proxies with the checksum DB only
  }
  const parsed = parseGoSum(text);
  return parsed.ok ? indexGoSum(parsed.sum.hashes) : new Map();
}

/** A short-lived client for the history; an unreachable Redis costs the trends, not the report. */
async function connectRedis(url: string | undefined, io: CliIo): Promise<Redis | null> {
  if (url === undefined || url === '') return null;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false, retryStrategy: () => null });
  redis.on('error', () => undefined); // reported once below
  try {
    await redis.connect();
    return redis;
  } catch (error) {
    io.stderr.write(`gomod-doctor report: Redis at REDIS_URL not reachable (${error instanceof Error ? error.message : String(error)}); no trends\n`);
    redis.disconnect();
    return null;
  }
}
