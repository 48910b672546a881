import type { Diagnosis } from '../../../core/diagnosis.js';

/** What a Re-check found different from the run before it, one line per change, hop by hop. */
export function describeChanges(previous: Diagnosis, current: Diagnosis): string[] {
  const changes: string[] = [];
  if (previous.class !== current.class) changes.push(`class: ${previous.class} → ${current.class}`);
  if (previous.verdict !== current.verdict) changes.push(`verdict: ${previous.verdict} → ${current.verdict}`);
  const before = new Map(previous.steps.map((s) => [`${s.hop} ${s.step}`, s]));
  const seen = new Set<string>();
  for (const step of current.steps) {
    const id = `${step.hop} ${step.step}`;
    seen.add(id);
    const old = before.get(id);
    if (old === undefined) changes.push(`${id}: new (${step.class})`);
    else if (old.class !== step.class || old.status !== step.status) {
      changes.push(`${id}: ${old.class}${old.status === null ? '' : ` ${old.status}`} → ${step.class}${step.status === null ? '' : ` ${step.status}`}`);
    }
  }
  for (const id of before.keys()) if (!seen.has(id)) changes.push(`${id}: no longer contacted`);
  return changes.length === 0 ? ['nothing changed: same class on every hop'] : changes;
}
