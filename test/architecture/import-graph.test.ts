import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Relative imports of every source file, as repository paths (`src/core/x.ts`). */
function readImportGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of listSources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)\.js'/gm)]
      .map((m) => relative(join(SRC, '..'), resolve(dirname(file), `${m[1] ?? ''}.ts`)));
    graph.set(relative(join(SRC, '..'), file), targets);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle !== null) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle !== null) return cycle;
  }
  return null;
}

describe('the import graph', () => {
  const graph = readImportGraph();

  it('has no cycles', () => {
    expect(findCycle(graph)).toBeNull();
  });

  it('keeps the core pure: src/core imports only src/core and the port types', () => {
    const outside = [...graph].flatMap(([file, targets]) => (file.startsWith('src/core/')
      ? targets.filter((t) => !t.startsWith('src/core/') && !t.startsWith('src/ports/')).map((t) => `${file} → ${t}`)
      : []));
    expect(outside).toEqual([]);
  });

  it('keeps the ports to types of the core', () => {
    const outside = [...graph].flatMap(([file, targets]) => (file.startsWith('src/ports/')
      ? targets.filter((t) => !t.startsWith('src/core/') && !t.startsWith('src/ports/')).map((t) => `${file} → ${t}`)
      : []));
    expect(outside).toEqual([]);
  });

  it('reads every import it checks (the scan is not blind)', () => {
    expect(graph.get('src/engine/diagnose-module.ts')).toContain('src/core/plan/walk-proxy-list.ts');
  });
});
