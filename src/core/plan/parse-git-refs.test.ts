import { describe, expect, it } from 'vitest';
import { parseGitRefs } from './parse-git-refs.js';

const pkt = (line: string) => `${(line.length + 4).toString(16).padStart(4, '0')}${line}`;

describe('parseGitRefs', () => {
  it('reads refs after the service announcement, dropping capabilities and peeled markers', () => {
    const sha = 'a'.repeat(40);
    const body = `${pkt('# service=git-upload-pack\n')}0000${pkt(`${sha} HEAD\0multi_ack side-band\n`)}${pkt(`${sha} refs/tags/v1.0.0\n`)}${pkt(`${sha} refs/tags/v1.0.0^{}\n`)}0000`;
    expect([...parseGitRefs(body)]).toEqual([['HEAD', sha], ['refs/tags/v1.0.0', sha]]);
  });
});
