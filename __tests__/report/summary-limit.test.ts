import { describe, expect, it } from 'vitest';
import { limitSummary } from '../../src/report/summary-limit.js';
import { structureProblems } from '../github/markdown-check.js';

describe('job summary size', () => {
  it('a summary under the limit is unchanged', () => {
    expect(limitSummary('# x\nsmall\n', '/t/report.json')).toBe('# x\nsmall\n');
  });

  it('a huge one is cut at a line, open fences and <details> closed, with a note pointing at report.json', () => {
    const big = `# Report\n<details><summary>diff</summary>\n\n\`\`\`diff\n${'+ line of a very large manifest diff\n'.repeat(60_000)}\`\`\`\n</details>\n`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024 * 2);
    const out = limitSummary(big, '/t/report.json');
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(1024 * 1024);
    expect(structureProblems(out)).toEqual([]);
    expect(out).toMatch(
      /The summary was cut at \d+ KiB of \d+ KiB \(GitHub shows at most 1024 KiB\)\. The report file keeps everything: `\/t\/report.json`/,
    );
  });
});
