import type { FailureClass } from '../classify/failure-class.js';

/**
 * Every example of go-modules.md §6 (and §2.1, §2.4, §4.2), verbatim, with the class taxonomy.md
 * gives it. Where the catalogue abbreviates with a bare placeholder that no go command prints
 * (`<URL>`, `<sumdb name>`, a status line without its `reading <URL>:`), `adapted` says what was filled in.
 */
export interface CatalogueCase {
  readonly section: string;
  readonly input: string;
  readonly class: FailureClass;
  readonly hop?: string | null;
  readonly step?: string | null;
  /** A substring the evidence must contain. */
  readonly evidence?: string;
  readonly adapted?: string;
}

const MISMATCH_TAIL = '\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\nThe bits may have been replaced on the origin server, or an attacker may\nhave intercepted the download attempt.\n\nFor more information, see \'go help module-auth\'.';
const DB_MISMATCH_TAIL = '\n\nSECURITY ERROR\nThis download does NOT match the one reported by the checksum server.\nThe bits may have been replaced on the origin server, or an attacker may\nhave intercepted the download attempt.\n\nFor more information, see \'go help module-auth\'.';
const GIT_HELP = '\nConfirm the import path was entered correctly.\nIf this is a private repository, see https://golang.org/doc/faq#git_https for additional information.';

export const CATALOGUE_CASES: readonly CatalogueCase[] = [
  // §6.2 DNS
  { section: '6.2 NXDOMAIN pure-Go', input: 'go: corp.example/hello@v1.0.0: Get "https://nxdomain.example.com/corp.example/hello/@v/v1.0.0.info": dial tcp: lookup nxdomain.example.com on 127.0.0.1:53: no such host', class: 'dns.nxdomain', hop: 'https://nxdomain.example.com', step: 'info', evidence: 'no such host' },
  { section: '6.2 NXDOMAIN cgo', input: '… dial tcp: lookup <host>: no such host', class: 'dns.nxdomain' },
  { section: '6.2 resolver timeout', input: '… dial tcp: lookup slow.corp.example on 127.0.0.1:53: read udp 127.0.0.1:42852->127.0.0.1:53: i/o timeout', class: 'dns.timeout' },
  { section: '6.2 SERVFAIL', input: '… dial tcp: lookup servfail.corp.example on 127.0.0.1:53: server misbehaving', class: 'dns.servfail' },
  { section: '6.2 resolver port closed', input: '… dial tcp: lookup goproxy.corp.example on 127.0.0.2:53: read udp 127.0.0.1:47488->127.0.0.2:53: read: connection refused', class: 'dns.unreachable' },
  { section: '6.2 dial deadline spent resolving', input: '… dial tcp: i/o timeout', class: 'dns.timeout' },
  { section: '6.2 dial deadline spent resolving (lookup)', input: 'dial tcp: lookup <h>: i/o timeout', class: 'dns.timeout' },
  { section: '6.2 git resolving', input: "fatal: unable to access 'https://nxgit.example/repo.git/': Could not resolve host: nxgit.example", class: 'dns.nxdomain', hop: 'https://nxgit.example', step: 'git-refs' },
  // §6.3 TCP
  { section: '6.3 refused', input: '… Get "https://goproxy.corp.example:9999/ok/…/@v/v1.0.0.info": dial tcp 127.0.0.1:9999: connect: connection refused', class: 'tcp.refused', hop: 'https://goproxy.corp.example:9999', step: 'info' },
  { section: '6.3 refused (Windows)', input: '… connectex: No connection could be made because the target machine actively refused it.', class: 'tcp.refused' },
  { section: '6.3 SYN dropped', input: '… dial tcp 127.0.0.1:8097: i/o timeout', class: 'tcp.timeout' },
  { section: '6.3 SYN dropped (Windows)', input: '… connectex: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.', class: 'tcp.timeout' },
  { section: '6.3 no route', input: '… dial tcp 10.99.0.2:443: connect: network is unreachable', class: 'tcp.timeout' },
  { section: '6.3 reset after connect', input: '… Get "https://goproxy.corp.example:8442/…": read tcp 127.0.0.1:51680->127.0.0.1:8442: read: connection reset by peer', class: 'tcp.reset', hop: 'https://goproxy.corp.example:8442' },
  { section: '6.3 closed after connect', input: '… Get "https://goproxy.corp.example:8441/…": EOF', class: 'tcp.reset', hop: 'https://goproxy.corp.example:8441' },
  { section: '6.3 truncated body', input: 'go: corp.example/hello@v1.0.0: read "https:/goproxy.corp.example/truncated/@v/v1.0.0.zip": unexpected EOF', class: 'tcp.reset', hop: 'https://goproxy.corp.example', step: 'zip' },
  { section: '6.3 git refused', input: "fatal: unable to access 'https://git.corp.example:9/repo.git/': Failed to connect to git.corp.example port 9 after 1 ms: Couldn't connect to server", class: 'tcp.refused', hop: 'https://git.corp.example:9' },
  // §6.4 TLS
  { section: '6.4 unknown authority', input: '… Get "https://proxy.golang.org/corp.example/hello/@v/v1.0.0.info": x509: certificate signed by unknown authority', class: 'tls.unknown_authority', hop: 'https://proxy.golang.org', step: 'info' },
  { section: '6.4 unknown authority with hint', input: 'x509: certificate signed by unknown authority (possibly because of "<err>" while trying to verify candidate authority certificate "<CN>")', class: 'tls.unknown_authority' },
  { section: '6.4 expired', input: 'x509: certificate has expired or is not yet valid: current time 2026-11-24T05:19:17Z is after 2026-10-20T05:17:26Z', class: 'tls.expired', evidence: 'is after 2026-10-20T05:17:26Z' },
  { section: '6.4 wrong name', input: 'x509: certificate is valid for other-host.corp.example, not wrongname.corp.example', class: 'tls.hostname_mismatch' },
  { section: '6.4 IP without IP SAN', input: "x509: cannot validate certificate for 127.0.0.1 because it doesn't contain any IP SANs", class: 'tls.hostname_mismatch' },
  { section: '6.4 no names', input: 'x509: certificate is not valid for any names, but wanted to match <h>', class: 'tls.hostname_mismatch' },
  { section: '6.4 legacy CN', input: 'x509: certificate relies on legacy Common Name field, use SANs instead', class: 'tls.hostname_mismatch' },
  { section: '6.4 no roots', input: 'x509: failed to load system roots and no roots provided', class: 'tls.unknown_authority' },
  { section: '6.4 https to plain-HTTP port', input: '… http: server gave HTTP response to HTTPS client', class: 'tls.protocol_error' },
  { section: '6.4 handshake timeout', input: '… net/http: TLS handshake timeout', class: 'tls.handshake_timeout' },
  { section: '6.4 TLS alert', input: '… remote error: tls: handshake failure', class: 'tls.protocol_error' },
  { section: '6.4 git GnuTLS', input: "fatal: unable to access 'https://github.com/corp/lib/': server certificate verification failed. CAfile: <file> CRLfile: none", class: 'tls.unknown_authority', hop: 'https://github.com' },
  { section: '6.4 git OpenSSL', input: 'SSL certificate problem: unable to get local issuer certificate', class: 'tls.unknown_authority' },
  // §6.5 HTTP(S)_PROXY hop
  { section: '6.5 proxy port closed', input: '… Get "https://goproxy.corp.example/ok/…": proxyconnect tcp: dial tcp 127.0.0.1:3999: connect: connection refused', class: 'tcp.refused', hop: 'http://127.0.0.1:3999', evidence: 'HTTP proxy' },
  { section: '6.5 proxy name unknown', input: '… proxyconnect tcp: dial tcp: lookup nxproxy.example on 127.0.0.1:53: no such host', class: 'dns.nxdomain', hop: 'http://nxproxy.example' },
  { section: '6.5 407 on CONNECT', input: '… Get "https://goproxy.corp.example/ok/…": Proxy Authentication Required', class: 'proxy.auth_required', evidence: 'HTTP proxy' },
  { section: '6.5 403 on CONNECT', input: '… Get "<URL>": Forbidden', class: 'proxy.forbidden' },
  { section: '6.5 CONNECT without phrase', input: '… Get "https://goproxy.corp.example/ok/…": unknown status code', class: 'proxy.server_error', adapted: '<URL> filled in' },
  { section: '6.5 reset during CONNECT', input: '… Get "<URL>": read tcp 127.0.0.1:55360->127.0.0.1:8442: read: connection reset by peer', class: 'tcp.reset' },
  { section: '6.5 closed during CONNECT', input: '… Get "<URL>": unexpected EOF', class: 'tcp.reset' },
  { section: '6.5 https proxy that speaks http', input: '… proxyconnect tcp: tls: first record does not look like a TLS handshake', class: 'tls.protocol_error' },
  { section: '6.5 CGI', input: '… refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy', class: 'config.invalid' },
  { section: '6.5 407 for plain-http targets', input: 'go: corp.example/hello@v1.0.0: reading http://goproxy.corp.example/ok/corp.example/hello/@v/v1.0.0.info: 407 Proxy Authentication Required\n\tserver response: Proxy Authentication Required', class: 'proxy.auth_required', hop: 'http://goproxy.corp.example', step: 'info' },
  // §6.6 HTTP status from a GOPROXY entry
  { section: '6.6 401', input: 'go: corp.example/hello@v1.0.0: reading https://goproxy.corp.example/s401/corp.example/hello/@v/v1.0.0.info: 401 Unauthorized\n\tserver response: unauthorized: authentication required', class: 'proxy.auth_required', hop: 'https://goproxy.corp.example', step: 'info', evidence: 'HTTP 401 Unauthorized; server response: unauthorized: authentication required' },
  { section: '6.6 403', input: '… reading https://…/@v/v1.0.0.info: 403 Forbidden\n\tserver response: forbidden: artifact blocked by policy', class: 'proxy.forbidden', evidence: 'artifact blocked by policy' },
  { section: '6.6 404', input: '… reading https://…/@v/v1.0.0.info: 404 Not Found\n\tserver response: not found: …', class: 'module.not_found' },
  { section: '6.6 410', input: '… reading https://…/@v/v1.0.0.info: 410 Gone\n\tserver response: not found: gone', class: 'module.gone' },
  { section: '6.6 429', input: '… reading https://…/@v/v1.0.0.info: 429 Too Many Requests', class: 'proxy.rate_limited', adapted: 'the catalogue shows only the status; `reading <URL>:` added' },
  { section: '6.6 5xx', input: '… reading https://…/@v/v1.0.0.info: 502 Bad Gateway\n\tserver response: bad gateway: upstream github.com unreachable', class: 'proxy.server_error', evidence: 'upstream github.com unreachable' },
  { section: '6.6 404 on list', input: 'go: module corp.example/hello: reading https://goproxy.corp.example/s404/corp.example/hello/@v/list: 404 Not Found', class: 'module.not_found', step: 'list' },
  { section: '6.6 404 in tidy', input: 'go: finding module for package corp.example/hello\nexample.com/app imports\n\tcorp.example/hello: cannot find module providing package corp.example/hello: module corp.example/hello: reading https://…/@v/list: 404 Not Found\n\tserver response: …', class: 'module.not_found' },
  { section: '6.6 403 in build', input: 'main.go:2:8: corp.example/hello@v1.0.0: reading https://…/@v/v1.0.0.zip: 403 Forbidden', class: 'proxy.forbidden', step: 'zip' },
  { section: '6.6 plain http to the TLS port', input: '… reading http://goproxy.corp.example:443/ok/…: 400 Bad Request', class: 'tls.protocol_error', hop: 'http://goproxy.corp.example:443' },
  { section: '6.6 invalid-version variant', input: 'go: corp.example/hello@1.0.0: invalid version: reading https://…/@v/1.0.0.info: 404 Not Found', class: 'module.not_found' },
  // §6.7 wrong content
  { section: '6.7 HTML for .info', input: 'go: corp.example/hello@v1.0.0: invalid response from proxy "https://goproxy.corp.example/html": invalid character \'<\' looking for beginning of value', class: 'proxy.bad_content', hop: 'https://goproxy.corp.example' },
  { section: '6.7 HTML for go get', input: 'go: module corp.example/hello: invalid response from proxy "https://goproxy.corp.example/html": invalid character \'<\' looking for beginning of value', class: 'proxy.bad_content' },
  { section: '6.7 non-zip body', input: 'go: zip: not a valid zip file', class: 'proxy.bad_content' },
  { section: '6.7 zip with foreign paths', input: 'zip for <mod>@<ver> has unexpected file <name>', class: 'proxy.bad_content' },
  { section: '6.7 info for another version', input: 'go: corp.example/hello@v1.0.0: proxy returned info for version v9.9.9 instead of requested version', class: 'proxy.bad_content' },
  { section: '6.7 zip too large', input: '<mod>@<ver>: downloaded zip file too large', class: 'proxy.bad_content' },
  // §6.8 configuration refusals
  { section: '6.8 GOPROXY=off', input: 'go: corp.example/hello@v1.0.0: module lookup disabled by GOPROXY=off', class: 'config.goproxy_off' },
  { section: '6.8 GOPROXY=off (go get)', input: 'go: corp.example/hello: module lookup disabled by GOPROXY=off', class: 'config.goproxy_off' },
  { section: '2.1 missing scheme', input: 'go: corp.example/hello@v1.0.0: invalid proxy URL missing scheme: noproxy', class: 'config.invalid', step: 'config' },
  { section: '2.1 bad scheme', input: 'go: corp.example/hello@v1.0.0: invalid proxy URL scheme (must be https, http, file): ftp://x', class: 'config.invalid' },
  { section: '2.1 file URL', input: 'go: corp.example/hello@v1.0.0: invalid file:// proxy URL with non-path elements: file://host/x', class: 'config.invalid' },
  { section: '2.1 unparsable', input: 'go: corp.example/hello@v1.0.0: parse "https://bad host/x": invalid character " " in host name', class: 'config.invalid' },
  { section: '2.1 empty list', input: 'go: corp.example/hello@v1.0.0: GOPROXY list is not the empty string, but contains no entries', class: 'config.invalid' },
  { section: '4.2 missing GOSUMDB', input: 'go: corp.example/hello@v1.0.0: verifying go.mod: missing GOSUMDB', class: 'config.invalid' },
  { section: '4.2 invalid GOSUMDB', input: 'go: corp.example/hello@v1.0.0: verifying go.mod: invalid GOSUMDB: malformed verifier id', class: 'config.invalid' },
  { section: '4.2 wrong key', input: 'go: corp.example/hello@v1.0.0: verifying go.mod: reading tree note: note has no verifiable signatures', class: 'config.invalid' },
  { section: '6.8 GOVCS denial', input: 'go: vanity.corp.example/svn@v1.0.0: unrecognized import path "vanity.corp.example/svn": GOVCS disallows using svn for public vanity.corp.example/svn; see \'go help vcs\'', class: 'config.invalid' },
  { section: '3.5 GOVCS parse error', input: 'go: vanity.corp.example/x@v1.0.0: unrecognized import path "vanity.corp.example/x": malformed entry in GOVCS (missing colon): "git"', class: 'config.invalid' },
  { section: '6.8 -mod=vendor query', input: 'go: corp.example/hello@latest: cannot query module due to -mod=vendor\n\t(Go version in go.mod is at least 1.14 and vendor directory exists.)', class: 'vendor.inconsistent' },
  { section: '6.8 -mod=vendor lookup', input: 'module lookup disabled by -mod=vendor', class: 'vendor.inconsistent' },
  { section: '6.8 -u with vendor', input: "go: can't determine available upgrades using the vendor directory\n\t(Use -mod=mod or -mod=readonly to bypass.)", class: 'vendor.inconsistent' },
  { section: '6.8 go.env missing', input: 'go: <mod>@<ver>: GOPROXY list is not the empty string, but contains no entries', class: 'config.invalid' },
  { section: '2.4 credentials on http', input: 'go: corp.example/hello@v1.0.0: refusing to pass credentials to insecure URL: http://alice:xxxxx@goproxy.corp.example/auth/corp.example/hello/@v/v1.0.0.info', class: 'config.invalid', hop: 'http://goproxy.corp.example' },
  { section: '2.4 GOAUTH', input: 'go: GOAUTH=off cannot be combined with other authentication commands (GOAUTH=off;netrc)', class: 'config.invalid' },
  { section: '9 -insecure', input: 'go: -insecure flag is no longer supported; use GOINSECURE instead', class: 'config.invalid' },
  { section: 'GOFLAGS', input: 'go: parsing $GOFLAGS: non-flag "x"', class: 'config.invalid' },
  // §6.9 checksums
  { section: '6.9 zip differs from go.sum', input: `verifying corp.example/hello@v1.0.0: checksum mismatch\n\tdownloaded: h1:hX+9…=\n\tgo.sum:     h1:HroL…=${MISMATCH_TAIL}`, class: 'checksum.mismatch', hop: null, step: 'zip', evidence: 'downloaded h1:hX+9…= ≠ go.sum h1:HroL…=' },
  { section: '6.9 go.mod differs from go.sum', input: `verifying corp.example/hello@v1.0.0/go.mod: checksum mismatch\n\tdownloaded: h1:hX+9…=\n\tgo.sum:     h1:HroL…=${MISMATCH_TAIL}`, class: 'checksum.mismatch', step: 'mod' },
  { section: '6.9 workspace sums', input: `verifying corp.example/hello@v1.0.0: checksum mismatch\n\tdownloaded: h1:hX+9…=\n\tgo.work.sum: h1:HroL…=${MISMATCH_TAIL}`, class: 'checksum.mismatch', evidence: 'go.work.sum h1:HroL…=' },
  { section: '6.9 differs from checksum DB', input: `go: corp.example/hello@v1.0.0: verifying module: checksum mismatch\n\tdownloaded: h1:HroL…=\n\tsum.golang.org: h1:AAAA…=${DB_MISMATCH_TAIL}`, class: 'checksum.mismatch', hop: 'https://sum.golang.org', evidence: 'downloaded h1:HroL…= ≠ sum.golang.org h1:AAAA…=', adapted: '<sumdb name> → sum.golang.org' },
  { section: '6.9 DB history forked', input: 'SECURITY ERROR\ngo.sum database server misbehavior detected!\n\nold database:\n\tgo.sum database tree\n\t15583996\nnew database:\n\tgo.sum database tree\n\t15949845\nproof of misbehavior:', class: 'checksum.mismatch' },
  { section: '6.9 DB record not authenticated', input: '<mod>@<ver>: cannot authenticate record data in server response', class: 'checksum.mismatch' },
  { section: '6.9 DB unreachable (TLS)', input: 'go: corp.example/hello@v1.0.0: verifying go.mod: corp.example/hello@v1.0.0/go.mod: Get "https://sum.golang.org/lookup/corp.example/hello@v1.0.0": x509: certificate signed by unknown authority', class: 'sumdb.unreachable', hop: 'https://sum.golang.org', step: 'sumdb-lookup', evidence: 'tls.unknown_authority' },
  { section: '6.9 DB unreachable (TLS, go get)', input: 'go: corp.example/hello@v1.0.0: verifying module: corp.example/hello@v1.0.0: Get "https://sum.golang.org/lookup/…": x509: certificate signed by unknown authority', class: 'sumdb.unreachable', evidence: 'tls.unknown_authority' },
  { section: '6.9 DB unreachable (DNS)', input: '… verifying go.mod: …/go.mod: Get "https://sum.golang.org/lookup/…": dial tcp: lookup sum.golang.org on 127.0.0.1:53: no such host', class: 'sumdb.unreachable', evidence: 'dns.nxdomain' },
  { section: '6.9 DB URL refused', input: '… verifying go.mod: …/go.mod: Get "http://127.0.0.1:9998/lookup/…": dial tcp 127.0.0.1:9998: connect: connection refused', class: 'sumdb.unreachable', hop: 'http://127.0.0.1:9998', evidence: 'tcp.refused' },
  { section: '6.9 DB via proxy, tile missing', input: 'verifying module: <mod>@<ver>: checking tree#15583996 against tree#15949845: reading https://goproxy.io/sumdb/sum.golang.org/tile/8/1/237: 404 Not Found', class: 'sumdb.unreachable', hop: 'https://goproxy.io' },
  { section: '6.9 DB has no record', input: 'verifying module: <mod>@<ver>: reading https://sum.golang.org/lookup/<mod>@<ver>: 404 Not Found', class: 'sumdb.not_found', hop: 'https://sum.golang.org' },
  { section: '6.9 DB has no record (410, server response quoting git)', input: "go: corp.example/hello@v1.0.0: verifying module: corp.example/hello@v1.0.0: reading https://sum.golang.org/lookup/corp.example/hello@v1.0.0: 410 Gone\n\tserver response: not found: corp.example/hello@v1.0.0: unrecognized import path \"corp.example/hello\": https fetch: Get \"https://corp.example/hello?go-get=1\": dial tcp: lookup corp.example on 8.8.8.8:53: no such host", class: 'sumdb.not_found', adapted: 'server response filled in' },
  { section: '6.9 in tidy', input: 'go: finding module for package corp.example/hello\ngo: downloading corp.example/hello v1.1.0\nexample.com/app imports\n\tcorp.example/hello: corp.example/hello@v1.1.0: verifying module: corp.example/hello@v1.1.0: Get "https://sum.golang.org/lookup/corp.example/hello@v1.1.0": x509: …', class: 'sumdb.unreachable' },
  { section: '6.9 missing go.sum line, build', input: 'main.go:2:8: missing go.sum entry for module providing package corp.example/hello (imported by example.com/app); to add:\n\tgo get example.com/app', class: 'gosum.missing' },
  { section: '6.9 missing go.sum, other form', input: 'missing go.sum entry needed to verify package <p> is provided by exactly one module', class: 'gosum.missing' },
  { section: '6.9 missing go.sum, download form', input: '<mod>@<ver>: missing go.sum entry; to add it:\n\tgo mod download <mod>', class: 'gosum.missing' },
  { section: '6.9 no requirement', input: 'main.go:2:8: no required module provides package corp.example/hello; to add it:\n\tgo get corp.example/hello', class: 'gosum.missing' },
  // §6.10 direct mode
  { section: '6.10 private repo, no credentials', input: `go: vanity.corp.example/private@v1.0.0: invalid version: git ls-remote -q origin in <GOMODCACHE>/cache/vcs/<hash>: exit status 128:\n\tfatal: could not read Username for 'https://git.corp.example': terminal prompts disabled${GIT_HELP}`, class: 'vcs.auth_required', hop: 'https://git.corp.example', step: 'git-refs' },
  { section: '6.10 GIT_TERMINAL_PROMPT=1 without TTY', input: `go: vanity.corp.example/private@v1.0.0: invalid version: git ls-remote -q origin in <GOMODCACHE>/cache/vcs/<hash>: exit status 128:\n\tfatal: could not read Username for 'https://git.corp.example': No such device or address${GIT_HELP}`, class: 'vcs.auth_required' },
  { section: '6.10 wrong credentials (hosting service)', input: "\tremote: HTTP Basic: Access denied\n\tfatal: Authentication failed for 'https://git.corp.example/private.git/'", class: 'vcs.auth_required', hop: 'https://git.corp.example' },
  { section: '6.10 repo missing', input: "go: vanity.corp.example/gone@v1.0.0: invalid version: git ls-remote -q origin in <…>: exit status 128:\n\tremote: Repository not found\n\tfatal: repository 'https://git.corp.example/gone.git/' not found", class: 'vcs.unknown_revision', hop: 'https://git.corp.example' },
  { section: '6.10 ssh unreachable', input: '\tssh: connect to host git.corp.example port 22: Connection refused\n\tfatal: Could not read from remote repository.\n\t\n\tPlease make sure you have the correct access rights\n\tand the repository exists.', class: 'tcp.refused', hop: 'ssh://git.corp.example' },
  { section: '6.10 ssh key', input: 'git@host: Permission denied (publickey).', class: 'vcs.auth_required' },
  { section: '6.10 host key', input: 'Host key verification failed.', class: 'vcs.auth_required' },
  { section: '6.10 unknown tag', input: 'go: vanity.corp.example/hello@v9.9.9: invalid version: unknown revision v9.9.9', class: 'vcs.unknown_revision' },
  { section: '6.10 unknown hash in pseudo-version', input: 'go: vanity.corp.example/hello@v0.0.0-20200101000000-abcdefabcdef: invalid version: unknown revision abcdefabcdef', class: 'vcs.unknown_revision' },
  { section: '6.10 query matches nothing', input: 'go: vanity.corp.example/hello@v1.2: no matching versions for query "v1.2"', class: 'module.not_found' },
  { section: '6.10 no meta tag', input: 'go: vanity.corp.example/nometa@v1.0.0: unrecognized import path "vanity.corp.example/nometa": parse https://vanity.corp.example/nometa?go-get=1: no go-import meta tags ()', class: 'vcs.unrecognized_import_path', hop: 'https://vanity.corp.example', step: 'discovery', evidence: 'no go-import meta tags' },
  { section: '6.10 tag for another prefix', input: '… parse https://vanity.corp.example/mismatch?go-get=1: no go-import meta tags (meta tag other.example/foo did not match import path vanity.corp.example/mismatch)', class: 'vcs.unrecognized_import_path' },
  { section: '6.10 discovery status', input: '… unrecognized import path "vanity.corp.example/notfound": reading https://vanity.corp.example/notfound?go-get=1: 404 Not Found\n\tserver response: 404 page not found', class: 'vcs.unrecognized_import_path', hop: 'https://vanity.corp.example', evidence: 'module.not_found: HTTP 404 Not Found' },
  { section: '6.10 discovery network', input: '… unrecognized import path "nxhost.example/foo": https fetch: Get "https://nxhost.example/foo?go-get=1": dial tcp: lookup nxhost.example on 127.0.0.1:53: no such host', class: 'vcs.unrecognized_import_path', hop: 'https://nxhost.example', evidence: 'dns.nxdomain' },
  { section: '6.10 discovery TLS', input: '… https fetch: Get "https://expired.corp.example/foo?go-get=1": x509: certificate has expired or is not yet valid: …', class: 'vcs.unrecognized_import_path', evidence: 'tls.expired' },
  { section: '6.10 GOINSECURE fallback', input: '… http/https fetch: Get "http://nxhost.example/foo?go-get=1": …', class: 'vcs.unrecognized_import_path' },
  { section: '6.10 major version mismatch', input: 'go: vanity.corp.example/hello@v2.0.0: invalid version: module contains a go.mod file, so module path must match major version ("vanity.corp.example/hello/v2")', class: 'input.invalid_version' },
  { section: '6.10 bad pseudo-version', input: 'go: vanity.corp.example/hello@v1.0.1-0.20200101000000-4c8a34a4a134: invalid pseudo-version: does not match version-control timestamp (expected 20261124051731)', class: 'input.invalid_version' },
  { section: '6.10 module path mismatch in repo', input: '<file> has post-<vN> module path "<p>" at revision <rev>', class: 'input.invalid_version' },
  // §6.11 input validation
  { section: '6.11 uppercase host', input: "go: Corp.example/foo@v1.0.0: malformed module path \"Corp.example/foo\": invalid char 'C' in first path element", class: 'input.invalid_module_path' },
  { section: '6.11 no dot', input: 'go: foo/bar@v1.0.0: malformed module path "foo/bar": missing dot in first path element', class: 'input.invalid_module_path' },
  { section: '6.11 no dot, no version', input: 'go: malformed module path "foo/bar": missing dot in first path element', class: 'input.invalid_module_path' },
  { section: '6.11 space', input: "go: corp.example/hel lo@v1.0.0: malformed module path \"corp.example/hel lo\": invalid char ' '", class: 'input.invalid_module_path' },
  { section: '6.11 URL pasted', input: "go: https:/corp.example/hello@v1.0.0: malformed module path \"https:/corp.example/hello\": invalid char ':'", class: 'input.invalid_module_path' },
  { section: '6.11 not a known dependency', input: 'go: module corp.example/hello: not a known dependency', class: 'input.invalid_module_path' },
  { section: '6.11 @version in import path', input: 'import path "<p>" should not have @version', class: 'input.invalid_module_path' },
  { section: '6.11 package absent', input: 'go: module corp.example/hello@v1.0.0 found, but does not contain package corp.example/hello/v2', class: 'module.not_found' },
  // §6.12 vendoring
  { section: '6.12 inconsistent vendoring', input: 'go: inconsistent vendoring in <module root>:\n\tcorp.example/hello@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\tTo sync the vendor directory, run:\n\t\tgo mod vendor', class: 'vendor.inconsistent' },
  { section: '6.12 missing vendored package', input: 'x.go:2:8: cannot find package "." in:\n\t<module root>/vendor/<path>', class: 'vendor.inconsistent' },
  // §6.13 toolchains
  { section: '6.13 toolchain not available', input: 'go: downloading go1.22 (linux/amd64)\ngo: download go1.22 for linux/amd64: toolchain not available', class: 'toolchain.unavailable' },
  { section: '6.13 no switch allowed', input: 'go: go.mod requires go >= 1.23.0 (running go 1.22.2; GOTOOLCHAIN=local)', class: 'toolchain.unavailable' },
  { section: '6.13 bad GOTOOLCHAIN', input: 'go: invalid GOTOOLCHAIN "go1.2x"', class: 'config.invalid' },
  { section: '6.13 GOTOOLCHAIN=path', input: 'go: cannot find "go1.23.0" in PATH', class: 'toolchain.unavailable' },
  { section: '6.13 network during toolchain download', input: 'go: download go1.22.1 for linux/amd64: golang.org/toolchain@v0.0.1-go1.22.1.linux-amd64.zip: Get "https://goproxy.corp.example/golang.org/toolchain/@v/v0.0.1-go1.22.1.linux-amd64.zip": dial tcp 10.0.0.5:443: i/o timeout', class: 'tcp.timeout', hop: 'https://goproxy.corp.example', step: 'zip' },
  // §2.3 file:// proxies, redirects
  { section: '2.3 file proxy miss', input: 'go: corp.example/hello@v1.0.0: reading file:///x/corp.example/hello/@v/v1.0.0.info: no such file or directory', class: 'module.not_found' },
  { section: 'redirect loop', input: 'go: corp.example/hello@v1.0.0: Get "https://goproxy.corp.example/loop/corp.example/hello/@v/v1.0.0.info": stopped after 10 redirects', class: 'http.redirect_loop', hop: 'https://goproxy.corp.example' },
];

/** `GOFLAGS=-x go mod download -json` with GOPROXY=off hiding a checksum-DB failure (§6.8) — shape observed with go1.19. */
export const X_TRACE_HIDDEN_SUMDB = [
  '# get https://sum.golang.org/lookup/corp.example/hello@v1.0.0',
  '# get https://sum.golang.org/lookup/corp.example/hello@v1.0.0: Get "https://sum.golang.org/lookup/corp.example/hello@v1.0.0": dial tcp 142.250.0.1:443: i/o timeout (30.001s)',
  '{',
  '\t"Path": "corp.example/hello",',
  '\t"Version": "v1.0.0",',
  '\t"Error": "module lookup disabled by GOPROXY=off"',
  '}',
].join('\n');

/** `go mod download -json` of two modules, one failing with a multi-line error. */
export const JSON_STREAM = [
  '{',
  '\t"Path": "corp.example/ok",',
  '\t"Version": "v1.0.0",',
  '\t"Info": "/home/u/go/pkg/mod/cache/download/corp.example/ok/@v/v1.0.0.info",',
  '\t"GoMod": "/home/u/go/pkg/mod/cache/download/corp.example/ok/@v/v1.0.0.mod"',
  '}',
  '{',
  '\t"Path": "corp.example/hello",',
  '\t"Version": "v1.0.0",',
  '\t"Error": "corp.example/hello@v1.0.0: reading https://goproxy.corp.example/s403/corp.example/hello/@v/v1.0.0.info: 403 Forbidden\\n\\tserver response: forbidden: artifact blocked by policy"',
  '}',
].join('\n');

/** Several errors at once, with progress lines interleaved (go build of two missing modules). */
export const MULTI_ERROR = [
  'go: downloading corp.example/a v1.0.0',
  'go: downloading corp.example/b v1.0.0',
  'go: corp.example/a@v1.0.0: Get "https://goproxy.corp.example/corp.example/a/@v/v1.0.0.zip": dial tcp 10.1.2.3:443: i/o timeout',
  'go: downloading corp.example/c v1.0.0',
  'go: corp.example/b@v1.0.0: reading https://goproxy.corp.example/corp.example/b/@v/v1.0.0.zip: 410 Gone',
  '\tserver response: not found: gone',
].join('\n');

/** A checksum mismatch printed after another error: the mismatch (P0) is the primary. */
export const MISMATCH_AFTER_OTHER = [
  'go: corp.example/a@v1.0.0: reading https://goproxy.corp.example/corp.example/a/@v/v1.0.0.info: 404 Not Found',
  'verifying corp.example/hello@v1.0.0: checksum mismatch',
  '\tdownloaded: h1:hX+9aaaa=',
  '\tgo.sum:     h1:HroLbbbb=',
  '',
  'SECURITY ERROR',
  'This download does NOT match an earlier download recorded in go.sum.',
].join('\n');
