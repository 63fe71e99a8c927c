import { describe, expect, it } from 'vitest';
import { bodySize, fitBody, GITHUB_BODY_LIMIT, scanLine, splitLines, type BodySection } from '../../src/github/truncate.js';
import { fence } from '../../src/report/markdown.js';
import { DIFF_SECTION_END, DIFF_SECTION_START } from '../../src/report/summary.js';
import { commentSections } from '../../src/steps/pr-comment.js';
import { assertWellFormed, structureProblems } from './markdown-check.js';

const lines = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join('');
const bigDiff = (n: number) => lines(n, (i) => `+  data-${i}: "${'x'.repeat(40)}"\n`);

/** The preview layout: tables, then the manifest diff (cuttable) inside <details>, self-contained. */
function preview(diff: string): BodySection[] {
  return [
    { markdown: '## Values\n\n| key | old | new |\n|---|---|---|\n| routingMode | tunnel | native |\n\n' },
    {
      markdown: `<details><summary>Manifest diff</summary>\n\n\`\`\`diff\n${diff}\`\`\`\n\n</details>\n`,
      cuttable: true,
      label: 'manifest diff',
    },
    { markdown: '\n## cilium-config\n\n| key | old | new |\n|---|---|---|\n| tunnel-protocol | vxlan | |\n' },
  ];
}

describe('fitBody', () => {
  it('leaves a body under the limit exactly as it is', () => {
    const sections = preview(bigDiff(10));
    const r = fitBody(sections);
    expect(r).toEqual({ body: sections.map((s) => s.markdown).join(''), truncated: false });
  });

  it('cuts inside the <details> diff, closes the fence and <details>, keeps fixed sections, adds notes', () => {
    const sections = preview(bigDiff(5000));
    expect(bodySize(sections.map((s) => s.markdown).join(''))).toBeGreaterThan(GITHUB_BODY_LIMIT);
    const r = fitBody(sections, { fullReportUrl: 'https://github.com/o/r/actions/runs/7' });
    expect(r.truncated).toBe(true);
    expect(bodySize(r.body)).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(bodySize(r.body)).toBeGreaterThan(GITHUB_BODY_LIMIT - 200); // uses the room it has
    assertWellFormed(r.body);
    // Fixed sections intact, in order; the diff keeps whole lines from its start.
    expect(r.body.startsWith(sections[0]!.markdown)).toBe(true);
    expect(r.body).toContain(sections[2]!.markdown.trim());
    expect(r.body).toContain('+  data-0: ');
    expect(r.body).not.toContain('+  data-4999: ');
    expect(r.body).toMatch(
      /```\n\n_✂ [\d,]+ more lines of the manifest diff not shown\. The full manifest diff is in the \[job summary\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/7\)\._\n\n<\/details>\n/,
    );
    expect(r.body).toMatch(
      /> Shortened to fit GitHub's size limit \(65,536 characters\): cut inside the manifest diff\. The full report is in the \[job summary\]/,
    );
    // Every kept diff line is a whole line of the original.
    const kept = r.body.split('\n').filter((l) => l.startsWith('+  data-'));
    for (const l of kept) expect(sections[1]!.markdown).toContain(`${l}\n`);
    const omitted = Number(/_✂ ([\d,]+) more lines/.exec(r.body)![1]!.replace(/,/g, ''));
    // The note counts the diff lines left out, not the fence and tag lines around them.
    expect(kept.length + omitted).toBe(5000);
  });

  it("the preview comment's layout: only the diff lines are cut, the note is a line of the diff block", () => {
    const patch = lines(4000, (i) => `+  data-${i}: "${'x'.repeat(40)}"\n`).trimEnd();
    const summary =
      `## Values\n\n| a |\n|---|\n| b |\n\n${DIFF_SECTION_START}\n<details><summary>Rendered manifest diff</summary>\n\n` +
      `${fence(patch, 'diff')}\n</details>\n${DIFF_SECTION_END}\n\n### Steps\n`;
    const r = fitBody(commentSections(summary), { limit: 20_000 });
    expect(r.truncated).toBe(true);
    expect(bodySize(r.body)).toBeLessThanOrEqual(20_000);
    expect(bodySize(r.body)).toBeGreaterThan(20_000 - 200);
    expect(r.body).toMatch(
      /\n\+ {2}data-\d+: "x+"\n… [\d,]+ more lines of the manifest diff not shown; the full manifest diff is in the job summary\n\n?```\n<\/details>\n+### Steps\n\n---\n/,
    );
    const kept = r.body.split('\n').filter((l) => l.startsWith('+  data-')).length;
    expect(kept + Number(/… ([\d,]+) more lines/.exec(r.body)![1]!.replace(/,/g, ''))).toBe(4000);
    assertWellFormed(r.body);
  });

  it('fits exactly at the limit: size = limit is kept, limit + 1 is cut', () => {
    const head = '# h\n';
    const filler = (n: number) => [{ markdown: head }, { markdown: 'y'.repeat(n - head.length - 1) + '\n', cuttable: true }];
    const exact = fitBody(filler(1000), { limit: 1000 });
    expect(exact.truncated).toBe(false);
    expect(bodySize(exact.body)).toBe(1000);
    const over = fitBody([{ markdown: head }, { markdown: lines(100, (i) => `line ${i} ${'z'.repeat(5)}\n`), cuttable: true }], {
      limit: bodySize(head) + bodySize(lines(100, (i) => `line ${i} ${'z'.repeat(5)}\n`)) - 1,
    });
    expect(over.truncated).toBe(true);
    expect(bodySize(over.body)).toBeLessThanOrEqual(bodySize(head) + bodySize(lines(100, (i) => `line ${i} ${'z'.repeat(5)}\n`)) - 1);
    assertWellFormed(over.body);
  });

  it('honours reserve (room for the marker)', () => {
    const r = fitBody(preview(bigDiff(5000)), { reserve: 100 });
    expect(bodySize(r.body)).toBeLessThanOrEqual(GITHUB_BODY_LIMIT - 100);
  });

  it('counts UTF-8 bytes, so non-ASCII text never pushes a body over the limit', () => {
    const diff = lines(4000, (i) => `+ label-${i}: "🚀 größe ✓"\n`);
    const r = fitBody(preview(diff));
    expect(r.truncated).toBe(true);
    expect(Buffer.byteLength(r.body, 'utf8')).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(r.body).not.toMatch(/\uFFFD/);
    assertWellFormed(r.body);
  });

  it('a diff split over sections (fence opened and closed by fixed sections) is cut inside the code block', () => {
    const sections: BodySection[] = [
      { markdown: '<details><summary>Diff</summary>\n\n````diff\n' },
      { markdown: lines(3000, (i) => (i % 50 === 0 ? '```\n' : `- old ${i} <details>\n`)), cuttable: true, label: 'diff' },
      { markdown: '````\n\n</details>\n' },
    ];
    const r = fitBody(sections, { limit: 20_000 });
    expect(r.truncated).toBe(true);
    expect(bodySize(r.body)).toBeLessThanOrEqual(20_000);
    // The note is a line of the code block; the 4-backtick fence is not closed by the inner ```.
    expect(r.body).toMatch(/… [\d,]+ more lines of the diff not shown; the full diff is in the job summary\n````\n\n<\/details>\n/);
    assertWellFormed(r.body);
  });

  it('closes ~~~ fences and nested <details> left open by the cut', () => {
    const inner = lines(800, (i) => `~~~ is text here ${i}\n`);
    const section =
      '<details><summary>outer</summary>\n\n<details><summary>inner</summary>\n\n~~~~yaml\n' + inner + '~~~~\n\n</details>\n\n</details>\n';
    const r = fitBody([{ markdown: section, cuttable: true, label: 'manifests' }], { limit: 8000 });
    expect(bodySize(r.body)).toBeLessThanOrEqual(8000);
    expect(r.body).toMatch(
      /~~~~\n\n_✂ [\d,]+ more lines of the manifests not shown\. The full manifests is in this run's job summary\._\n\n<\/details>\n\n<\/details>\n/,
    );
    assertWellFormed(r.body);
  });

  it('replaces the body with a notice when the sections that may not be cut are too large alone', () => {
    const r = fitBody([{ markdown: `| a |\n|---|\n${lines(3000, (i) => `| row ${i} |\n`)}` }, { markdown: 'x\n', cuttable: true }], {
      limit: 10_000,
      fullReportUrl: 'https://example.test/run',
    });
    expect(r.truncated).toBe(true);
    expect(r.body).toMatch(
      /too large for GitHub \([\d,]+ characters, the limit is 10,000\)\. The full report is in the \[job summary\]\(https:\/\/example\.test\/run\)/,
    );
    expect(bodySize(r.body)).toBeLessThanOrEqual(10_000);
    // A plain string is a single section that may not be cut.
    expect(fitBody('z'.repeat(200), { limit: 100 }).body).toMatch(/^> \[!NOTE\]\n> This report is too large for GitHub \(200 characters/);
  });
});

describe('markdown scanning', () => {
  it('splitLines keeps line ends so joining gives the text back', () => {
    for (const t of ['', 'a', 'a\n', 'a\nb', 'a\r\nb\n\n']) expect(splitLines(t).join('')).toBe(t);
  });

  it('scanLine ignores <details> in inline code, HTML comments and code blocks', () => {
    let s = { fence: undefined, details: 0 } as Parameters<typeof scanLine>[0];
    s = scanLine(s, 'use `<details>` for this <!-- <details> -->\n', 0);
    expect(s.details).toBe(0);
    s = scanLine(s, '<details open><summary>x</summary>\n', 1);
    expect(s.details).toBe(1);
    s = scanLine(s, '```yaml\n', 2);
    expect(s.fence).toMatchObject({ char: '`', length: 3, info: 'yaml', id: 2 });
    s = scanLine(s, '</details>\n', 3);
    expect(s.details).toBe(1);
    s = scanLine(s, '``\n', 4);
    expect(s.fence).toBeDefined();
    s = scanLine(s, '````  \n', 5);
    expect(s.fence).toBeUndefined();
    s = scanLine(s, '</details>\n', 6);
    expect(s.details).toBe(0);
    // An info string with a backtick is not a fence opening.
    expect(scanLine(s, '``` a`b\n', 7).fence).toBeUndefined();
  });

  it('the test checker itself finds broken bodies', () => {
    expect(structureProblems('<details>\n\n```\nx\n')).toEqual(['code fence ``` never closed', '1 <details> never closed']);
    expect(structureProblems('</details>\n')).toEqual(['line 1: </details> without <details>']);
  });
});
