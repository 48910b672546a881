import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findLabScenario } from '../../lab/scenarios.js';
import { startLab, type Lab } from '../../lab/start-lab.js';
import type { BenchContext, BenchGoal, BenchSuite } from '../bench-suite.js';
import { parseJsonLine, spawnLineChild, type LineChild } from '../bot-line-child.js';
import type { MemoryChildInput, MemoryChildReport } from '../pool-memory-child.js';
import { renderTable } from '../render-table.js';

const IN_FLIGHT = 500;
const SCENARIO = 'http-stall';
const STALL_PATH = '/stall-headers';
/** Long enough that no diagnosis gives up while memory is read. */
const ENGINE_TIMEOUT_MS = 300_000;
const WAIT_IN_FLIGHT_MS = 30_000;
const GOAL_MB = 150;
const MB = 1 << 20;

function readReport(phase: MemoryChildReport['phase']): (line: string) => MemoryChildReport | undefined {
  return (line) => {
    const value = parseJsonLine(line);
    return value?.['phase'] === phase ? value as unknown as MemoryChildReport : undefined;
  };
}

/** Requests the lab's stalling GOPROXY holds open right now (each is one probe in flight). */
function countStalled(lab: Lab, before: number): number {
  return lab.requests.slice(before).filter((r) => r.path.startsWith(STALL_PATH)).length;
}

async function waitForStalled(lab: Lab, before: number): Promise<number> {
  const deadline = performance.now() + WAIT_IN_FLIGHT_MS;
  for (;;) {
    const count = countStalled(lab, before);
    if (count >= IN_FLIGHT || performance.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function runWorkerMemory(context: BenchContext): Promise<readonly BenchGoal[]> {
  const scenario = findLabScenario(SCENARIO);
  if (scenario === undefined) throw new Error(`bench: no lab scenario ${SCENARIO}`);
  const scratch = await mkdtemp(join(tmpdir(), 'gomod-doctor-bench-mem-'));
  const lab = await startLab();
  let child: LineChild | null = null;
  try {
    const input: MemoryChildInput = {
      env: { ...scenario.env(lab), GOENV: 'off', HOME: scratch, NETRC: join(scratch, 'netrc') },
      resolverServers: [`${lab.dns.host}:${lab.dns.port}`], module: scenario.module, version: scenario.version,
      inFlight: IN_FLIGHT, timeoutMs: ENGINE_TIMEOUT_MS,
    };
    child = spawnLineChild([join(context.benchDir, 'pool-memory-child.js'), JSON.stringify(input)], { PATH: process.env['PATH'] ?? '' });
    const idle = await child.waitFor(readReport('idle'), 20_000, 'idle report');
    const before = lab.requests.length;
    child.send('start');
    await child.waitFor(readReport('started'), 20_000, 'started report');
    const stalled = await waitForStalled(lab, before);
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the last sockets' buffers settle
    child.send('measure');
    const loaded = await child.waitFor(readReport('loaded'), 20_000, 'loaded report');
    for (const line of renderTable([
      { header: 'worker child' }, { header: 'probes in flight', align: 'right' }, { header: 'RSS MB', align: 'right' },
      { header: 'max RSS MB', align: 'right' }, { header: 'heap used MB', align: 'right' },
    ], [
      ['idle, engine built (baseline)', '0', (idle.rssBytes / MB).toFixed(1), (idle.maxRssBytes / MB).toFixed(1), (idle.heapUsedBytes / MB).toFixed(1)],
      [`${IN_FLIGHT} diagnoses started`, String(stalled), (loaded.rssBytes / MB).toFixed(1), (loaded.maxRssBytes / MB).toFixed(1), (loaded.heapUsedBytes / MB).toFixed(1)],
    ])) context.print(line);
    context.print(`scenario ${SCENARIO}: the lab GOPROXY (in the parent) accepts each request and never answers; probes in flight = requests it holds;`);
    context.print(`${loaded.settled} diagnosis(es) had finished when memory was read; +${((loaded.maxRssBytes - idle.maxRssBytes) / MB).toFixed(1)} MB max RSS over idle.`);
    const allInFlight = stalled >= IN_FLIGHT && loaded.settled === 0;
    return [{
      suite: 'worker-memory', name: `worker max RSS with ${IN_FLIGHT} probes in flight`, figure: `${(loaded.maxRssBytes / MB).toFixed(1)} MB`,
      goal: `≤ ${GOAL_MB} MB`, met: loaded.maxRssBytes <= GOAL_MB * MB && allInFlight,
      note: allInFlight ? `idle ${(idle.maxRssBytes / MB).toFixed(1)} MB` : `only ${stalled} in flight, ${loaded.settled} finished`,
    }];
  } finally {
    await child?.stop(2000);
    await lab.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

export const workerMemorySuite: BenchSuite = {
  id: 'worker-memory',
  title: 'Worker process memory with 500 probes in flight (stalling GOPROXY) vs the same process idle',
  run: runWorkerMemory,
};
