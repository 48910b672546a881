/**
 * A tlog tile: `W` hashes at level `H·L` starting at index `N·2^H`, or record data when `L` is -1.
 * Path form `tile/H/L/NNN[.p/W]` with `NNN` in `x123/`-prefixed groups of three digits
 * (https://pkg.go.dev/golang.org/x/mod/sumdb/tlog#Tile).
 */
export interface Tile {
  readonly height: number;
  /** -1 for a data tile (`tile/H/data/…`). */
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

const TILE_PATH = /^tile\/(\d+)\/(data|\d+)\/((?:x\d{3}\/)*\d{3})(?:\.p\/(\d+))?$/;

/** Parses `tile/8/0/x001/234.p/5`; undefined for anything tlog.ParseTilePath rejects. */
export function parseTilePath(path: string): Tile | undefined {
  const match = TILE_PATH.exec(path);
  if (match === null) return undefined;
  const [, h = '', l = '', n = '', w] = match;
  const height = Number(h);
  if (height < 1 || height > 30 || /^0\d/.test(h)) return undefined;
  const level = l === 'data' ? -1 : Number(l);
  if (l !== 'data' && /^0\d/.test(l)) return undefined;
  const index = Number(n.replaceAll('x', '').replaceAll('/', ''));
  const full = 2 ** height;
  const width = w === undefined ? full : Number(w);
  if (w !== undefined && (/^0/.test(w) || width < 1 || width >= full)) return undefined;
  return { height, level, index, width };
}

/** Formats a tile as tlog.Tile.Path does. */
export function formatTilePath(tile: Tile): string {
  const digits = String(tile.index).padStart(3, '0');
  const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups = padded.match(/\d{3}/g) ?? [];
  const nnn = groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/');
  const level = tile.level === -1 ? 'data' : String(tile.level);
  const partial = tile.width < 2 ** tile.height ? `.p/${tile.width}` : '';
  return `tile/${tile.height}/${level}/${nnn}${partial}`;
}
