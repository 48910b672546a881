import { describe, expect, it } from 'vitest';
import { parseGoUrl, redactGoUrl } from './parse-go-url.js';

// [input, then either Go's url.Parse fields (scheme, opaque, username, password, host, path, rawQuery, fragment,
// Redacted()) or ['', error]] from Go 1.19's net/url.
const CASES: readonly (readonly string[])[] = [["https://bad host/x", "", "parse \"https://bad host/x\": invalid character \" \" in host name"], ["https://a.example/%zz", "", "parse \"https://a.example/%zz\": invalid URL escape \"%zz\""], ["https://[::1", "", "parse \"https://[::1\": missing ']' in host"], ["https://a.example:port", "", "parse \"https://a.example:port\": invalid port \":port\" after host"], ["file:x", "file", "x", "", "", "", "", "", "", "file:x"], ["file:///x?q=1", "file", "", "", "", "", "/x", "q=1", "", "file:///x?q=1"], ["file://host/x", "file", "", "", "", "host", "/x", "", "", "file://host/x"], ["http://a.example#frag", "http", "", "", "", "a.example", "", "", "frag", "http://a.example#frag"], ["https://u:p@a.example:99/p", "https", "", "u", "p", "a.example:99", "/p", "", "", "https://u:xxxxx@a.example:99/p"], ["https://u@a.example/", "https", "", "u", "", "a.example", "/", "", "", "https://u@a.example/"], ["https://u:p@[bad", "", "parse \"https://u:p@[bad\": missing ']' in host"], ["://x", "", "parse \"://x\": missing protocol scheme"], ["localhost", "", "", "", "", "", "localhost", "", "", "localhost"], ["/abs/path", "", "", "", "", "", "/abs/path", "", "", "/abs/path"], ["goproxy.corp:8443/x", "goproxy.corp", "8443/x", "", "", "", "", "", "", "goproxy.corp:8443/x"], ["https://a.example/%41b", "https", "", "", "", "a.example", "/Ab", "", "", "https://a.example/%41b"], ["https://a%41.example/", "", "parse \"https://a%41.example/\": invalid URL escape \"%41\""], ["https://a%2.example/", "", "parse \"https://a%2.example/\": invalid URL escape \"%2.\""], ["https://a.example/\u0001", "", "parse \"https://a.example/\\x01\": net/url: invalid control character in URL"], ["https://u%zz:p@x/", "", "parse \"https://u%zz:p@x/\": invalid URL escape \"%zz\""], ["HTTPS://A.example/", "https", "", "", "", "A.example", "/", "", "", "https://A.example/"], ["https://a.example?", "https", "", "", "", "a.example", "", "", "", "https://a.example?"], ["mailto:x@y", "mailto", "x@y", "", "", "", "", "", "", "mailto:x@y"], ["a:b/c", "a", "b/c", "", "", "", "", "", "", "a:b/c"], ["https://a.example:/x", "https", "", "", "", "a.example:", "/x", "", "", "https://a.example:/x"], ["https://[::1]:8443/x", "https", "", "", "", "[::1]:8443", "/x", "", "", "https://[::1]:8443/x"], ["https://[::1]x/", "", "parse \"https://[::1]x/\": invalid port \"x\" after host"], ["https://a.example/x#%zz", "", "parse \"https://a.example/x#%zz\": invalid URL escape \"%zz\""], ["https://x{y}/", "", "parse \"https://x{y}/\": invalid character \"{\" in host name"]];

describe('parseGoUrl', () => {
  it.each(CASES)('parses %j like net/url', (input, ...expected) => {
    const parsed = parseGoUrl(input);
    if (expected.length === 2) {
      expect(parsed).toEqual({ ok: false, error: expected[1] });
      return;
    }
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const u = parsed.url;
    expect([u.scheme, u.opaque, u.username ?? '', u.password ?? '', u.host, u.path, u.rawQuery, u.fragment])
      .toEqual(expected.slice(0, 8));
  });
});

describe('redactGoUrl', () => {
  it.each([
    ['https://alice:s3cret@goproxy.corp.example/auth', 'https://alice:xxxxx@goproxy.corp.example/auth'],
    ['https://alice@goproxy.corp.example/', 'https://alice@goproxy.corp.example/'],
    ['https://goproxy.corp.example/', 'https://goproxy.corp.example/'],
  ])('redacts %j to %j like URL.Redacted', (input, expected) => {
    expect(redactGoUrl(input)).toBe(expected);
  });
});
