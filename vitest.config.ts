import { defineConfig } from 'vitest/config';

// Two projects (STYLE.md): `unit` is pure and fast; `int` talks to real sockets and a real Redis.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**', 'dist/**'],
        },
      },
      {
        test: {
          name: 'int',
          globalSetup: ['test/support/global-setup.ts'],
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          exclude: ['node_modules/**', 'dist/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: true,
        },
      },
    ],
  },
});
