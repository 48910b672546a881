import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command.js';

describe('parseCommand', () => {
  it.each([
    ['', { verb: 'help' }],
    ['help', { verb: 'help' }],
    ['  STATUS ', { verb: 'status' }],
    ['report', { verb: 'report' }],
    ['report now', { verb: 'help', reason: '`report` takes no arguments' }],
    ['diagnose golang.org/x/text', { verb: 'diagnose', query: 'golang.org/x/text', zone: null }],
    ['diagnose golang.org/x/text@v0.14.0 zone=Office', { verb: 'diagnose', query: 'golang.org/x/text@v0.14.0', zone: 'office' }],
    ['diagnose zone=all golang.org/x/text', { verb: 'diagnose', query: 'golang.org/x/text', zone: 'all' }],
    ['diagnose', { verb: 'help', reason: '`diagnose` needs a module path, e.g. `golang.org/x/text@v0.14.0`' }],
    ['diagnose a b', { verb: 'help', reason: '`diagnose` takes one module at a time' }],
    ['diagnose a zone=x zone=y', { verb: 'help', reason: 'give `zone=` once' }],
    ['diagnose a zone=', { verb: 'help', reason: '`zone=` needs a zone name or `all`' }],
    ['explain', { verb: 'help', reason: '`explain` needs the go command output to explain' }],
    ['explain go: example.com/m@v1.0.0: reading https://x/@v/v1.0.0.info: 404 Not Found', { verb: 'explain', text: 'go: example.com/m@v1.0.0: reading https://x/@v/v1.0.0.info: 404 Not Found' }],
    ['deploy prod', { verb: 'help', reason: 'unknown command `deploy`' }],
  ])('reads %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});
