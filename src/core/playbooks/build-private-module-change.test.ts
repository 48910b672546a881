import { describe, expect, it } from 'vitest';
import { buildPrivateModuleChange } from './build-private-module-change.js';
import type { PlaybookContext, PlaybookGoEnv, PlaybookGoEnvKey, PlaybookSettingSource } from './playbook-context.js';

const KEYS: PlaybookGoEnvKey[] = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOVCS', 'GOFLAGS'];

function createContext(values: Partial<Record<PlaybookGoEnvKey, string>>, sources: Partial<Record<PlaybookGoEnvKey, PlaybookSettingSource>>): PlaybookContext {
  const goEnv: PlaybookGoEnv = {
    values: Object.fromEntries(KEYS.map((k) => [k, values[k] ?? ''])) as Record<PlaybookGoEnvKey, string>,
    sources: Object.fromEntries(KEYS.map((k) => [k, sources[k] ?? 'default'])) as Record<PlaybookGoEnvKey, PlaybookSettingSource>,
  };
  return { module: 'git.corp.example/team/lib', version: 'v1.0.0', hop: 'https://sum.golang.org', evidence: '', zone: 'ci', goEnv, diagnoseCommand: 'gomod-doctor diagnose git.corp.example/team/lib@v1.0.0' };
}

describe('buildPrivateModuleChange', () => {
  it('adds the pattern to GOPRIVATE only, when GONOSUMDB follows GOPRIVATE by default', () => {
    const change = buildPrivateModuleChange(createContext({ GOPRIVATE: 'a.example' }, { GOPRIVATE: 'goenv-file' }), ['GONOSUMDB']);
    expect(change).toEqual({ pattern: '*.corp.example', apply: ["go env -w GOPRIVATE='a.example,*.corp.example'"], rollback: ['go env -w GOPRIVATE=a.example'], note: null });
  });

  it('extends an explicitly set GONOSUMDB too, since it overrides GOPRIVATE, and rolls back in reverse order', () => {
    const change = buildPrivateModuleChange(createContext({ GONOSUMDB: 'b.example' }, { GONOSUMDB: 'env' }), ['GONOSUMDB']);
    expect(change.apply).toEqual(["go env -w GOPRIVATE='*.corp.example'", "Change the environment / CI variable GONOSUMDB (it overrides `go env -w`): export GONOSUMDB='b.example,*.corp.example'"]);
    expect(change.rollback).toEqual(['export GONOSUMDB=b.example', 'go env -u GOPRIVATE']);
  });

  it('says so when GOPRIVATE already covers the module', () => {
    const change = buildPrivateModuleChange(createContext({ GOPRIVATE: '*.corp.example', GONOSUMDB: 'other.example' }, { GOPRIVATE: 'goenv-file', GONOSUMDB: 'goenv-file' }), ['GONOSUMDB']);
    expect(change.note).toMatch(/already matches/);
    expect(change.apply).toEqual(["go env -w GONOSUMDB='other.example,*.corp.example'"]);
  });
});
