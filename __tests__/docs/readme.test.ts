// The README's generated parts follow the code: the inputs/outputs tables are what action.yml says,
// and the helpers that read and write its tables do what the tests and `npm run docs` rely on.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  blockBetween,
  codeSpan,
  codeSpans,
  inputsTable,
  messageCell,
  messageMatches,
  outputsTable,
  parseBadInputTable,
  rewriteBadInputMessages,
  tableCells,
  updateReadme,
} from '../../scripts/docs-readme.mjs';
import { repoRoot } from '../setup/env.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const actionYml = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
const action = parse(actionYml) as { inputs: Record<string, { description: string; default?: string }>; outputs: Record<string, unknown> };

describe('README inputs and outputs tables', () => {
  it('are exactly what action.yml generates (run `npm run docs` after changing action.yml)', () => {
    expect(blockBetween(readme, 'inputs')).toBe(inputsTable(actionYml));
    expect(blockBetween(readme, 'outputs')).toBe(outputsTable(actionYml));
    expect(updateReadme(readme, actionYml)).toBe(readme);
  });

  it('`npm run docs -- --check` agrees (the script CI and developers run)', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'docs.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('inputs/outputs tables match action.yml');
    expect(r.status).toBe(0);
  });

  it('have one row per input and output of action.yml, in its order', () => {
    const names = (block: string): string[] =>
      block
        .split('\n')
        .slice(2)
        .map((row) => codeSpans(tableCells(row)[0]!)[0]!);
    expect(names(blockBetween(readme, 'inputs'))).toEqual(Object.keys(action.inputs));
    expect(names(blockBetween(readme, 'outputs'))).toEqual(Object.keys(action.outputs));
  });

  it('notice a changed description, default, new input or removed output', () => {
    const changed = [
      actionYml.replace('Helm release name of Cilium.', 'The Helm release.'),
      actionYml.replace('default: kube-system', 'default: cilium-system'),
      actionYml.replace('\noutputs:\n', '\n  extra-input:\n    description: new\n\noutputs:\n'),
      actionYml.replace(/\n {2}lost-events:\n.*\n/, '\n'),
    ];
    for (const yml of changed) {
      expect(yml).not.toBe(actionYml);
      expect(updateReadme(readme, yml)).not.toBe(readme);
    }
  });

  it('keep pipes and backticks of descriptions inside their cell', () => {
    const yml = 'inputs:\n  a:\n    description: "x | y `z`"\n    default: "1|2"\n';
    const row = inputsTable(yml).split('\n')[2]!;
    expect(tableCells(row)).toEqual(['`a`', '`1|2`', 'x | y `z`']);
  });
});

describe('markdown helpers', () => {
  it('code spans round-trip text with backticks, pipes and edge spaces', () => {
    for (const s of ['plain', 'a `b` c', '`start', 'end`', 'x ``y`` z', ' both ', 'a | b']) {
      expect(codeSpans(codeSpan(s))).toEqual([s]);
    }
    expect(codeSpans('`a` and ``b ` c`` and `d`')).toEqual(['a', 'b ` c', 'd']);
  });

  it('a message cell reads back as the message, line by line', () => {
    const message = '2 inputs need fixing:\n- mode: "x|y" is not a mode. Fix: `use` one\n- timeout: bad';
    const row = `| what | \`mode: x\` | ${messageCell(message)} |`;
    expect(codeSpans(tableCells(row)[2]!)).toEqual(message.split('\n'));
  });

  it('messageMatches: exact lines, or a prefix where the last shown line ends with " …"', () => {
    expect(messageMatches(['a b c'], 'a b c')).toBe(true);
    expect(messageMatches(['a b'], 'a b c')).toBe(false);
    expect(messageMatches(['a b …'], 'a b c')).toBe(true);
    expect(messageMatches(['a x …'], 'a b c')).toBe(false);
    expect(messageMatches(['one'], 'one\ntwo')).toBe(false);
    expect(messageMatches(['one', 'tw …'], 'one\ntwo')).toBe(true);
    expect(messageMatches(['one', 'two', 'three'], 'one\ntwo')).toBe(false);
    expect(messageMatches(['x'], '')).toBe(false);
  });

  it('parses bad-input rows into inputs (YAML scalars, escapes included) and message lines', () => {
    const md = [
      '<!-- bad-input:start: x -->',
      '| what | with | message |',
      '|---|---|---|',
      '| a \\| b | `namespace: "kube-system\\nfoo"` `max-overlay-flows: "-1"` | `first` <br> `second \\| third` |',
      '<!-- bad-input:end -->',
    ].join('\n');
    expect(parseBadInputTable(md)).toEqual([
      {
        what: 'a | b',
        inputs: { namespace: 'kube-system\nfoo', 'max-overlay-flows': '-1' },
        message: ['first', 'second | third'],
        line: expect.any(String),
      },
    ]);
  });

  it('rejects rows it cannot check', () => {
    const table = (row: string): string => `<!-- bad-input:start -->\n| a | b | c |\n|---|---|---|\n${row}\n<!-- bad-input:end -->`;
    expect(() => parseBadInputTable(table('| x | `mode: a` |'))).toThrow(/2 cells/);
    expect(() => parseBadInputTable(table('| x | mode: a | `m` |'))).toThrow(/sets no input/);
    expect(() => parseBadInputTable(table('| x | `values: {a: 1}` | `m` |'))).toThrow(/must be a scalar/);
    expect(() => parseBadInputTable(table('| x | `mode: a` | none |'))).toThrow(/shows no message/);
    expect(() => parseBadInputTable('no table here')).toThrow(/bad-input/);
  });

  it('rewrites only the message cells of the bad-input table', () => {
    const rows = parseBadInputTable(readme);
    const messages = rows.map((_r, i) => `message ${i}\nsecond line`);
    const rewritten = rewriteBadInputMessages(readme, messages);
    const again = parseBadInputTable(rewritten);
    expect(again.map((r) => r.inputs)).toEqual(rows.map((r) => r.inputs));
    expect(again.map((r) => r.what)).toEqual(rows.map((r) => r.what));
    expect(again.map((r) => r.message)).toEqual(messages.map((m) => m.split('\n')));
    expect(rewritten.replace(blockBetween(rewritten, 'bad-input'), '')).toBe(readme.replace(blockBetween(readme, 'bad-input'), ''));
  });
});
