export interface ModuleVersion {
  readonly module: string;
  readonly version: string | null;
}

// `<mod>@<ver>: ` after `go: `, a tab, `verifying ` or a line start; never inside a URL (`https://…/@v/…`).
const MODULE_AT_VERSION = /(?:^|: |\t|verifying )([a-zA-Z0-9][^\s@:"]*)@([^\s/:"@]+)(?:\/go\.mod)?: /m;
const MODULE_ONLY = /(?:^|: |\t)module ([a-zA-Z0-9][^\s@:"]*): |(?:malformed module path|unrecognized import path) "([^"]+)"/m;

/** The module (and version) an error block is about, as the go command names it. */
export function extractModuleVersion(text: string): ModuleVersion | null {
  const at = MODULE_AT_VERSION.exec(text);
  if (at?.[1] && at[2]) return { module: at[1], version: at[2] };
  const only = MODULE_ONLY.exec(text);
  const module = only?.[1] ?? only?.[2];
  return module ? { module, version: null } : null;
}
