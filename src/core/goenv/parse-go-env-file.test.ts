import { describe, expect, it } from 'vitest';
import { parseGoEnvFile, STANDARD_GOROOT_GO_ENV } from './parse-go-env-file.js';

describe('parseGoEnvFile', () => {
  // Observed with Go 1.19: `go env` printed GOPROXY=https://second.example, GOPRIVATE='a.example ' and GOSUMDB='off\r'.
  it('reads KEY=VALUE lines untrimmed, skips comments and lowercase keys, and lets a later line win', () => {
    const text = 'GOPROXY=https://file.example\n# comment\ngoprivate=x\nGOPRIVATE=a.example \nGONOSUMDB=\nGOSUMDB=off\r\nGOPROXY=https://second.example\n=bad\n';
    expect(parseGoEnvFile(text)).toEqual({
      GOPROXY: 'https://second.example', GOPRIVATE: 'a.example ', GONOSUMDB: '', GOSUMDB: 'off\r',
    });
  });

  it('keeps everything after the first = in the value', () => {
    expect(parseGoEnvFile('GOFLAGS=-mod=mod -tags=a,b')).toEqual({ GOFLAGS: '-mod=mod -tags=a,b' });
  });

  it('reads the standard $GOROOT/go.env', () => {
    expect(parseGoEnvFile(STANDARD_GOROOT_GO_ENV)).toEqual({
      GOPROXY: 'https://proxy.golang.org,direct', GOSUMDB: 'sum.golang.org', GOTOOLCHAIN: 'auto',
    });
  });
});
