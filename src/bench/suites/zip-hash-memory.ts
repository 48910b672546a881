import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchGoal, BenchSuite } from '../bench-suite.js';
import { computeMedian } from '../compute-median.js';
import { computeSlope } from '../compute-slope.js';
import type { ProbeZipReport } from '../probe-zip-child.js';
import { renderTable } from '../render-table.js';
import { writeStoredModuleZip, type WrittenModuleZip } from '../write-stored-module-zip.js';

const SIZES_MIB = [8, 64, 256] as const;
const FILE_BYTES = 1 << 20;
const MIB = 1 << 20;
/** Fresh children per size and mode; each figure is the median over them. */
const REPEATS = 3;
/**
 * "Flat": at most this many MiB of peak RSS per 100 MiB of zip. Run-to-run noise of maxRSS is about ±10 MiB
 * (GC timing), i.e. ±5 on this slope; a client that kept the zip in memory would show 100 or more.
 */
const GOAL_SLOPE = 10;
const MODULE = 'corp.example/big';
const VERSION = 'v1.0.0';

/** Serves `/<n>.zip` from disk as a GOPROXY would, streamed (the server's memory is not the figure). */
function startZipServer(zips: ReadonlyMap<string, WrittenModuleZip>): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const zip = zips.get(request.url ?? '');
    if (zip === undefined) {
      response.writeHead(404).end('not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.bytes) });
    createReadStream(zip.path).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

function runChild(context: BenchContext, url: string, expect: 'zip-h1' | 'none', prefix: string): Promise<ProbeZipReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(context.benchDir, 'probe-zip-child.js'), url, expect, prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || last === '') {
        reject(new Error(`probe child (${expect}) exited ${code}: ${stderr.trim()}`));
        return;
      }
      resolve(JSON.parse(last) as ProbeZipReport);
    });
  });
}

const toMiB = (bytes: number): string => (bytes / MIB).toFixed(1);

/** One size and mode: REPEATS fresh children, each figure the median over them. */
async function measureChildren(context: BenchContext, url: string, expect: 'zip-h1' | 'none', prefix: string): Promise<{ last: ProbeZipReport; maxRss: number; rssSpread: number; heap: number; external: number; seconds: number }> {
  const reports: ProbeZipReport[] = [];
  for (let i = 0; i < REPEATS; i += 1) reports.push(await runChild(context, url, expect, prefix));
  const median = (pick: (r: ProbeZipReport) => number): number => computeMedian(reports.map(pick));
  const last = reports[reports.length - 1];
  if (last === undefined) throw new Error('bench: no child ran');
  return {
    last, maxRss: median((r) => r.maxRssBytes),
    rssSpread: Math.max(...reports.map((r) => r.maxRssBytes)) - Math.min(...reports.map((r) => r.maxRssBytes)), heap: median((r) => r.peakHeapUsedBytes),
    external: median((r) => r.peakExternalBytes), seconds: median((r) => r.durationMs) / 1000,
  };
}

async function runZipHashMemory(context: BenchContext): Promise<readonly BenchGoal[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gmd-bench-zip-'));
  const zips = new Map<string, WrittenModuleZip>();
  let served: { server: Server; base: string } | null = null;
  try {
    const built = performance.now();
    for (const size of SIZES_MIB) {
      zips.set(`/${size}.zip`, await writeStoredModuleZip(join(dir, `${size}.zip`), MODULE, VERSION, { totalBytes: size * MIB, fileBytes: FILE_BYTES }));
    }
    context.print(`zips written in ${((performance.now() - built) / 1000).toFixed(1)} s: ${SIZES_MIB.join(', ')} MiB of 1 MiB random files, stored`);
    served = await startZipServer(zips);
    const rows: string[][] = [];
    const xs: number[] = [];
    const hashedRss: number[] = [];
    const drainedRss: number[] = [];
    const problems: string[] = [];
    for (const size of SIZES_MIB) {
      const zip = zips.get(`/${size}.zip`);
      if (zip === undefined) continue;
      const url = `${served.base}/${size}.zip`;
      const drained = await measureChildren(context, url, 'none', zip.prefix);
      const hashed = await measureChildren(context, url, 'zip-h1', zip.prefix);
      if (hashed.last.h1 !== zip.h1) problems.push(`${size} MiB: h1 ${hashed.last.h1 ?? hashed.last.zipError ?? hashed.last.code} ≠ written ${zip.h1}`);
      if (!drained.last.ok || drained.last.bodyBytes !== zip.bytes) problems.push(`${size} MiB: drain read ${drained.last.bodyBytes} of ${zip.bytes} bytes (${drained.last.code})`);
      xs.push(zip.bytes / MIB);
      hashedRss.push(hashed.maxRss / MIB);
      drainedRss.push(drained.maxRss / MIB);
      rows.push([
        toMiB(zip.bytes), toMiB(hashed.last.startRssBytes), `${toMiB(drained.maxRss)} ±${toMiB(drained.rssSpread / 2)}`, `${toMiB(hashed.maxRss)} ±${toMiB(hashed.rssSpread / 2)}`, toMiB(hashed.maxRss - drained.maxRss),
        toMiB(drained.heap), toMiB(hashed.heap), toMiB(drained.external), toMiB(hashed.external),
        drained.seconds.toFixed(2), hashed.seconds.toFixed(2), hashed.last.h1 === zip.h1 ? 'yes' : 'NO',
      ]);
    }
    for (const line of renderTable([
      { header: 'zip MiB', align: 'right' }, { header: 'start RSS', align: 'right' }, { header: 'drain RSS', align: 'right' },
      { header: 'hash RSS', align: 'right' }, { header: 'hash−drain', align: 'right' }, { header: 'drain heap', align: 'right' },
      { header: 'hash heap', align: 'right' }, { header: 'drain ext', align: 'right' }, { header: 'hash ext', align: 'right' },
      { header: 'drain s', align: 'right' }, { header: 'hash s', align: 'right' }, { header: 'h1 ok' },
    ], rows)) context.print(line);
    const fitted = computeSlope(xs, hashedRss) * 100;
    const baselineFitted = computeSlope(xs, drainedRss) * 100;
    // Past V8's external-memory GC trigger (about 64 MiB of dead socket buffers) the curve is what counts.
    const marginal = computeSlope(xs.slice(-2), hashedRss.slice(-2)) * 100;
    const baselineMarginal = computeSlope(xs.slice(-2), drainedRss.slice(-2)) * 100;
    context.print(`all MiB; median of ${REPEATS} fresh children per cell. RSS = process.resourceUsage().maxRSS; heap = peak heapUsed, ext = peak`);
    context.print('external+arrayBuffers, sampled every 5 ms. Dead socket buffers pile up as external memory until V8 collects them');
    context.print('(about 64 MiB), in drain-only mode as much as when hashing: the curve ramps up to that, then stays flat.');
    context.print(`slope, MiB of peak RSS per 100 MiB of zip: zip-h1 ${marginal.toFixed(2)} between the two largest (drain-only ${baselineMarginal.toFixed(2)});`);
    context.print(`least-squares over all sizes: zip-h1 ${fitted.toFixed(2)} (drain-only ${baselineFitted.toFixed(2)}). Goal: flat, ≤ ${GOAL_SLOPE} between the two largest`);
    context.print('(a client that kept the zip in memory would show 100 or more; ± is half the min–max spread of the children).');
    for (const problem of problems) context.print(`!!! ${problem}`);
    return [{
      suite: 'zip-hash-memory', name: 'peak RSS slope hashing a zip (64→256 MiB)', figure: `${marginal.toFixed(2)} MiB/100 MiB`,
      goal: `≤ ${GOAL_SLOPE} MiB/100 MiB`, met: marginal <= GOAL_SLOPE && problems.length === 0,
      note: `drain-only ${baselineMarginal.toFixed(2)}; fit over 8–256 MiB ${fitted.toFixed(2)} (drain ${baselineFitted.toFixed(2)})${problems.length === 0 ? '' : `; ${problems.length} problem(s)`}`,
    }];
  } finally {
    if (served !== null) {
      served.server.closeAllConnections();
      const { server } = served;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await rm(dir, { recursive: true, force: true });
  }
}

export const zipHashMemorySuite: BenchSuite = {
  id: 'zip-hash-memory',
  title: 'Client memory while hashing a large module zip (child process per size)',
  run: runZipHashMemory,
};
