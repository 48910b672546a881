import type { BenchSuite } from './bench-suite.js';
import { ackLatencySuite } from './suites/ack-latency.js';
import { explainThroughputSuite } from './suites/explain-throughput.js';
import { poolThroughputSuite } from './suites/pool-throughput.js';
import { healthyVsGoSuite } from './suites/healthy-vs-go.js';
import { pagerThroughputSuite, reportThroughputSuite } from './suites/report-and-paging.js';
import { timeToVerdictSuite } from './suites/time-to-verdict.js';
import { workerMemorySuite } from './suites/worker-memory.js';
import { zipHashMemorySuite } from './suites/zip-hash-memory.js';

/** Every suite `npm run bench` knows, in the order it runs them; add new suites here. */
export const BENCH_SUITES: readonly BenchSuite[] = [
  timeToVerdictSuite,
  healthyVsGoSuite,
  explainThroughputSuite,
  zipHashMemorySuite,
  reportThroughputSuite,
  pagerThroughputSuite,
  ackLatencySuite,
  poolThroughputSuite,
  workerMemorySuite,
];
