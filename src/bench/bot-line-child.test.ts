import { describe, expect, it } from 'vitest';
import { parseJsonLine, spawnLineChild } from './bot-line-child.js';

describe('parseJsonLine', () => {
  it.each([
    ['{"port":3}', { port: 3 }],
    ['{"level":30,"msg":"x"}', { level: 30, msg: 'x' }],
    ['not json', undefined],
    ['{broken', undefined],
    ['[1,2]', undefined],
    ['', undefined],
  ])('parses %j', (line, expected) => {
    expect(parseJsonLine(line)).toEqual(expected);
  });
});

describe('spawnLineChild', () => {
  it('resolves with the first stdout line the predicate accepts and answers stdin lines', async () => {
    const child = spawnLineChild(['-e', `
      process.stdout.write('noise\\n{"ready":1}\\n');
      require('node:readline').createInterface({ input: process.stdin }).on('line', (l) => process.stdout.write(JSON.stringify({ echo: l }) + '\\n'));
    `], { PATH: process.env['PATH'] ?? '' });
    try {
      expect(await child.waitFor((line) => parseJsonLine(line)?.['ready'], 5000, 'ready')).toBe(1);
      child.send('hello');
      expect(await child.waitFor((line) => parseJsonLine(line)?.['echo'], 5000, 'echo')).toBe('hello');
    } finally {
      await child.stop(1000);
    }
  });

  it('rejects a wait when the child exits before the line comes', async () => {
    const child = spawnLineChild(['-e', 'process.stderr.write("boom"); process.exit(3)'], { PATH: process.env['PATH'] ?? '' });
    await expect(child.waitFor(() => undefined, 5000, 'a line')).rejects.toThrow(/exited 3 before a line: boom/);
  });
});
