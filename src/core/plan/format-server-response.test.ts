import { describe, expect, it } from 'vitest';
import { formatServerResponse } from './format-server-response.js';

describe('formatServerResponse', () => {
  it('shows a one-line text/plain body on the status line\'s next line', () => {
    expect(formatServerResponse('text/plain; charset=utf-8', 'not found: gone\n')).toBe('\n\tserver response: not found: gone');
  });
  it('shows several lines tab-indented and stops at a blank line', () => {
    expect(formatServerResponse('text/plain', 'a\nb\n\nc')).toBe('\n\tserver response:\n\ta\n\tb');
  });
  it('gives no detail for HTML bodies or other charsets', () => {
    expect(formatServerResponse('text/html', '<html>')).toBe('');
    expect(formatServerResponse('text/plain; charset=latin1', 'x')).toBe('');
    expect(formatServerResponse(undefined, 'x')).toBe('');
  });
  it('cuts at 8 lines', () => {
    const body = Array.from({ length: 12 }, (_, i) => `l${i}`).join('\n');
    const kept = Array.from({ length: 8 }, (_, i) => `l${i}`).join('\n\t');
    expect(formatServerResponse('text/plain', body)).toBe(`\n\tserver response:\n\t${kept}\n\t[Truncated: too many lines.]`);
  });
});
