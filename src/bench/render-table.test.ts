import { describe, expect, it } from 'vitest';
import { renderTable } from './render-table.js';

describe('renderTable', () => {
  it('pads columns to the widest cell and right-aligns numbers', () => {
    const lines = renderTable([{ header: 'case' }, { header: 'ms', align: 'right' }], [['tcp-refused', '4'], ['http-stall', '4017']]);
    expect(lines).toEqual([
      'case           ms',
      '-----------  ----',
      'tcp-refused     4',
      'http-stall   4017',
    ]);
  });

  it('treats a missing cell as empty and trims trailing blanks', () => {
    expect(renderTable([{ header: 'a' }, { header: 'note' }], [['x']])).toEqual(['a  note', '-  ----', 'x']);
  });
});
