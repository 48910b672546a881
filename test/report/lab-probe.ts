import { readFileSync } from 'node:fs';
import { createDnsResolver } from '../../src/adapters/probes/resolve-host.js';
import { createHttpProbeRunner } from '../../src/adapters/probes/create-http-probe-runner.js';
import type { Lab } from '../../src/lab/start-lab.js';
import type { ProbeBudget, ProbeRunner } from '../../src/ports/probe-runner.js';

/** Short budgets so a black hole times out in a test, not in 30 s. */
export const TEST_BUDGET: ProbeBudget = { dnsMs: 500, connectMs: 300, proxyMs: 300, tlsMs: 500, ttfbMs: 1000, bodyMs: 2000 };

/** A probe runner that trusts the lab CA, resolves with the lab's DNS and pins lab names to loopback. */
export function createLabProbe(lab: Lab, connectTo?: Lab['connectTo']): ProbeRunner {
  return createHttpProbeRunner({
    resolve: createDnsResolver({ servers: [`${lab.dns.host}:${lab.dns.port}`], timeoutMs: 300, tries: 1 }),
    trustRoots: [readFileSync(lab.caFile, 'utf8')],
    connectTo: connectTo ?? lab.connectTo,
  });
}
