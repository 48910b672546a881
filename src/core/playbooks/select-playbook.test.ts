import { describe, expect, it } from 'vitest';
import { ALL_FAILURE_CLASSES } from '../classify/failure-class.js';
import type { PlaybookContext, PlaybookGoEnv, PlaybookGoEnvKey, PlaybookSettingSource } from './playbook-context.js';
import { selectPlaybook } from './select-playbook.js';

function createGoEnv(values: Partial<Record<PlaybookGoEnvKey, string>>, sources: Partial<Record<PlaybookGoEnvKey, PlaybookSettingSource>> = {}): PlaybookGoEnv {
  const keys: PlaybookGoEnvKey[] = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOVCS', 'GOFLAGS'];
  const defaults: Record<PlaybookGoEnvKey, string> = { GOPROXY: 'https://proxy.golang.org,direct', GOSUMDB: 'sum.golang.org', GOPRIVATE: '', GONOPROXY: '', GONOSUMDB: '', GOINSECURE: '', GOVCS: '', GOFLAGS: '' };
  return {
    values: Object.fromEntries(keys.map((k) => [k, values[k] ?? defaults[k]])) as Record<PlaybookGoEnvKey, string>,
    sources: Object.fromEntries(keys.map((k) => [k, sources[k] ?? 'default'])) as Record<PlaybookGoEnvKey, PlaybookSettingSource>,
  };
}

const BASE: PlaybookContext = {
  module: 'vanity.corp.example/platform/auth',
  version: 'v1.2.0',
  hop: 'https://goproxy.corp.example:8443',
  evidence: 'dial tcp 10.0.0.5:8443: i/o timeout',
  zone: 'office',
  goEnv: createGoEnv({ GOPROXY: 'https://goproxy.corp.example:8443,direct' }, { GOPROXY: 'goenv-file' }),
  diagnoseCommand: 'gomod-doctor diagnose vanity.corp.example/platform/auth@v1.2.0',
};

function collectText(value: unknown): string {
  return JSON.stringify(value);
}

describe('selectPlaybook', () => {
  it.each(ALL_FAILURE_CLASSES.map((c) => [c]))('has a complete playbook for %s', (cls) => {
    for (const context of [BASE, { ...BASE, goEnv: null, hop: null, version: null }]) {
      const playbook = selectPlaybook(cls, context);
      expect(playbook.class).toBe(cls);
      expect(playbook.title).toContain(cls);
      expect(playbook.meaning.length).toBeGreaterThan(20);
      expect(playbook.changeRequest.owner).not.toBe('');
      expect(playbook.changeRequest.verification[0]).toBe(context.diagnoseCommand);
      if (cls !== 'ok') {
        expect(playbook.likelyCauses.length).toBeGreaterThan(0);
        expect(playbook.fix.length).toBeGreaterThan(0);
        expect(playbook.changeRequest.steps.length).toBeGreaterThan(0);
        expect(playbook.rollback.length).toBeGreaterThan(0);
        expect(playbook.changeRequest.verification[1]).toMatch(/class ok/);
      }
      expect(collectText(playbook)).not.toContain('undefined');
    }
  });

  it('never prints a secret: .netrc lines are templates and URL passwords are masked', () => {
    const goEnv = createGoEnv({ GOPROXY: 'https://alice:s3cr3t-token@goproxy.corp.example,direct', GOPRIVATE: '' }, { GOPROXY: 'env' });
    for (const cls of ALL_FAILURE_CLASSES) {
      const text = collectText(selectPlaybook(cls, { ...BASE, goEnv }));
      expect(text).not.toContain('s3cr3t-token');
      for (const m of text.matchAll(/password ([^\s"]+)/g)) expect(m[1]).toBe('<token>');
    }
    expect(collectText(selectPlaybook('proxy.auth_required', BASE))).toContain('machine goproxy.corp.example login <user> password <token>');
  });

  it('sets the window by severity and the owner by family', () => {
    expect(selectPlaybook('checksum.mismatch', BASE).changeRequest.window).toMatch(/^emergency change, immediately/);
    expect(selectPlaybook('tcp.timeout', BASE).changeRequest.window).toMatch(/^emergency change/);
    expect(selectPlaybook('module.gone', BASE).changeRequest.window).toBe('standard change, business hours');
    expect(selectPlaybook('tcp.timeout', BASE).changeRequest.owner).toBe('network team (firewall)');
    expect(selectPlaybook('tls.expired', BASE).changeRequest.owner).toMatch(/certificate/);
  });

  it('names FQDN, port and SNI in a firewall change', () => {
    const playbook = selectPlaybook('tcp.timeout', BASE);
    expect(playbook.changeRequest.steps[0]).toBe('allow outbound TCP from zone "office" (build hosts and CI runners) to goproxy.corp.example port 8443, TLS SNI goproxy.corp.example');
  });

  it('puts the internal caching proxy first, computed from the current GOPROXY, with its rollback', () => {
    const playbook = selectPlaybook('proxy.rate_limited', { ...BASE, internalProxy: 'https://athens.corp.example' });
    expect(playbook.fix).toContain('go env -w GOPROXY=https://athens.corp.example,https://goproxy.corp.example:8443,direct');
    expect(playbook.rollback).toEqual(['go env -w GOPROXY=https://goproxy.corp.example:8443,direct']);
  });

  it('renders the module.gone playbook for a private module on the public proxy', () => {
    const playbook = selectPlaybook('module.gone', { ...BASE, hop: 'https://proxy.golang.org', evidence: 'HTTP 410 Gone', goEnv: createGoEnv({}) });
    expect({ fix: playbook.fix, rollback: playbook.rollback, changeRequest: playbook.changeRequest }).toMatchInlineSnapshot(`
      {
        "changeRequest": {
          "impact": "go commands in zone "office" cannot fetch vanity.corp.example/platform/auth@v1.2.0 via https://proxy.golang.org (module.gone, P3); every build that needs it fails until the change is made.",
          "owner": "platform team (Go toolchain)",
          "preChecks": [
            "go env GOPRIVATE GONOPROXY GONOSUMDB GOPROXY",
          ],
          "rollback": [
            "go env -u GOPRIVATE",
          ],
          "steps": [
            "go env -w GOPRIVATE='*.corp.example'",
          ],
          "title": "[zone office] Proxy will not serve the module (410 Gone) — https://proxy.golang.org (vanity.corp.example/platform/auth)",
          "verification": [
            "gomod-doctor diagnose vanity.corp.example/platform/auth@v1.2.0",
            "expected: verdict ok, class ok (exit status 0)",
          ],
          "window": "standard change, business hours",
        },
        "fix": [
          "go env GOPRIVATE GONOPROXY GONOSUMDB",
          "Mark the module private (pattern *.corp.example) so the go command fetches it directly:",
          "go env -w GOPRIVATE='*.corp.example'",
          "For builds without direct VCS access: serve it from the internal GOPROXY, or \`replace\` it to an internal mirror in go.mod: replace <module> => <internal-mirror-module> <version>",
        ],
        "rollback": [
          "go env -u GOPRIVATE",
        ],
      }
    `);
  });

  it('renders the sumdb.unreachable playbook with a firewall change and a proxied GOSUMDB', () => {
    const playbook = selectPlaybook('sumdb.unreachable', { ...BASE, hop: 'https://sum.golang.org', evidence: 'tcp.timeout: dial tcp 142.250.0.1:443: i/o timeout', internalProxy: 'https://goproxy.corp.example' });
    expect({ meaning: playbook.meaning, fix: playbook.fix, rollback: playbook.rollback }).toMatchInlineSnapshot(`
      {
        "fix": [
          "curl -sS -o /dev/null -w '%{http_code}\\n' https://sum.golang.org/lookup/vanity.corp.example/platform/auth@v1.2.0",
          "Firewall request: allow outbound TCP from zone "office" (build hosts and CI runners) to sum.golang.org port 443, TLS SNI sum.golang.org",
          "Or reach the DB through a proxy that supports it (the key stays the same, so verification is unchanged):",
          "go env -w GOSUMDB='sum.golang.org https://goproxy.corp.example/sumdb/sum.golang.org'",
          "For private modules only: GONOSUMDB/GOPRIVATE (never GOSUMDB=off for everything)",
        ],
        "meaning": "The checksum database at https://sum.golang.org cannot be reached (tcp.timeout); the go command has no fallback and fails.",
        "rollback": [
          "Remove the rule: allow outbound TCP from zone "office" (build hosts and CI runners) to sum.golang.org port 443, TLS SNI sum.golang.org",
          "go env -u GOSUMDB",
        ],
      }
    `);
  });
});
