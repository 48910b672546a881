import { describe, expect, it } from 'vitest';
import { redactUrl } from './go-url.js';

describe('redactUrl', () => {
  it.each([
    ['https://alice:s3cret@goproxy.corp.example/auth/', 'https://alice:xxxxx@goproxy.corp.example/auth/'],
    ['https://alice@goproxy.corp.example/', 'https://alice@goproxy.corp.example/'],
    ['https://goproxy.corp.example/x?y=1', 'https://goproxy.corp.example/x?y=1'],
    ['not a url://u:p@h', 'not a url://xxxxx@h'],
  ])('redacts %s', (raw, expected) => {
    expect(redactUrl(raw)).toBe(expected);
  });
});
