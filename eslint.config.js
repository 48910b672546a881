import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeIo = ['node:net', 'node:dns', 'node:tls', 'node:http', 'node:https', 'node:fs', 'node:fs/promises',
  'node:child_process', 'node:dgram', 'node:os', 'undici', 'bullmq', 'ioredis', '@slack/bolt'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'max-lines': ['error', { max: 600, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // The core is pure: no I/O, no clock, no environment (STYLE.md "Layout").
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeIo.map((name) => ({ name, message: 'src/core is pure: pass I/O in from an adapter.' })),
        patterns: [{ group: ['**/adapters/**', '**/main/**', '**/cli/**', '**/lab/**'], message: 'src/core must not depend on edges.' }],
      }],
      'no-restricted-properties': ['error',
        { object: 'process', property: 'env', message: 'src/core takes its environment as a parameter.' },
        { object: 'Date', property: 'now', message: 'src/core takes the time as a parameter.' },
        { object: 'Math', property: 'random', message: 'src/core is deterministic.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core takes the time as a parameter.' }],
    },
  },
);
