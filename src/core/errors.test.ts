import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode, isAppError } from './errors.js';

describe('ErrorCode', () => {
  it('has unique values equal to their keys', () => {
    const values = Object.values(ErrorCode);
    expect(new Set(values).size).toBe(values.length);
    for (const [key, value] of Object.entries(ErrorCode)) expect(value).toBe(key);
  });
});

describe('AppError', () => {
  it('keeps code, cause and frozen details', () => {
    const cause = new Error('boom');
    const err = new AppError(ErrorCode.CONFIG_INVALID, 'bad config', { cause, details: { file: 'x.yml' } });
    expect(err).toMatchObject({ code: 'CONFIG_INVALID', name: 'AppError', cause, details: { file: 'x.yml' } });
    expect(Object.isFrozen(err.details)).toBe(true);
    expect(isAppError(err)).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
  });
});
