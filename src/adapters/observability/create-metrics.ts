import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Diagnosis } from '../../core/diagnosis.js';

export interface Metrics {
  readonly registry: Registry;
  countCommand(command: string, result: string): void;
  countJob(queue: string, result: 'completed' | 'failed'): void;
  observeDiagnosis(diagnosis: Diagnosis): void;
  /** Queue depth, read on scrape (never from a timer). */
  setQueueDepthSource(source: () => Promise<readonly { queue: string; state: string; count: number }[]>): void;
}

/** prom-client metrics under `gomod_doctor_`; labels are bounded (classes, zones, configured hops, command verbs). */
export function createMetrics(options: { role: string; defaultMetrics?: boolean } = { role: 'serve' }): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ role: options.role });
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const commands = new Counter({ name: 'gomod_doctor_commands_total', help: 'Slack commands by verb and result', labelNames: ['command', 'result'], registers: [registry] });
  const jobs = new Counter({ name: 'gomod_doctor_jobs_total', help: 'Queue jobs finished, by queue and result', labelNames: ['queue', 'result'], registers: [registry] });
  const diagnoses = new Counter({ name: 'gomod_doctor_diagnoses_total', help: 'Diagnoses by zone and class', labelNames: ['zone', 'class'], registers: [registry] });
  const probeSeconds = new Histogram({
    name: 'gomod_doctor_probe_duration_seconds', help: 'Duration of each request of a diagnosis, by class, hop and zone',
    labelNames: ['class', 'hop', 'zone'], buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60], registers: [registry],
  });
  let depthSource: (() => Promise<readonly { queue: string; state: string; count: number }[]>) | null = null;
  new Gauge({
    name: 'gomod_doctor_queue_depth', help: 'Jobs per queue and state', labelNames: ['queue', 'state'], registers: [registry],
    async collect() {
      this.reset();
      if (depthSource === null) return;
      for (const row of await depthSource().catch(() => [])) this.set({ queue: row.queue, state: row.state }, row.count);
    },
  });
  return {
    registry,
    countCommand: (command, result) => commands.inc({ command, result }),
    countJob: (queue, result) => jobs.inc({ queue, result }),
    observeDiagnosis(diagnosis) {
      diagnoses.inc({ zone: diagnosis.zone, class: diagnosis.class });
      for (const step of diagnosis.steps) probeSeconds.observe({ class: step.class, hop: step.hop, zone: diagnosis.zone }, step.timings.totalMs / 1000);
    },
    setQueueDepthSource(source) { depthSource = source; },
  };
}
