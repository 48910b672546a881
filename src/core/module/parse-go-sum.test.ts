import { describe, expect, it } from 'vitest';
import { lookupGoSum, parseGoSum } from './parse-go-sum.js';

const GO_SUM = `github.com/BurntSushi/toml v1.2.1 h1:9F2/+DoOYIOksmaJFPw1tGFy1eDnIJXg+UHjuD8lTak=
github.com/BurntSushi/toml v1.2.1/go.mod h1:CxXYINrC8qIiEnFrOxCa7Jy5BFHlXnUU2pbicEuybxQ=

golang.org/x/mod v0.12.0 h1:rmsUpXtvNzj340zd98LZ4KntptpfRHwpFOHG188oHXc=
golang.org/x/mod v0.12.0 h1:second/alternative/hash/is/kept/too/xxxxxxxxxxx=
golang.org/x/mod v0.12.0/go.mod h1:iBbtSCu2XBx23ZKBPSOrRkjjQPZFPuis4dIYUhu/chs=
example.com/old v1.0.0 h2:someFutureHashAlgorithm=
example.com/empty v1.0.0/go.mod h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=
`;

describe('parseGoSum', () => {
  const parsed = parseGoSum(GO_SUM);
  const sum = parsed.ok ? parsed.sum : { hashes: new Map() };

  it.each([
    ['github.com/BurntSushi/toml', 'v1.2.1', 'zip', ['h1:9F2/+DoOYIOksmaJFPw1tGFy1eDnIJXg+UHjuD8lTak=']],
    ['github.com/BurntSushi/toml', 'v1.2.1', 'go.mod', ['h1:CxXYINrC8qIiEnFrOxCa7Jy5BFHlXnUU2pbicEuybxQ=']],
    ['golang.org/x/mod', 'v0.12.0', 'zip',
      ['h1:rmsUpXtvNzj340zd98LZ4KntptpfRHwpFOHG188oHXc=', 'h1:second/alternative/hash/is/kept/too/xxxxxxxxxxx=']],
    ['golang.org/x/mod', 'v0.12.0', 'go.mod', ['h1:iBbtSCu2XBx23ZKBPSOrRkjjQPZFPuis4dIYUhu/chs=']],
    ['example.com/old', 'v1.0.0', 'zip', []],
    ['example.com/empty', 'v1.0.0', 'go.mod', []],
    ['example.com/absent', 'v1.0.0', 'zip', []],
  ] as const)('finds %s %s (%s)', (module, version, kind, expected) => {
    expect(parsed.ok).toBe(true);
    expect(lookupGoSum(sum, module, version, kind)).toEqual(expected);
  });

  it('fails like cmd/go on a line with the wrong number of fields', () => {
    expect(parseGoSum('a.example/m v1.0.0 h1:x=\na.example/m v1.0.0\n', '/w/go.sum')).toEqual({
      ok: false, error: 'malformed go.sum:\n/w/go.sum:2: wrong number of fields 2\n',
    });
  });

  it('accepts CRLF line endings and tabs', () => {
    const crlf = parseGoSum('a.example/m\tv1.0.0 h1:x=\r\n');
    expect(crlf.ok && lookupGoSum(crlf.sum, 'a.example/m', 'v1.0.0', 'zip')).toEqual(['h1:x=']);
  });
});
