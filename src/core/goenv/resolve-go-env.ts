import { GO_ENV_KEYS, type GoEnv, type GoEnvInput, type GoEnvKey, type SettingSource } from './go-env.js';
import { parseGoVersion, goAtLeast } from './parse-go-version.js';
import { parseGoEnvFile, STANDARD_GOROOT_GO_ENV } from './parse-go-env-file.js';
import { parseProxyList } from './parse-goproxy-list.js';
import { parseGosumdb } from './parse-gosumdb.js';
import { parseHttpProxySettings } from './select-http-proxy.js';
import { parseNetrc } from './parse-netrc.js';
import { parseGoFlags } from './parse-goflags.js';

/** Built-in defaults of Go ≤ 1.20 (cfg.go); on ≥ 1.21 the same values come from the standard $GOROOT/go.env. */
const LEGACY_DEFAULTS: Partial<Record<GoEnvKey, string>> = {
  GOPROXY: 'https://proxy.golang.org,direct',
  GOSUMDB: 'sum.golang.org',
};

/** Go ≥ 1.24 applies .netrc only through GOAUTH (default `netrc`); `GOAUTH=off` or other commands skip it. */
function usesNetrc(goVersion: GoEnv['goVersion'], goauth: string): boolean {
  if (!goAtLeast(goVersion, 1, 24)) return true;
  return goauth.split(';').some((command) => command.trim().split(/\s+/u)[0] === 'netrc');
}

/**
 * The go command's view of its settings (cfg.Getenv/envOr): a non-empty process variable wins, then the go env
 * file, then the defaults ($GOROOT/go.env on Go ≥ 1.21, treated as the standard one; compiled-in before).
 * GONOPROXY and GONOSUMDB default to GOPRIVATE. https://go.dev/ref/mod#environment-variables
 */
export function resolveGoEnv(input: GoEnvInput): GoEnv {
  const goVersion = parseGoVersion(input.goVersionOutput);
  const fileValues = input.goEnvFile === null ? {} : parseGoEnvFile(input.goEnvFile);
  const gorootValues: Readonly<Record<string, string>> = goAtLeast(goVersion, 1, 21)
    ? parseGoEnvFile(STANDARD_GOROOT_GO_ENV)
    : {};
  const values = {} as Record<GoEnvKey, string>;
  const sources = {} as Record<GoEnvKey, SettingSource>;

  const lookup = (key: GoEnvKey): [string, SettingSource] => {
    const fromEnv = input.env[key];
    if (fromEnv !== undefined && fromEnv !== '') return [fromEnv, 'env'];
    if (key === 'GOENV') return ['', 'default'];
    const fromFile = fileValues[key];
    if (fromFile !== undefined) return [fromFile, 'goenv-file'];
    return [gorootValues[key] ?? '', 'default'];
  };

  for (const key of GO_ENV_KEYS) {
    let [value, source] = lookup(key);
    if (value === '' && !goAtLeast(goVersion, 1, 21)) {
      const legacy = LEGACY_DEFAULTS[key];
      if (legacy !== undefined) [value, source] = [legacy, 'default'];
    }
    values[key] = value;
    sources[key] = source;
  }
  for (const key of ['GONOPROXY', 'GONOSUMDB'] as const) {
    if (values[key] === '') {
      values[key] = values.GOPRIVATE;
      sources[key] = sources.GOPRIVATE;
    }
  }

  const certFile = input.env.SSL_CERT_FILE ?? '';
  const certDir = input.env.SSL_CERT_DIR ?? '';
  return {
    goVersion,
    values,
    sources,
    proxyList: parseProxyList(values.GOPROXY, values.GONOPROXY, goVersion),
    sumdb: parseGosumdb(values.GOSUMDB),
    httpProxy: parseHttpProxySettings(input.env),
    netrc: input.netrcFile === null || !usesNetrc(goVersion, input.env.GOAUTH || fileValues.GOAUTH || 'netrc')
      ? []
      : parseNetrc(input.netrcFile),
    trust: { certFile: certFile === '' ? null : certFile, certDirs: certDir.split(':').filter((d) => d !== '') },
    flags: parseGoFlags(values.GOFLAGS),
    govcs: values.GOVCS,
  };
}
