import { checkModulePath, checkModulePathReason } from './check-module-path.js';
import { escapeVersion } from './escape-module-path.js';
import { quoteGoString } from './quote-go-string.js';

/**
 * A `module[@version]` command-line argument checked the way the go command checks it before any request.
 * `go get` path.Cleans the part before the first `@` (so `https://x/y` becomes `https:/x/y`, a trailing `/`
 * disappears); `go mod download` does not clean (observed with Go 1.19). Without a version `go mod download`
 * looks the path up in go.mod first (`go: module <p>: not a known dependency`); the message given here for that
 * case is `go get`'s (`go: malformed module path …`).
 */
export type ModuleQuery =
  | { readonly ok: true; readonly module: string; readonly version: string | null }
  | {
    readonly ok: false;
    readonly class: 'input.invalid_module_path' | 'input.invalid_version';
    /** The line go prints, `go: …`. */
    readonly message: string;
    /** The bare reason (`missing dot in first path element`, `disallowed version string`). */
    readonly reason: string;
  };

export type QueryCommand = 'get' | 'mod download';

/** Go's path.Clean. */
export function cleanSlashPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const elem of p.split('/')) {
    if (elem === '' || elem === '.') continue;
    if (elem === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(elem);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

function invalidVersion(message: string, reason: string): ModuleQuery {
  return { ok: false, class: 'input.invalid_version', message, reason };
}

export function parseModuleQuery(arg: string, command: QueryCommand = 'get'): ModuleQuery {
  const at = arg.indexOf('@');
  const rawPath = at < 0 ? arg : arg.slice(0, at);
  const version = at < 0 ? null : arg.slice(at + 1);
  if (command === 'get' && version !== null && (version === '' || version.includes('@'))) {
    return invalidVersion(`go: invalid module version syntax ${quoteGoString(arg)}`, 'invalid module version syntax');
  }
  const module = command === 'get' ? cleanSlashPath(rawPath) : rawPath;
  const display = version === null ? module : `${module}@${version}`;
  const pathError = checkModulePath(module);
  const reason = checkModulePathReason(module);
  if (pathError !== null && reason !== null) {
    let message = `go: ${display}: ${pathError}`;
    if (version === null) message = `go: ${pathError}`;
    else if (version === '') message = `go: module ${module}: ${pathError}`;
    return { ok: false, class: 'input.invalid_module_path', message, reason };
  }
  if (version === '') return invalidVersion(`go: ${display}: invalid version: disallowed version string`, 'disallowed version string');
  if (version !== null) {
    const escaped = escapeVersion(version);
    if (!escaped.ok) return invalidVersion(`go: ${display}: invalid version: ${escaped.error}`, 'disallowed version string');
  }
  return { ok: true, module, version };
}
