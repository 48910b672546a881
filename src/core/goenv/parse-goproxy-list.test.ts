import { describe, expect, it } from 'vitest';
import type { GoVersion } from './go-env.js';
import { parseProxyList } from './parse-goproxy-list.js';

const GO119: GoVersion = { major: 1, minor: 19, patch: 8, text: 'go1.19.8', source: 'path' };
const GO121: GoVersion = { major: 1, minor: 21, patch: 0, text: 'go1.21.0', source: 'path' };

const url = (u: string, fallThrough: 'not-found' | 'any-error' = 'not-found') => ({ kind: 'url', url: u, fallThrough });

describe('parseProxyList', () => {
  it.each([
    ['https://proxy.golang.org,direct', '', [url('https://proxy.golang.org'), { kind: 'direct', fallThrough: 'not-found' }]],
    ['https://a.example|https://b.example', '', [url('https://a.example', 'any-error'), url('https://b.example')]],
    ['https://a.example|https://b.example,direct', '', [url('https://a.example', 'any-error'), url('https://b.example'), { kind: 'direct', fallThrough: 'not-found' }]],
    ['https://a.example, direct', '', [url('https://a.example'), { kind: 'direct', fallThrough: 'not-found' }]],
    ['direct', 'corp.example', [{ kind: 'direct', fallThrough: 'not-found' }]],
    ['direct,off', 'corp.example', [{ kind: 'noproxy', fallThrough: 'not-found' }, { kind: 'direct', fallThrough: 'not-found' }]],
    ['off', 'corp.example', [{ kind: 'noproxy', fallThrough: 'not-found' }, { kind: 'off', fallThrough: 'not-found' }]],
    ['off|https://never.example', '', [{ kind: 'off', fallThrough: 'any-error' }]],
    ['direct,localhost', '', [{ kind: 'direct', fallThrough: 'not-found' }]],
    ['goproxy.corp:8443/x', '', [url('https://goproxy.corp:8443/x')]],
    ['https://goproxy.corp.example/', '', [url('https://goproxy.corp.example')]],
    ['file:///srv/goproxy', '', [url('file:///srv/goproxy')]],
    [' , off', '', [{ kind: 'off', fallThrough: 'not-found' }]],
    ['http://a.example#frag', '', [url('http://a.example#frag')]],
  ] as const)('parses GOPROXY=%j GONOPROXY=%j', (goproxy, gonoproxy, entries) => {
    expect(parseProxyList(goproxy, gonoproxy, GO119)).toEqual({ ok: true, entries });
  });

  // Error texts observed with Go 1.19 (`go: <mod>@<ver>: <text>`).
  it.each([
    [',', 'GOPROXY list is not the empty string, but contains no entries'],
    [' ', 'GOPROXY list is not the empty string, but contains no entries'],
    ['localhost', 'invalid proxy URL missing scheme: localhost'],
    ['noproxy', 'invalid proxy URL missing scheme: noproxy'],
    ['/abs/path', 'invalid proxy URL missing scheme: /abs/path'],
    ['ftp://x.example', 'invalid proxy URL scheme (must be https, http, file): ftp://x.example'],
    ['file://host/x', 'invalid file:// proxy URL with non-path elements: file://host/x'],
    ['file:///x?q=1', 'invalid file:// proxy URL with non-path elements: file:///x?q=1'],
    ['https://bad host/x', 'parse "https://bad host/x": invalid character " " in host name'],
    ['https://a.example/%zz', 'parse "https://a.example/%zz": invalid URL escape "%zz"'],
    ['https://[::1', 'parse "https://[::1": missing \']\' in host'],
    ['file:x', 'parse "https://file:x": invalid port ":x" after host'],
    ['https://a.example:port', 'parse "https://a.example:port": invalid port ":port" after host'],
    ['https://ok.example,ftp://u:pw@x.example', 'invalid proxy URL scheme (must be https, http, file): ftp://u:xxxxx@x.example'],
  ])('rejects GOPROXY=%j with %j', (goproxy, error) => {
    expect(parseProxyList(goproxy, '', GO119)).toEqual({ ok: false, error });
  });

  it('reports no entries when only the implicit noproxy entry is left', () => {
    expect(parseProxyList(',', 'corp.example', GO119)).toEqual({ ok: false, error: 'GOPROXY list is not the empty string, but contains no entries' });
  });

  it('treats an empty GOPROXY as the default before Go 1.21', () => {
    expect(parseProxyList('', '', GO119)).toEqual({ ok: true, entries: [url('https://proxy.golang.org'), { kind: 'direct', fallThrough: 'not-found' }] });
  });

  it('#61928: refuses every lookup with an empty GOPROXY from Go 1.21', () => {
    expect(parseProxyList('', '', GO121)).toEqual({ ok: false, error: 'GOPROXY list is not the empty string, but contains no entries' });
  });
});
