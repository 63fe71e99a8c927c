// A local chart directory may not link outside itself: a template can read any file of the chart
// with .Files.Get, so a link to /proc/self/environ or ~/.kube/config would render the runner's
// secrets into the manifest diff and the PR comment.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

const MAX_ENTRIES = 20_000;

/** The first link (relative to the chart) whose target is outside the chart or missing; undefined if none. */
export function linkLeavingChart(chartDir: string): string | undefined {
  let root: string;
  try {
    if (!statSync(chartDir).isDirectory()) return undefined;
    root = realpathSync(chartDir);
  } catch {
    return undefined;
  }
  const inside = (p: string): boolean => p === root || p.startsWith(root + path.sep);
  const stack = [root];
  let seen = 0;
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const name of readdirSync(dir)) {
      if (++seen > MAX_ENTRIES) return `${path.relative(root, dir)} (more than ${MAX_ENTRIES} files)`;
      const full = path.join(dir, name);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(full);
        } catch {
          return path.relative(root, full);
        }
        if (!inside(target)) return path.relative(root, full);
      } else if (st.isDirectory()) {
        stack.push(full);
      }
    }
  }
  return undefined;
}
