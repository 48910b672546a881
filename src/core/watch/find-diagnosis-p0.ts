import type { Diagnosis } from '../diagnosis.js';
import { formatPatternKey, type P0Pattern } from './evaluate-watch.js';

/** A diagnosis (any user's `/gomod diagnose`) that found a checksum mismatch raises the supply-chain pattern for its hop. */
export function findDiagnosisP0(diagnosis: Diagnosis): P0Pattern[] {
  const byHop = new Map<string, P0Pattern>();
  for (const f of diagnosis.findings) {
    if (f.class !== 'checksum.mismatch') continue;
    const hop = f.hop ?? 'unknown hop';
    const key = formatPatternKey('supply-chain', hop, diagnosis.zone);
    const prev = byHop.get(key);
    byHop.set(key, {
      key, pattern: 'supply-chain', hop, zone: diagnosis.zone, transition: 'opened', classes: ['checksum.mismatch'],
      modules: [`${diagnosis.module}@${diagnosis.resolvedVersion ?? diagnosis.version}`],
      evidence: [...(prev?.evidence ?? []), f.evidence, ...(f.goError === null ? [] : [f.goError])],
    });
  }
  return [...byHop.values()];
}
