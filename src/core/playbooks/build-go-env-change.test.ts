import { describe, expect, it } from 'vitest';
import { buildGoEnvChange } from './build-go-env-change.js';
import type { PlaybookGoEnv, PlaybookGoEnvKey, PlaybookSettingSource } from './playbook-context.js';

function createGoEnv(key: PlaybookGoEnvKey, value: string, source: PlaybookSettingSource): PlaybookGoEnv {
  const keys: PlaybookGoEnvKey[] = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOVCS', 'GOFLAGS'];
  return {
    values: Object.fromEntries(keys.map((k) => [k, k === key ? value : ''])) as Record<PlaybookGoEnvKey, string>,
    sources: Object.fromEntries(keys.map((k) => [k, k === key ? source : 'default'])) as Record<PlaybookGoEnvKey, PlaybookSettingSource>,
  };
}

describe('buildGoEnvChange', () => {
  it('restores the previous go env file value with go env -w', () => {
    expect(buildGoEnvChange('GOPRIVATE', 'a.example,*.corp.example', createGoEnv('GOPRIVATE', 'a.example', 'goenv-file'))).toEqual({
      apply: ["go env -w GOPRIVATE='a.example,*.corp.example'"],
      rollback: ['go env -w GOPRIVATE=a.example'],
    });
  });

  it('unsets a value that was the default with go env -u', () => {
    expect(buildGoEnvChange('GOPROXY', 'https://athens.corp.example,https://proxy.golang.org,direct', createGoEnv('GOPROXY', 'https://proxy.golang.org,direct', 'default'))).toEqual({
      apply: ['go env -w GOPROXY=https://athens.corp.example,https://proxy.golang.org,direct'],
      rollback: ['go env -u GOPROXY'],
    });
  });

  it('changes the environment, not the go env file, when the value came from the environment', () => {
    const change = buildGoEnvChange('GONOSUMDB', 'corp.example', createGoEnv('GONOSUMDB', 'old.example', 'env'));
    expect(change.apply[0]).toMatch(/^Change the environment \/ CI variable GONOSUMDB .*export GONOSUMDB=corp\.example$/);
    expect(change.rollback).toEqual(['export GONOSUMDB=old.example']);
    expect(buildGoEnvChange('GONOSUMDB', 'corp.example', createGoEnv('GONOSUMDB', '', 'env')).rollback).toEqual(['unset GONOSUMDB']);
  });

  it('asks to record the value first when the environment is unknown', () => {
    const change = buildGoEnvChange('GOFLAGS', '-mod=mod', null);
    expect(change.apply).toEqual(['go env GOFLAGS   # record the current value first', 'go env -w GOFLAGS=-mod=mod']);
    expect(change.rollback[0]).toContain('go env -u GOFLAGS');
  });

  it('masks a password held in the previous value', () => {
    const change = buildGoEnvChange('GOPROXY', 'https://athens.corp.example', createGoEnv('GOPROXY', 'https://bob:hunter2@goproxy.corp.example', 'goenv-file'));
    expect(change.rollback[0]).toBe("go env -w GOPROXY='https://bob:<password>@goproxy.corp.example'   # re-insert the credentials the value held");
  });
});
