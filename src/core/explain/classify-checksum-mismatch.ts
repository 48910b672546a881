import type { GoErrorCause } from './go-error-cause.js';
import { MISMATCH } from './match-go-error.js';

// `server misbehavior detected` comes with SECURITY ERROR; both record texts hold `record`.
const MISMATCH_MARKER = /SECURITY ERROR|checksum mismatch|server misbehavior detected|cannot authenticate record data|cannot validate record \d+/;

/** `checksum.mismatch` (P0) wins over anything else in the block (§10). */
export function classifyChecksumMismatch(text: string): GoErrorCause | null {
  if (!text.includes('SECURITY ERROR') && !text.includes('checksum mismatch') && !text.includes('record')) return null;
  const marker = MISMATCH_MARKER.exec(text);
  if (!marker) return null;
  const step = /verifying go\.mod: checksum mismatch|@[^\s:]+\/go\.mod: checksum mismatch/.test(text) ? 'mod' : 'zip';
  const hashes = MISMATCH.exec(text);
  if (hashes?.[1] && hashes[2] && hashes[3]) {
    const source = hashes[2];
    const fromFile = source === 'go.sum' || source.endsWith('.sum');
    const hop = fromFile ? null : `https://${source}`;
    return { class: 'checksum.mismatch', hop, step: fromFile ? step : 'sumdb-lookup', evidence: `downloaded ${hashes[1]} ≠ ${source} ${hashes[3]}` };
  }
  if (text.includes('server misbehavior detected')) {
    return { class: 'checksum.mismatch', hop: null, step: 'sumdb-lookup', evidence: 'go.sum database server misbehavior detected: the checksum DB history forked' };
  }
  return { class: 'checksum.mismatch', hop: null, step, evidence: marker[0] === 'SECURITY ERROR' ? 'SECURITY ERROR (hashes not in this excerpt)' : marker[0] };
}
