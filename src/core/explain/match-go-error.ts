/**
 * The matchers of go-modules.md §10.1, as linear JavaScript regular expressions (no nested
 * quantifiers over the same text). They run on one error block at a time, never on the whole input.
 */

/** `reading <URL>: NNN …` + optional `server response` detail. */
export const HTTP_STATUS = /reading "?(\S+?)"?: (\d{3})\b([^\n]*)(?:\n\tserver response:(?: ([^\n]*)|((?:\n\t[^\n]*)+)))?/;
/** `Get "<URL>": <cause>`; unquoted before Go 1.14; `read "<URL>"` for body reads (Go 1.19+). */
export const TRANSPORT = /\b(?:Get|Head|Post|read) "?((?:https?|file):\/\/?[^"\s]+)"?: ([^\n]+)/;
export const PROXYCONNECT = /proxyconnect tcp: ([^\n]+)/;
export const DNS = /dial tcp: lookup (\S+?)(?: on (\S+?))?: ([^\n]+)/;
// `<port>` is the placeholder of recorded fixtures (test/fixtures/go), accepted so they can be explained as recorded.
export const DIAL = /dial tcp ([^\s:\]]+|\[[^\]]+\]):(\d+|<port>): (?:connect: )?(connection refused|i\/o timeout|network is unreachable|no route to host)/;
export const X509 = /(?:tls: failed to verify certificate: )?x509: ([^\n]+)/;
export const SUMDB = /verifying (module|go\.mod): (?!checksum mismatch)/;
/** Go ≤ 1.15 (`<mod>@<ver>/go.mod: verifying module: …`) and Go 1.13 (`verifying <mod>@<ver>: <mod>@<ver>: …`). */
export const SUMDB_OLD = /verifying \S+@\S+?: \S+@\S+?: (?!checksum mismatch)/;
export const MISMATCH = /checksum mismatch\n\tdownloaded: (h1:\S+)\n\t([^\s:]+(?:\.[^\s:]+)*):\s+(h1:\S+)/;
export const GIT_AUTH = /fatal: could not read (?:Username|Password) for '([^']+)': ([^\n]+)/;
export const UNRECOG = /unrecognized import path "([^"]+)": ([^\n]+)/;
export const MALFORMED = /malformed (?:module|import) path "([^"]*)": ([^\n]+)/;
export const INVALID_VERSION = /@(\S+): invalid (version|pseudo-version): ([^\n]+)/;
export const UNKNOWN_REV = /unknown revision (\S+)/;
export const OFF = /module lookup disabled by GOPROXY=off/;
