import { describe, expect, it } from 'vitest';
import { locateGoEnvFile, locateGorootGoEnv, locateNetrcFile } from './locate-go-files.js';

describe('locateGoEnvFile', () => {
  it.each([
    [{ GOENV: '/etc/go/env', HOME: '/home/a' }, 'linux', { path: '/etc/go/env' }],
    [{ GOENV: 'off', HOME: '/home/a' }, 'linux', { path: null, reason: 'GOENV=off' }],
    [{ HOME: '/home/a' }, 'linux', { path: '/home/a/.config/go/env' }],
    [{ GOENV: '', HOME: '/home/a/' }, 'linux', { path: '/home/a/.config/go/env' }],
    [{ XDG_CONFIG_HOME: '/tmp/gx/xdg', HOME: '/home/a' }, 'linux', { path: '/tmp/gx/xdg/go/env' }],
    [{ XDG_CONFIG_HOME: 'rel', HOME: '/home/a' }, 'linux', { path: 'rel/go/env' }],
    [{}, 'linux', { path: null, reason: 'neither $XDG_CONFIG_HOME nor $HOME are defined' }],
    [{ HOME: '/Users/a', XDG_CONFIG_HOME: '/ignored' }, 'darwin', { path: '/Users/a/Library/Application Support/go/env' }],
    [{ AppData: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', { path: 'C:\\Users\\a\\AppData\\Roaming\\go\\env' }],
    [{ USERPROFILE: 'C:\\Users\\a' }, 'win32', { path: null, reason: '%AppData% is not defined' }],
  ])('locates the go env file for %j on %s', (env, platform, expected) => {
    expect(locateGoEnvFile(env, platform)).toEqual(expected);
  });
});

describe('locateNetrcFile', () => {
  it.each([
    [{ NETRC: '/run/secrets/netrc', HOME: '/home/a' }, 'linux', { path: '/run/secrets/netrc' }],
    [{ HOME: '/home/a' }, 'linux', { path: '/home/a/.netrc' }],
    [{ USERPROFILE: 'C:\\Users\\a', HOME: '/ignored' }, 'win32', { path: 'C:\\Users\\a\\_netrc' }],
    [{}, 'linux', { path: null, reason: '$HOME is not defined' }],
  ])('locates the netrc file for %j on %s', (env, platform, expected) => {
    expect(locateNetrcFile(env, platform)).toEqual(expected);
  });
});

describe('locateGorootGoEnv', () => {
  it.each([
    ['/usr/local/go', 'linux', { path: '/usr/local/go/go.env' }],
    [null, 'linux', { path: null, reason: 'GOROOT unknown' }],
  ] as const)('locates go.env under %j', (goroot, platform, expected) => {
    expect(locateGorootGoEnv(goroot, platform)).toEqual(expected);
  });
});
