import { memoryUsage, resourceUsage } from 'node:process';
import { createHttpProbeRunner } from '../adapters/probes/create-http-probe-runner.js';
import { createDnsResolver } from '../adapters/probes/resolve-host.js';
import type { BodyExpectation } from '../ports/probe-runner.js';

/** What one child reports on its last stdout line (JSON). */
export interface ProbeZipReport {
  readonly expect: BodyExpectation;
  readonly ok: boolean;
  readonly code: string;
  readonly bodyBytes: number;
  readonly h1: string | null;
  readonly zipError: string | null;
  readonly durationMs: number;
  /** process.resourceUsage().maxRSS, in bytes. */
  readonly maxRssBytes: number;
  /** RSS when the child had loaded everything, before the request. */
  readonly startRssBytes: number;
  /** Peaks sampled every 5 ms during the request. */
  readonly peakHeapUsedBytes: number;
  readonly peakExternalBytes: number;
}

const ZIP_CAP = 500 * (1 << 20) + 1;

/**
 * Child process of the zip-hash-memory suite: `node probe-zip-child.js <url> <zip-h1|none> <zipPrefix>`.
 * Runs the real probe runner once against a loopback URL and prints its own peak memory, so the
 * figure is the client's alone (the server lives in the parent).
 */
async function main(argv: readonly string[]): Promise<void> {
  const [url, expectArg, zipPrefix] = argv;
  if (url === undefined || (expectArg !== 'zip-h1' && expectArg !== 'none') || zipPrefix === undefined) {
    throw new Error('usage: probe-zip-child <url> <zip-h1|none> <zipPrefix>');
  }
  const expect: BodyExpectation = expectArg;
  const probes = createHttpProbeRunner({ resolve: createDnsResolver({ timeoutMs: 1000, tries: 1 }), trustRoots: null });
  const startRssBytes = memoryUsage.rss();
  let peakHeapUsedBytes = 0;
  let peakExternalBytes = 0;
  const sample = (): void => {
    const usage = memoryUsage();
    peakHeapUsedBytes = Math.max(peakHeapUsedBytes, usage.heapUsed);
    peakExternalBytes = Math.max(peakExternalBytes, usage.external + usage.arrayBuffers);
  };
  const sampler = setInterval(sample, 5);
  const started = performance.now();
  const outcome = await probes.fetch({
    url, expect, maxBodyBytes: ZIP_CAP, zipPrefix, proxy: null, insecureSkipVerify: false, redirectAllow: [], maxRedirects: 0,
    budget: { dnsMs: 1000, connectMs: 2000, proxyMs: 2000, tlsMs: 2000, ttfbMs: 5000, bodyMs: 60_000 },
  });
  const durationMs = performance.now() - started;
  clearInterval(sampler);
  sample();
  const report: ProbeZipReport = {
    expect, ok: outcome.ok, code: outcome.code, bodyBytes: outcome.http?.bodyBytes ?? 0,
    h1: outcome.http?.h1 ?? null, zipError: outcome.http?.zipError ?? null, durationMs,
    maxRssBytes: resourceUsage().maxRSS * 1024, startRssBytes, peakHeapUsedBytes, peakExternalBytes,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
