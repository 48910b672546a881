import { describe, expect, it } from 'vitest';
import { findNetrcCredentials } from './find-netrc-credentials.js';
import { parseNetrc } from './parse-netrc.js';

const NETRC = parseNetrc([
  'machine goproxy.corp.example login alice password first',
  'machine goproxy.corp.example login bob password second',
  'machine goproxy.corp.example:8443 login carol password port',
  'machine 10.0.0.5 login dave password ip',
  'machine ::1 login erin password v6',
].join('\n'));

describe('findNetrcCredentials', () => {
  it.each([
    ['https://goproxy.corp.example/corp.example/m/@v/list', 'alice'],
    ['https://goproxy.corp.example:8443/x', 'alice'],
    ['https://GOPROXY.corp.example/x', null],
    ['http://goproxy.corp.example/x', null],
    ['https://other.example/x', null],
    ['https://10.0.0.5:443/x', 'dave'],
    ['https://[::1]:8443/x', 'erin'],
    ['https://bad host/x', null],
  ])('picks the entry for %j by host name only, https only', (url, login) => {
    expect(findNetrcCredentials(NETRC, url)?.login ?? null).toBe(login);
  });
});
