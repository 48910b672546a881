/** Column alignment: numbers read best right-aligned. */
export type ColumnAlign = 'left' | 'right';

export interface TableColumn {
  readonly header: string;
  readonly align?: ColumnAlign;
}

/** Renders rows as a plain-text table (header, rule, rows), one string per line, columns padded to fit. */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (cells: readonly string[]): string => columns
    .map((column, i) => {
      const cell = cells[i] ?? '';
      const width = widths[i] ?? 0;
      return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
    })
    .join('  ')
    .trimEnd();
  return [format(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)];
}
