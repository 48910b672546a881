import { describe, expect, it } from 'vitest';
import { createNoteSigner } from './sign-note.js';

// Test vectors of golang.org/x/mod/sumdb/note (note_test.go): the signer key
// PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz.
const PETER_SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";

describe('createNoteSigner', () => {
  it('derives the verifier key x/mod derives from the same seed', () => {
    expect(createNoteSigner('PeterNeumann', PETER_SEED).verifierKey).toBe('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
  });

  it('signs a note byte for byte as x/mod note.Sign does', () => {
    expect(createNoteSigner('PeterNeumann', PETER_SEED).sign(TEXT)).toBe(
      `${TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`,
    );
  });

  it('gives a fresh key each time when no seed is given', () => {
    expect(createNoteSigner('sum.lab.example').verifierKey).not.toBe(createNoteSigner('sum.lab.example').verifierKey);
  });

  it.each([
    ['a name with a plus', () => createNoteSigner('a+b', PETER_SEED)],
    ['a name with a space', () => createNoteSigner('a b', PETER_SEED)],
    ['a short seed', () => createNoteSigner('PeterNeumann', PETER_SEED.subarray(1))],
    ['text without a final newline', () => createNoteSigner('PeterNeumann', PETER_SEED).sign('abc')],
  ])('rejects %s', (_label, act) => {
    expect(act).toThrow(TypeError);
  });
});
