import { describe, expect, it } from 'vitest';
import { checkVerifierKey, parseGosumdb, SUM_GOLANG_ORG_KEY } from './parse-gosumdb.js';

// [vkey, name, error] from Go 1.19's vendored golang.org/x/mod/sumdb/note.NewVerifier.
const VERIFIER_CASES: readonly (readonly [string, string, string])[] = [["sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "sum.golang.org", "<nil>"], ["sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn9", "", "invalid verifier hash"], ["sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "", "invalid verifier hash"], ["sum.golang.org+033DE0AE+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8", "sum.golang.org", "<nil>"], ["unknown.example", "", "malformed verifier id"], ["sum.example+5226e24b+AbLyVfIo/l7JsD8fSw2BUkVtg3Mcpb2nmo01ior1l1s+", "sum.example", "<nil>"], ["sumdb.corp.example/path+f21a6fb4+AXntpBU+njnry4bc/0Z4XSsl76P+VCJQtrSyy2Kxux8s", "sumdb.corp.example/path", "<nil>"], ["sum.example+5226e24+AbLyVfIo/l7JsD8fSw2BUkVtg3Mcpb2nmo01ior1l1s+", "", "malformed verifier id"], ["sum.example+5226e24b+AbLyVfIo/l7JsD8fSw2BUkVtg3Mcpb2nmo01ior1l1s", "", "malformed verifier id"], ["+5226e24b+AbLy", "", "malformed verifier id"], ["sum example+5226e24b+AbLyVfIo/l7JsD8fSw2BUkVtg3Mcpb2nmo01ior1l1s+", "", "malformed verifier id"], ["x+00000000+AA==", "", "invalid verifier hash"], ["x+00000000+", "", "malformed verifier id"], ["sum.example+5226e24b+AbLyVfIo/l7JsD8fSw2BUkVtg3Mcpb2nmo01ior1l1s+=", "", "malformed verifier id"], ["alg.example+438c5ff4+AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", "unknown verifier algorithm"], ["short.example+2b03bd67+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "", "malformed verifier id"], ["sum.example?x+b452f623+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "sum.example?x", "<nil>"], ["sum.example/+ff0c9ebd+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "sum.example/", "<nil>"]];

const SUM_EXAMPLE_KEY = 'sum.example+5226e24b+AbLyVfIo/l7JsD8fSw2BUkVtg3Mcpb2nmo01ior1l1s+';

describe('checkVerifierKey', () => {
  it.each(VERIFIER_CASES)('checks %j like note.NewVerifier', (vkey, name, error) => {
    expect(checkVerifierKey(vkey)).toEqual(error === '<nil>' ? { ok: true, name } : { ok: false, error });
  });
});

describe('parseGosumdb', () => {
  // Error texts observed with Go 1.19 (`go: m@v: verifying go.mod: <text>`).
  it.each([
    ['off', { kind: 'off' }],
    ['sum.golang.org', { kind: 'db', name: 'sum.golang.org', key: SUM_GOLANG_ORG_KEY, url: null }],
    ['sum.golang.google.cn', { kind: 'db', name: 'sum.golang.org', key: SUM_GOLANG_ORG_KEY, url: 'https://sum.golang.google.cn' }],
    [SUM_GOLANG_ORG_KEY, { kind: 'db', name: 'sum.golang.org', key: SUM_GOLANG_ORG_KEY, url: null }],
    ['sum.golang.org https://sumdb.corp.example/mirror', { kind: 'db', name: 'sum.golang.org', key: SUM_GOLANG_ORG_KEY, url: 'https://sumdb.corp.example/mirror' }],
    [`${SUM_EXAMPLE_KEY}  http://127.0.0.1:1/x`, { kind: 'db', name: 'sum.example', key: SUM_EXAMPLE_KEY, url: 'http://127.0.0.1:1/x' }],
    [' ', { kind: 'invalid', error: 'missing GOSUMDB' }],
    ['', { kind: 'invalid', error: 'missing GOSUMDB' }],
    ['a b c', { kind: 'invalid', error: 'invalid GOSUMDB: too many fields' }],
    ['sum.golang.org https://bad host', { kind: 'invalid', error: 'invalid GOSUMDB: too many fields' }],
    ['unknown.example', { kind: 'invalid', error: 'invalid GOSUMDB: malformed verifier id' }],
    ['sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn9', { kind: 'invalid', error: 'invalid GOSUMDB: invalid verifier hash' }],
    ['sum.golang.org ://x', { kind: 'invalid', error: 'invalid GOSUMDB URL: parse "://x": missing protocol scheme' }],
    ['sum.example?x+b452f623+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { kind: 'invalid', error: 'invalid sumdb name (must be host[/path]): sum.example?x {Scheme:https Opaque: User: Host:sum.example Path: RawPath: OmitHost:false ForceQuery:false RawQuery:x Fragment: RawFragment:}' }],
    ['sum.example/+ff0c9ebd+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { kind: 'invalid', error: 'invalid sumdb name (must be host[/path]): sum.example/ {Scheme:https Opaque: User: Host:sum.example Path:/ RawPath: OmitHost:false ForceQuery:false RawQuery: Fragment: RawFragment:}' }],
  ] as const)('reads GOSUMDB=%j', (value, expected) => {
    expect(parseGosumdb(value)).toEqual(expected);
  });
});
