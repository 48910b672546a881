import { describe, expect, it } from 'vitest';
import type { Diagnosis, StepReport } from '../../../core/diagnosis.js';
import { checkBlocks } from '../../../../test/support/fake-slack-api.js';
import { BLOCK_LIMITS } from './block-kit.js';
import { describeChanges } from './describe-changes.js';
import { renderComparison } from './render-comparison.js';
import { renderDetails } from './render-details.js';
import { renderVerdict } from './render-verdict.js';

const step = (i: number, cls: StepReport['class'] = 'tcp.timeout'): StepReport => ({
  hop: `https://goproxy${i}.corp.example:8443`, role: 'proxy', step: 'info', url: `https://goproxy${i}.corp.example:8443/x/@v/v1.0.0.info`,
  class: cls, status: null, timings: { dnsMs: 1.2, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 3001 }, outcome: 'failed',
});

const diagnosis = (overrides: Partial<Diagnosis> = {}): Diagnosis => ({
  schema: 'gomod-doctor/diagnosis@1', module: 'corp.example.com/platform/auth', version: 'v1.2.0', zone: 'office',
  verdict: 'fail', class: 'tcp.timeout', severity: 'P1',
  findings: [{ class: 'tcp.timeout', severity: 'P1', title: 'Connection attempt times out', hop: 'https://goproxy0.corp.example:8443', step: 'info',
    evidence: 'dial tcp 10.0.0.1:8443: i/o timeout', goError: 'go: corp.example.com/platform/auth@v1.2.0: Get "https://…": dial tcp 10.0.0.1:8443: i/o timeout' }],
  steps: [step(0)],
  playbook: {
    class: 'tcp.timeout', title: 'Open the egress path', meaning: 'SYNs are dropped.', likelyCauses: ['firewall'],
    fix: ['Ask the network team to allow TCP 8443 from the office to goproxy0.corp.example.'],
    changeRequest: { title: 'Allow TCP 8443 to goproxy0', impact: 'Builds in the office fail.', preChecks: ['Note the current rule id'], steps: ['Add the rule'],
      verification: ['/gomod diagnose corp.example.com/platform/auth@v1.2.0 zone=office prints ok'], rollback: ['Remove the rule'], owner: 'network team', window: 'any' },
    rollback: ['Remove the rule'],
  },
  goVersion: 'go1.19.8 (go on PATH)', elapsedMs: 3012, ...overrides,
});

describe('renderVerdict', () => {
  it('names the class literally next to its title, the hop and one line of fix', () => {
    const message = renderVerdict(diagnosis(), { runId: 'run-1' });
    expect(message.text).toBe('tcp.timeout: Connection attempt times out (firewall drop or black hole) (corp.example.com/platform/auth@v1.2.0, zone office)');
    expect(message.blocks[0]).toMatchInlineSnapshot(`
      {
        "text": {
          "text": ":red_circle: *\`tcp.timeout\`* Connection attempt times out (firewall drop or black hole) (P1)
      \`corp.example.com/platform/auth@v1.2.0\` in zone *office*
      Hop: \`https://goproxy0.corp.example:8443\` (info)
      Fix: Ask the network team to allow TCP 8443 from the office to goproxy0.corp.example.",
          "type": "mrkdwn",
        },
        "type": "section",
      }
    `);
    expect(JSON.stringify(message.blocks.at(-1))).toContain('"value":"run-1"');
  });

  it('says what changed on a re-check', () => {
    const after = diagnosis({ verdict: 'ok', class: 'ok', severity: null, steps: [{ ...step(0, 'ok'), status: 200, outcome: 'ok' }] });
    expect(describeChanges(diagnosis(), after)).toEqual([
      'class: tcp.timeout → ok', 'verdict: fail → ok', 'https://goproxy0.corp.example:8443 info: tcp.timeout → ok 200']);
    expect(JSON.stringify(renderVerdict(after, { runId: 'r', previous: diagnosis() }).blocks)).toContain('Since the last run');
  });
});

describe('Block Kit limits', () => {
  it('keeps huge diagnoses within 50 blocks per message, 3,000 characters per section and 150 per header', () => {
    const long = 'x'.repeat(5000);
    const huge = diagnosis({
      steps: Array.from({ length: 400 }, (_, i) => step(i)),
      findings: Array.from({ length: 30 }, () => ({ class: 'tcp.timeout' as const, severity: 'P1' as const, title: long, hop: long, step: 'info' as const, evidence: long, goError: long })),
      playbook: { ...diagnosis().playbook!, fix: [long, long], changeRequest: { ...diagnosis().playbook!.changeRequest, title: long, steps: Array.from({ length: 100 }, () => long) } },
    });
    const messages = [renderVerdict(huge, { runId: 'r', previous: diagnosis() }), ...renderDetails(huge), renderComparison({ module: 'm', version: null }, [huge, { ...huge, zone: 'ci' }])];
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(BLOCK_LIMITS.blocksPerMessage);
      expect(checkBlocks(message.blocks, BLOCK_LIMITS.blocksPerMessage)).toBeNull();
    }
  });
});
