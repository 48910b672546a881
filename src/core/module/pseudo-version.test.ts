import { describe, expect, it } from 'vitest';
import { isPseudoVersion, pseudoVersionBase, pseudoVersionRevision, pseudoVersionTime } from './pseudo-version.js';

// [v, IsPseudoVersion, time, timeErr, rev, revErr, base, baseErr] from Go 1.19's vendored golang.org/x/mod/module.
const CASES: readonly (readonly [string, boolean, string, string, string, string, string, string])[] = [["v0.0.0-20191109021931-daa7c04131f5", true, "2019-11-09T02:19:31Z", "<nil>", "daa7c04131f5", "<nil>", "", "<nil>"], ["v1.2.4-0.20191109021931-daa7c04131f5", true, "2019-11-09T02:19:31Z", "<nil>", "daa7c04131f5", "<nil>", "v1.2.3", "<nil>"], ["v1.2.3-pre.0.20191109021931-daa7c04131f5", true, "2019-11-09T02:19:31Z", "<nil>", "daa7c04131f5", "<nil>", "v1.2.3-pre", "<nil>"], ["v1.2.3-pre.0.20191109021931-daa7c04131f5+incompatible", true, "2019-11-09T02:19:31Z", "<nil>", "daa7c04131f5", "<nil>", "v1.2.3-pre+incompatible", "<nil>"], ["v2.0.0-20191109021931-daa7c04131f5", true, "2019-11-09T02:19:31Z", "<nil>", "daa7c04131f5", "<nil>", "", "<nil>"], ["v1.2.3", false, "", "pseudo-version \"v1.2.3\" invalid: syntax error", "", "pseudo-version \"v1.2.3\" invalid: syntax error", "", "pseudo-version \"v1.2.3\" invalid: syntax error"], ["v0.0.0-2019110902193-daa7c04131f5", false, "", "pseudo-version \"v0.0.0-2019110902193-daa7c04131f5\" invalid: syntax error", "", "pseudo-version \"v0.0.0-2019110902193-daa7c04131f5\" invalid: syntax error", "", "pseudo-version \"v0.0.0-2019110902193-daa7c04131f5\" invalid: syntax error"], ["v0.0.0-20191309021931-daa7c04131f5", true, "", "pseudo-version \"v0.0.0-20191309021931-daa7c04131f5\" invalid: malformed time \"20191309021931\"", "daa7c04131f5", "<nil>", "", "<nil>"], ["v0.0.0-20190230021931-daa7c04131f5", true, "", "pseudo-version \"v0.0.0-20190230021931-daa7c04131f5\" invalid: malformed time \"20190230021931\"", "daa7c04131f5", "<nil>", "", "<nil>"], ["v0.0.0-20200229235959-abcdef", true, "2020-02-29T23:59:59Z", "<nil>", "abcdef", "<nil>", "", "<nil>"], ["v0.0.0-20191109246000-daa7c04131f5", true, "", "pseudo-version \"v0.0.0-20191109246000-daa7c04131f5\" invalid: malformed time \"20191109246000\"", "daa7c04131f5", "<nil>", "", "<nil>"], ["v1.2.3-20191109021931-daa7c04131f5", false, "", "pseudo-version \"v1.2.3-20191109021931-daa7c04131f5\" invalid: syntax error", "", "pseudo-version \"v1.2.3-20191109021931-daa7c04131f5\" invalid: syntax error", "", "pseudo-version \"v1.2.3-20191109021931-daa7c04131f5\" invalid: syntax error"], ["v0.0.0-20191109021931-", false, "", "pseudo-version \"v0.0.0-20191109021931-\" invalid: syntax error", "", "pseudo-version \"v0.0.0-20191109021931-\" invalid: syntax error", "", "pseudo-version \"v0.0.0-20191109021931-\" invalid: syntax error"]];

function toGo<T>(r: { ok: true; value: T } | { ok: false; error: string }, empty: T): [T, string] {
  return r.ok ? [r.value, '<nil>'] : [empty, r.error];
}

describe('pseudo-version', () => {
  it.each(CASES)('reads %j like x/mod', (v, isPseudo, time, timeErr, rev, revErr, base, baseErr) => {
    expect(isPseudoVersion(v)).toBe(isPseudo);
    expect(toGo(pseudoVersionTime(v), '')).toEqual([time, timeErr]);
    expect(toGo(pseudoVersionRevision(v), '')).toEqual([rev, revErr]);
    expect(toGo(pseudoVersionBase(v), '')).toEqual([base, baseErr]);
  });
});
