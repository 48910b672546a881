import { describe, expect, it } from 'vitest';
import { goPathEscape, hopOf, redactUrl, splitUrl } from './go-url.js';

describe('goPathEscape', () => {
  it.each([
    ['github.com/!burnt!sushi/toml', 'github.com/%21burnt%21sushi/toml'],
    ['v1.0.0+incompatible', 'v1.0.0+incompatible'],
    ["a b;c,d?e$&=:@'()*~", "a%20b%3Bc%2Cd%3Fe$&=:@%27%28%29%2A~"],
  ])('escapes %s like url.PathEscape with / kept', (input, expected) => {
    expect(goPathEscape(input)).toBe(expected);
  });
});

describe('redactUrl', () => {
  it('masks the password the way url.Redacted does', () => {
    expect(redactUrl('https://alice:s3cret@goproxy.corp.example/x')).toBe('https://alice:xxxxx@goproxy.corp.example/x');
    expect(redactUrl('https://alice:s3cret@goproxy.corp.example/x', '***')).toBe('https://alice:***@goproxy.corp.example/x');
    expect(redactUrl('https://goproxy.corp.example/x')).toBe('https://goproxy.corp.example/x');
  });
});

describe('splitUrl', () => {
  it('takes credentials off and fills in the default port', () => {
    expect(splitUrl('https://u:p%40ss@h.example/base')).toMatchObject({
      url: 'https://h.example/base', username: 'u', password: 'p@ss', origin: 'https://h.example', host: 'h.example', port: 443, scheme: 'https',
    });
    expect(hopOf('http://u:p@127.0.0.1:8080/a/b')).toBe('http://127.0.0.1:8080');
  });
});
