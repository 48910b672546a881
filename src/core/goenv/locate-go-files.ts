/**
 * Where the go command reads its files, computed from the environment (no I/O). `platform` is Node's
 * process.platform value. https://pkg.go.dev/cmd/go#hdr-Environment_variables
 */
export type Env = Readonly<Record<string, string | undefined>>;

export type LocatedFile = { readonly path: string } | { readonly path: null; readonly reason: string };

function get(env: Env, key: string): string {
  return env[key] ?? '';
}

function join(platform: string, ...parts: string[]): string {
  const sep = platform === 'win32' ? '\\' : '/';
  return parts.map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, '') : p.replace(/^[\\/]+|[\\/]+$/g, ''))).join(sep)
    .split('/').join(sep);
}

/** os.UserConfigDir. */
export function locateUserConfigDir(env: Env, platform: string): LocatedFile {
  if (platform === 'win32') {
    const dir = get(env, 'AppData');
    return dir === '' ? { path: null, reason: '%AppData% is not defined' } : { path: dir };
  }
  if (platform === 'darwin') {
    const home = get(env, 'HOME');
    return home === '' ? { path: null, reason: '$HOME is not defined' } : { path: join(platform, home, 'Library/Application Support') };
  }
  const xdg = get(env, 'XDG_CONFIG_HOME');
  if (xdg !== '') {
    // Go 1.19 accepts a relative value (observed: XDG_CONFIG_HOME=rel gives GOENV=rel/go/env).
    return { path: xdg };
  }
  const home = get(env, 'HOME');
  return home === '' ? { path: null, reason: 'neither $XDG_CONFIG_HOME nor $HOME are defined' } : { path: join(platform, home, '.config') };
}

/** cfg.EnvFile: $GOENV, else <UserConfigDir>/go/env; `GOENV=off` disables it. */
export function locateGoEnvFile(env: Env, platform: string): LocatedFile {
  const goenv = get(env, 'GOENV');
  if (goenv === 'off') return { path: null, reason: 'GOENV=off' };
  if (goenv !== '') return { path: goenv };
  const dir = locateUserConfigDir(env, platform);
  return dir.path === null ? dir : { path: join(platform, dir.path, 'go/env') };
}

/** auth.netrcPath: $NETRC, else the home directory's .netrc (_netrc on Windows). */
export function locateNetrcFile(env: Env, platform: string): LocatedFile {
  const netrc = get(env, 'NETRC');
  if (netrc !== '') return { path: netrc };
  const homeKey = platform === 'win32' ? 'USERPROFILE' : 'HOME';
  const home = get(env, homeKey);
  if (home === '') return { path: null, reason: `$${homeKey} is not defined` };
  return { path: join(platform, home, platform === 'win32' ? '_netrc' : '.netrc') };
}

/** $GOROOT/go.env (read by Go ≥ 1.21); `goroot` is `go env GOROOT`. */
export function locateGorootGoEnv(goroot: string | null, platform: string): LocatedFile {
  if (goroot === null || goroot === '') return { path: null, reason: 'GOROOT unknown' };
  return { path: join(platform, goroot, 'go.env') };
}
