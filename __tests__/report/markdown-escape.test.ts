// Text from data is shown in the summary, PR comment and drift issue, never interpreted as markup.
import { describe, expect, it } from 'vitest';
import { cell, code } from '../../src/report/markdown.js';
import { newReport } from '../../src/report/report.js';
import { summaryMarkdown } from '../../src/report/summary.js';
import { structureProblems } from '../github/markdown-check.js';

const HOSTILE = [
  '<img src=https://evil.example/x.png>',
  '</details></table><script>alert(1)</script>',
  'ping @octocat and @org/team',
  '[click](https://evil.example) ![i](https://evil.example/i.png)',
  '`[link in code](https://evil.example)`',
  '# heading\n- list\n> quote',
  'a | b | c',
  'https://evil.example/autolink www.evil.example',
];

/** What GitHub would turn into markup: tags, links, images, mentions, autolinks. */
function live(markdown: string): string[] {
  const found: string[] = [];
  for (const m of markdown.matchAll(/<\/?(?!br>|code>|\/code>)[a-z][^>]*>/gi)) found.push(m[0]);
  for (const m of markdown.matchAll(/(?<!\\)\[[^\]]*(?<!\\)\]\(/g)) found.push(m[0]);
  for (const m of markdown.matchAll(/(?<![\w`])@[A-Za-z0-9]/g)) found.push(m[0]);
  for (const m of markdown.matchAll(/https?:\/\/|\bwww\./g)) found.push(m[0]);
  return found;
}

describe('markdown from data', () => {
  it.each(HOSTILE)('cell(%j) is inert', (t) => {
    expect(live(cell(t))).toEqual([]);
    expect(cell(t)).not.toMatch(/\n/);
  });

  it.each(HOSTILE)('code(%j) is inert', (t) => {
    const c = code(t);
    // inside a backtick span nothing is interpreted; <code> forms must carry no live markup
    if (!c.startsWith('`')) expect(live(c)).toEqual([]);
    expect(c).not.toMatch(/\n/);
  });

  it('a whole summary built from hostile data has no live markup and stays well-formed', () => {
    const r = newReport('verify', 'cilium', 'kube-system', 'cilium');
    r.verdict = 'fail';
    r.reason = HOSTILE.join(' ');
    r.error = HOSTILE.join('\n');
    r.warnings.push(...HOSTILE);
    r.notes.push(...HOSTILE);
    const md = summaryMarkdown(r);
    expect(structureProblems(md)).toEqual([]);
    const outsideCode = md.replace(/`[^`\n]*`/g, '');
    expect(live(outsideCode)).toEqual([]);
  });
});
