/**
 * Issue 10: no import cycles in src/ and sync-server/src/, type-only imports included. A cycle means two modules
 * each need the other, so neither sits below the other in the layers of docs/architecture.md; a shared type
 * belongs in a lower module that both import. Relative static imports and re-exports count; `import('…')` does
 * not, since a lazy import (a route's screen) is loaded after both modules have run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ROOTS = ['src', 'sync-server/src'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `import … from './x'`, `import type … from`, `export … from`, `import './x'`, over several lines too. */
const IMPORT = /^\s*(?:import|export)\b[^'";]*?['"](\.{1,2}\/[^'"]*)['"]/gm;

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (path) => /\.tsx?$/.test(path) && existsSync(path) && statSync(path).isFile(),
  );
}

function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => {
      const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)].flatMap((match) => {
        const target = resolveImport(file, match[1]!);
        return target ? [target] : [];
      });
      return [file, [...new Set(targets)]];
    }),
  );
}

/** Each strongly connected component of more than one module (or a module importing itself), as one cycle in it. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = new Set<string>();
    for (let top = stack.pop()!; ; top = stack.pop()!) {
      onStack.delete(top);
      component.add(top);
      if (top === node) break;
    }
    if (component.size > 1 || graph.get(node)?.includes(node)) found.push(pathWithin(graph, component, node));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** A shortest path from start back to start inside one component: the cycle to print. */
function pathWithin(graph: ReadonlyMap<string, readonly string[]>, component: ReadonlySet<string>, start: string) {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

describe('import graph', () => {
  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(cycles(new Map([['a', ['a']]]))).toEqual([['a', 'a']]);
  });

  it('has no cycle in src/ and sync-server/src/, counting type-only imports', () => {
    const graph = importGraph(ROOTS.flatMap((root) => sources(join(ROOT, root))));
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
    const found = cycles(graph).map((cycle) => cycle.map((file) => relative(ROOT, file)).join(' → '));
    expect(found).toEqual([]);
  });
});
