// Test helper, written apart from src/github/truncate.ts: a body is well-formed when every code
// fence is closed and every <details> outside code is closed, never closed before it was opened.
import { expect } from 'vitest';

export function structureProblems(markdown: string): string[] {
  const problems: string[] = [];
  let fence: string | undefined; // the opening run of ` or ~
  let depth = 0;
  markdown.split('\n').forEach((line, i) => {
    const run = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence !== undefined) {
      if (run && run[1]![0] === fence[0] && run[1]!.length >= fence.length && run[2]!.trim() === '') fence = undefined;
      return;
    }
    if (run) {
      fence = run[1]!;
      return;
    }
    for (const tag of line.matchAll(/<(\/?)details\b[^>]*>/gi)) {
      depth += tag[1] ? -1 : 1;
      if (depth < 0) problems.push(`line ${i + 1}: </details> without <details>`);
    }
  });
  if (fence !== undefined) problems.push(`code fence ${fence} never closed`);
  if (depth > 0) problems.push(`${depth} <details> never closed`);
  return problems;
}

export function assertWellFormed(markdown: string): void {
  expect(structureProblems(markdown)).toEqual([]);
}
