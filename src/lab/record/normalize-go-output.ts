/** What to take out of the go command's output before it becomes a committed fixture. */
export interface NormalizeRules {
  /** `[actual, placeholder]` pairs, e.g. the sandbox's GOMODCACHE → `<GOMODCACHE>`. */
  readonly paths: ReadonlyArray<readonly [string, string]>;
  /** Literal strings (passwords, tokens) replaced by `<redacted>`. */
  readonly secrets: readonly string[];
  /** Loopback ports that mean something and stay (53, 80, 443 inside the recorder's namespace). */
  readonly keepPorts: readonly number[];
}

const LOOPBACK_PORT = /(127\.0\.0\.1|localhost|\[::1\]):(\d+)/g;
/** `-x` output times every request: `# get https://…: 200 OK (0.012s)`. */
const REQUEST_TIME = /\((\d+\.\d+)s\)/g;
/** `-x` output times every command it ran: `0.005s # cd …; git tag -l`. */
const COMMAND_TIME = /^\d+\.\d+s # /gm;
/** x509 expiry errors print the clock: `current time 2026-12-07T17:10:05Z is after …`. */
const CURRENT_TIME = /current time \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g;
const URL_PASSWORD = /(\/\/[^/\s:@]+):([^/\s@]+)@/g;
const SECRET_NAME = /TOKEN|PASSWORD|SECRET|PASS$|AUTHORIZATION/i;

/** Replaces sandbox paths, secrets, ephemeral loopback ports and request timings by placeholders. */
export function normalizeGoOutput(text: string, rules: NormalizeRules): string {
  let out = text;
  for (const [actual, placeholder] of [...rules.paths].sort((a, b) => b[0].length - a[0].length)) {
    if (actual !== '') out = out.replaceAll(actual, placeholder);
  }
  for (const secret of rules.secrets) {
    if (secret !== '') out = out.replaceAll(secret, '<redacted>');
  }
  out = out.replace(URL_PASSWORD, '$1:<redacted>@');
  out = out.replace(LOOPBACK_PORT, (match, host: string, port: string) =>
    (rules.keepPorts.includes(Number(port)) ? match : `${host}:<port>`));
  return out.replace(REQUEST_TIME, '(<time>)').replace(COMMAND_TIME, '<time> # ').replace(CURRENT_TIME, 'current time <now>');
}

/** Normalizes an environment for a fixture; variables named like secrets keep only their name. */
export function redactGoEnv(env: Readonly<Record<string, string>>, rules: NormalizeRules): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out[name] = SECRET_NAME.test(name) ? '<redacted>' : normalizeGoOutput(value, rules);
  }
  return out;
}

/** Keeps a fixture small: at most `maxBytes` of UTF-8, the head and the tail (where go prints the error). */
export function trimOutput(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  const head = Math.floor(maxBytes / 4);
  const tail = maxBytes - head;
  const cut = bytes.length - head - tail;
  return `${bytes.subarray(0, head).toString('utf8')}\n[… ${cut} bytes trimmed …]\n${bytes.subarray(bytes.length - tail).toString('utf8')}`;
}
