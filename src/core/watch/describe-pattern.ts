import type { P0Pattern } from './evaluate-watch.js';

const TITLES: Readonly<Record<P0Pattern['pattern'], string>> = {
  'supply-chain': 'supply-chain integrity',
  'build-outage': 'build outage',
  'trust-break': 'trust break',
};

/** The one-line summary of a P0 pattern (PagerDuty's `summary`, ≤ 1024 characters). */
export function describePattern(p: Pick<P0Pattern, 'pattern' | 'hop' | 'zone' | 'classes' | 'modules'>): string {
  const where = p.zone === '*' ? 'in every zone' : `in zone ${p.zone}`;
  const classes = p.classes.length === 0 ? '' : ` (${p.classes.join(', ')})`;
  const modules = p.modules.length === 0 ? '' : `, ${p.modules.length} watchlist module${p.modules.length === 1 ? '' : 's'}`;
  return `P0 ${TITLES[p.pattern]}: ${p.hop} ${where}${classes}${modules}`.slice(0, 1024);
}
