import { describe, expect, it } from 'vitest';
import { explainGoOutput } from './explain-go-output.js';
import { CATALOGUE_CASES, JSON_STREAM, MISMATCH_AFTER_OTHER, MULTI_ERROR, X_TRACE_HIDDEN_SUMDB } from './explain-go-output.fixtures.js';

describe('explainGoOutput', () => {
  describe('go-modules.md §6 catalogue', () => {
    it.each(CATALOGUE_CASES.map((c) => [c.section, c] as const))('classifies %s', (_section, c) => {
      const out = explainGoOutput(c.input);
      expect(out.findings).toHaveLength(1);
      const finding = out.findings[0];
      expect(finding?.class).toBe(c.class);
      expect(out.class).toBe(c.class);
      if (c.hop !== undefined) expect(finding?.hop).toBe(c.hop);
      if (c.step !== undefined) expect(finding?.step).toBe(c.step);
      if (c.evidence !== undefined) expect(finding?.evidence).toContain(c.evidence);
      expect(out.playbook?.class).toBe(c.class);
    });
  });
});

describe('explainGoOutput input forms', () => {
  it('returns ok with no findings for empty input and progress-only output', () => {
    for (const input of ['', '\n\n', 'go: downloading corp.example/a v1.0.0\ngo: found corp.example/a in corp.example/a v1.0.0\n']) {
      const out = explainGoOutput(input);
      expect(out).toMatchObject({ schema: 'gomod-doctor/explanation@1', class: 'ok', severity: null, findings: [], playbook: null });
      expect(out.unrecognized).toBeUndefined();
    }
  });

  it('gives one finding per distinct error, in order, ignoring go: downloading lines', () => {
    const out = explainGoOutput(MULTI_ERROR);
    expect(out.findings.map((f) => [f.class, f.hop, f.step])).toEqual([
      ['tcp.timeout', 'https://goproxy.corp.example', 'zip'],
      ['module.gone', 'https://goproxy.corp.example', 'zip'],
    ]);
    expect(out.class).toBe('tcp.timeout');
    expect(out.severity).toBe('P1');
    expect(out.findings[1]?.goError).toBe('go: corp.example/b@v1.0.0: reading https://goproxy.corp.example/corp.example/b/@v/v1.0.0.zip: 410 Gone\n\tserver response: not found: gone');
  });

  it('collapses the same error printed twice into one finding', () => {
    const line = 'go: corp.example/a@v1.0.0: Get "https://goproxy.corp.example/corp.example/a/@v/v1.0.0.zip": dial tcp 10.1.2.3:443: i/o timeout';
    expect(explainGoOutput(`${line}\n${line}\n`).findings).toHaveLength(1);
  });

  it('makes a checksum mismatch the primary even when printed after another error', () => {
    const out = explainGoOutput(MISMATCH_AFTER_OTHER);
    expect(out.findings.map((f) => f.class)).toEqual(['module.not_found', 'checksum.mismatch']);
    expect(out.class).toBe('checksum.mismatch');
    expect(out.severity).toBe('P0');
    expect(out.findings[1]?.evidence).toBe('downloaded h1:hX+9aaaa= ≠ go.sum h1:HroLbbbb=');
    expect(out.playbook?.class).toBe('checksum.mismatch');
  });

  it('folds a SECURITY ERROR block printed apart into the mismatch it belongs to', () => {
    const input = `SECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\n${MISMATCH_AFTER_OTHER.split('\n').slice(1, 4).join('\n')}`;
    const out = explainGoOutput(input);
    expect(out.findings.map((f) => f.evidence)).toEqual(['downloaded h1:hX+9aaaa= ≠ go.sum h1:HroLbbbb=']);
  });

  it('reads the Error field of a go mod download -json stream and names the module', () => {
    const out = explainGoOutput(JSON_STREAM);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ class: 'proxy.forbidden', hop: 'https://goproxy.corp.example', step: 'info' });
    expect(out.findings[0]?.evidence).toContain('artifact blocked by policy');
    expect(out.playbook?.changeRequest.verification[0]).toBe('gomod-doctor diagnose corp.example/hello@v1.0.0');
  });

  it('uncovers a checksum-DB failure hidden behind GOPROXY=off from the -x trace', () => {
    const out = explainGoOutput(X_TRACE_HIDDEN_SUMDB);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ class: 'sumdb.unreachable', hop: 'https://sum.golang.org', step: 'sumdb-lookup' });
    expect(out.findings[0]?.evidence).toMatch(/^tcp\.timeout: dial tcp 142\.250\.0\.1:443: i\/o timeout/);
  });

  it('keeps config.goproxy_off when the trace shows no checksum-DB failure', () => {
    const input = '# get https://sum.golang.org/lookup/corp.example/hello@v1.0.0\n# get https://sum.golang.org/lookup/corp.example/hello@v1.0.0: 200 OK (0.016s)\ngo: module lookup disabled by GOPROXY=off';
    expect(explainGoOutput(input).class).toBe('config.goproxy_off');
  });

  it('names a hang from a -x trace whose last # get never answered', () => {
    const input = '# get https://goproxy.corp.example/corp.example/hello/@v/list\n# get https://goproxy.corp.example/corp.example/hello/@v/list: 200 OK (0.020s)\n# get https://goproxy.corp.example/corp.example/hello/@v/v1.0.0.zip\n^C';
    const out = explainGoOutput(input);
    expect(out.findings.map((f) => [f.class, f.hop, f.step])).toEqual([['http.stall', 'https://goproxy.corp.example', 'zip']]);
  });

  it('does not report # get failures the go command fell through (it printed no error)', () => {
    const input = '# get https://goproxy.corp.example/x/@v/list: 500 Internal Server Error (0.005s)\n# get https://proxy.golang.org/x/@v/list: Get "https://proxy.golang.org/x/@v/list": dial tcp 10.0.0.1:443: connect: connection refused (0.001s)\n# get https://backup.corp.example/x/@v/list: 200 OK (0.004s)';
    expect(explainGoOutput(input)).toMatchObject({ class: 'ok', findings: [] });
  });

  it('names the hop from the -x trace when Go printed a relative redirect URL', () => {
    const input = '# get https://goproxy.corp.example/loop/x/@v/v1.0.0.info\n# get https://goproxy.corp.example/loop/x/@v/v1.0.0.info: Get "/loop/x/@v/v1.0.0.info": stopped after 10 redirects\ngo: x.example/m@v1.0.0: Get "/loop/x/@v/v1.0.0.info": stopped after 10 redirects';
    expect(explainGoOutput(input).findings[0]).toMatchObject({ class: 'http.redirect_loop', hop: 'https://goproxy.corp.example', step: 'info' });
  });

  it('accepts CRLF line ends and ANSI colour codes', () => {
    const input = '\x1b[31mgo: corp.example/b@v1.0.0: reading https://goproxy.corp.example/corp.example/b/@v/v1.0.0.zip: 410 Gone\x1b[0m\r\n\tserver response: not found: gone\r\n';
    const out = explainGoOutput(input);
    expect(out.findings[0]).toMatchObject({ class: 'module.gone', evidence: 'HTTP 410 Gone; server response: not found: gone' });
    expect(out.findings[0]?.goError).not.toContain('\r');
    expect(out.findings[0]?.goError).not.toContain('\x1b');
  });

  it.each([
    ['Go 1.20+ TLS prefix', 'go: corp.example/hello@v1.0.0: Get "https://proxy.golang.org/corp.example/hello/@v/v1.0.0.info": tls: failed to verify certificate: x509: certificate signed by unknown authority', 'tls.unknown_authority'],
    ['Go 1.20+ expired', 'go: corp.example/hello@v1.0.0: Get "https://proxy.golang.org/x/@v/list": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-24T05:19:17Z is after 2026-10-20T05:17:26Z', 'tls.expired'],
    ['Go ≤ 1.13 unquoted URL', 'go: corp.example/hello@v1.0.0: Get https://goproxy.corp.example/corp.example/hello/@v/v1.0.0.info: dial tcp 10.0.0.1:443: connect: connection refused', 'tcp.refused'],
    ['Go ≤ 1.15 go.mod sumdb wrapper', 'go: corp.example/hello@v1.0.0/go.mod: verifying module: corp.example/hello@v1.0.0/go.mod: Get "https://sum.golang.org/lookup/corp.example/hello@v1.0.0": dial tcp 142.250.0.1:443: i/o timeout', 'sumdb.unreachable'],
    ['Go 1.13 sumdb wrapper', 'verifying corp.example/hello@v1.0.0: corp.example/hello@v1.0.0: reading https://sum.golang.org/lookup/corp.example/hello@v1.0.0: 410 Gone', 'sumdb.not_found'],
    ['newer Go zip read with real URL', 'go: corp.example/hello@v1.0.0: read "https://goproxy.corp.example/truncated/corp.example/hello/@v/v1.0.0.zip": unexpected EOF', 'tcp.reset'],
  ] as const)('recognizes %s', (_name, input, cls) => {
    expect(explainGoOutput(input).class).toBe(cls);
  });

  it('removes credentials from hops and evidence, whatever the mask', () => {
    const out = explainGoOutput([
      'go: a.example/m@v1.0.0: Get "https://alice:***@goproxy.corp.example/a.example/m/@v/v1.0.0.info": dial tcp 10.0.0.1:443: connect: connection refused',
      'go: b.example/m@v1.0.0: reading https://alice:xxxxx@goproxy.corp.example/b.example/m/@v/v1.0.0.info: 401 Unauthorized',
      '# get https://bob:xxxxx@other.corp.example/c/@v/list',
    ].join('\n'));
    expect(out.findings.map((f) => f.hop)).toEqual(['https://goproxy.corp.example', 'https://goproxy.corp.example']);
    expect(JSON.stringify(out.findings.map((f) => [f.hop, f.evidence]))).not.toMatch(/alice|bob|\*\*\*|xxxxx/);
  });

  it('lists go errors it cannot classify instead of inventing a class', () => {
    const out = explainGoOutput('go: downloading corp.example/a v1.0.0\ngo: something entirely new happened: frobnicated\n');
    expect(out.class).toBe('ok');
    expect(out.findings).toEqual([]);
    expect(out.unrecognized).toEqual(['go: something entirely new happened: frobnicated']);
  });

  it('names the HTTP proxy, not the target, for proxyconnect failures', () => {
    const out = explainGoOutput('go: corp.example/hello@v1.0.0: Get "https://proxy.golang.org/corp.example/hello/@v/v1.0.0.info": proxyconnect tcp: dial tcp 10.9.9.9:3128: i/o timeout');
    expect(out.findings[0]).toMatchObject({ class: 'tcp.timeout', hop: 'http://10.9.9.9:3128' });
    expect(out.findings[0]?.evidence).toContain('https://proxy.golang.org');
  });

  it('does not take a server response quoting a network failure as the cause', () => {
    const out = explainGoOutput('go: corp.example/hello@v1.0.0: reading https://goproxy.corp.example/corp.example/hello/@v/v1.0.0.info: 404 Not Found\n\tserver response: not found: dial tcp: lookup github.com on 10.0.0.2:53: no such host');
    expect(out.class).toBe('module.not_found');
  });

  it('handles a long mixed log in one pass', () => {
    const unit = `${MULTI_ERROR}\n${'go: downloading corp.example/filler v1.0.0\n'.repeat(200)}`;
    const input = unit.repeat(500);
    const out = explainGoOutput(input);
    expect(out.findings).toHaveLength(2);
  });
});
