/**
 * The Go environment as the go command builds it (process env over the GOENV file over defaults),
 * already parsed into what the planner needs. Built by `resolveGoEnv`; pure data.
 * See https://go.dev/ref/mod#environment-variables.
 */

/** The go command whose behaviour is followed. */
export interface GoVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** `go1.19.8` */
  readonly text: string;
  /** `path`: the go found on PATH; `default`: none found, the current release is assumed. */
  readonly source: 'path' | 'default';
}

export type FallThrough = 'not-found' | 'any-error';

export type ProxyEntry =
  /** The implicit first entry when GONOPROXY is set and GOPROXY is not exactly `direct`. */
  | { readonly kind: 'noproxy'; readonly fallThrough: 'not-found' }
  | { readonly kind: 'direct'; readonly fallThrough: FallThrough }
  | { readonly kind: 'off'; readonly fallThrough: FallThrough }
  /** `url` has its trailing `/` trimmed and may hold userinfo (never print it unredacted). */
  | { readonly kind: 'url'; readonly url: string; readonly fallThrough: FallThrough };

export type ProxyList =
  | { readonly ok: true; readonly entries: readonly ProxyEntry[] }
  /** The go command refuses every lookup with `error` (exact text, e.g. `GOPROXY list is not the empty string, but contains no entries`). */
  | { readonly ok: false; readonly error: string };

export type SumdbSetting =
  | { readonly kind: 'off' }
  /** `url` is set when GOSUMDB names one explicitly (then GOPROXY is bypassed for it). */
  | { readonly kind: 'db'; readonly name: string; readonly key: string; readonly url: string | null }
  | { readonly kind: 'invalid'; readonly error: string };

export interface NetrcEntry {
  readonly machine: string;
  readonly login: string;
  readonly password: string;
}

export interface HttpProxySettings {
  /** HTTPS_PROXY (else https_proxy), parsed the way Go 1.19 parses it (bare host:port gets http://). */
  readonly httpsProxy: string | null;
  readonly httpProxy: string | null;
  readonly noProxy: string;
  /** REQUEST_METHOD set: HTTP_PROXY is refused for http:// targets. */
  readonly cgi: boolean;
}

export interface GoFlags {
  readonly mod: '' | 'mod' | 'readonly' | 'vendor' | null;
  /** `go: parsing $GOFLAGS: …` or `-mod=… not supported …`: every command fails with it. */
  readonly error: string | null;
  readonly insecure: boolean;
}

export type SettingSource = 'env' | 'goenv-file' | 'default';

export interface GoEnv {
  readonly goVersion: GoVersion;
  /** Raw effective values, as `go env` would print them. */
  readonly values: Readonly<Record<GoEnvKey, string>>;
  readonly sources: Readonly<Record<GoEnvKey, SettingSource>>;
  readonly proxyList: ProxyList;
  readonly sumdb: SumdbSetting;
  readonly httpProxy: HttpProxySettings;
  readonly netrc: readonly NetrcEntry[];
  /** SSL_CERT_FILE / SSL_CERT_DIR: the trust roots the go command would use (null: the system's). */
  readonly trust: { readonly certFile: string | null; readonly certDirs: readonly string[] };
  readonly flags: GoFlags;
  readonly govcs: string;
}

export const GO_ENV_KEYS = [
  'GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOVCS', 'GOFLAGS',
  'GOTOOLCHAIN', 'GOENV',
] as const;

export type GoEnvKey = (typeof GO_ENV_KEYS)[number];

/** Everything `resolveGoEnv` needs, read by an adapter: files come in as their contents. */
export interface GoEnvInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Contents of the GOENV file (`go env -w` writes it), or null when absent or `GOENV=off`. */
  readonly goEnvFile: string | null;
  /** Contents of `$NETRC` or `~/.netrc`, or null. */
  readonly netrcFile: string | null;
  /** `go version` output of the go on PATH, or null when there is none. */
  readonly goVersionOutput: string | null;
}
