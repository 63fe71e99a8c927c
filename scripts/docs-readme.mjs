// README parts that must follow the code: the inputs and outputs tables (generated from action.yml
// between marker comments) and the "Bad input" table (each row's inputs and the message the action
// prints). Pure text functions, shared by `npm run docs`, `npm run docs:bad-input` and the tests.
import { parse } from 'yaml';

const GENERATED = 'generated from action.yml by `npm run docs`; edit action.yml, not this table';

/** Marker comments around a generated block: `<!-- NAME:start … -->` … `<!-- NAME:end -->`. */
export function markers(name) {
  return { start: `<!-- ${name}:start`, end: `<!-- ${name}:end -->` };
}

/** Escapes text for a GFM table cell: pipes, and line breaks that would end the row. */
export function cellText(s) {
  return String(s).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

/** A code span holding `s` exactly (CommonMark: a fence longer than any backtick run inside). */
export function codeSpan(s) {
  const longest = Math.max(0, ...[...String(s).matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** The code spans of a piece of markdown, in order, with their content as CommonMark reads it. */
export function codeSpans(markdown) {
  const out = [];
  let i = 0;
  while (i < markdown.length) {
    const open = /`+/g;
    open.lastIndex = i;
    const m = open.exec(markdown);
    if (!m) break;
    const fence = m[0];
    const from = m.index + fence.length;
    // the closing run must be exactly as long as the opening one
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
    close.lastIndex = from;
    const c = close.exec(markdown);
    if (!c) break;
    let text = markdown.slice(from, c.index).replace(/\r?\n/g, ' ');
    if (text.length >= 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') text = text.slice(1, -1);
    out.push(text);
    i = c.index + fence.length;
  }
  return out;
}

function describe(spec) {
  return cellText((spec?.description ?? '').replace(/\s+/g, ' '));
}

function showDefault(spec) {
  if (spec?.default === undefined || spec.default === null || String(spec.default) === '') return '*(empty)*';
  return cellText(codeSpan(String(spec.default)));
}

/** The inputs table, from action.yml's text. */
export function inputsTable(actionYml) {
  const action = parse(actionYml);
  const rows = Object.entries(action.inputs ?? {}).map(
    ([name, spec]) => `| ${codeSpan(name)} | ${showDefault(spec)} | ${describe(spec)} |`,
  );
  return ['| Input | Default | Description |', '|---|---|---|', ...rows].join('\n');
}

/** The outputs table, from action.yml's text. */
export function outputsTable(actionYml) {
  const action = parse(actionYml);
  const rows = Object.entries(action.outputs ?? {}).map(([name, spec]) => `| ${codeSpan(name)} | ${describe(spec)} |`);
  return ['| Output | Description |', '|---|---|', ...rows].join('\n');
}

/** The text between a block's markers (without the marker lines); throws when they are missing. */
export function blockBetween(readme, name) {
  const { start, end } = markers(name);
  const s = readme.indexOf(start);
  const e = readme.indexOf(end);
  if (s < 0 || e < 0 || e < s) throw new Error(`README.md has no ${start} … ${end} block`);
  const afterStart = readme.indexOf('\n', s);
  return readme.slice(afterStart + 1, e).replace(/\n$/, '');
}

/** The README with a block's content replaced (marker lines kept, the start marker rewritten). */
export function replaceBlock(readme, name, content, note = GENERATED) {
  const { start, end } = markers(name);
  const s = readme.indexOf(start);
  const e = readme.indexOf(end);
  if (s < 0 || e < 0 || e < s) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${readme.slice(0, s)}${start}: ${note} -->\n${content}\n${readme.slice(e)}`;
}

/** The README with both generated tables brought up to date with action.yml. */
export function updateReadme(readme, actionYml) {
  const withInputs = replaceBlock(readme, 'inputs', inputsTable(actionYml));
  return replaceBlock(withInputs, 'outputs', outputsTable(actionYml));
}

/** Splits a GFM table row into its cells (`\|` stays inside a cell, as a plain `|`). */
export function tableCells(row) {
  const inner = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

/**
 * The "Bad input" table: one row per case, `| what | with: | the message |`.
 * - `with:` holds one code span per input, each a one-line YAML `name: value` (as in a workflow);
 * - the message cell holds one code span per line of the message the action fails with;
 *   a last span ending in ` …` stands for the beginning of that line.
 */
export function parseBadInputTable(readme) {
  const lines = blockBetween(readme, 'bad-input')
    .split('\n')
    .filter((l) => l.trim().startsWith('|'));
  const [header, rule, ...rows] = lines;
  if (!header || !rule || !/^\|?\s*:?-+/.test(rule.trim())) throw new Error('the bad-input block holds no markdown table');
  return rows.map((row, i) => {
    const cells = tableCells(row);
    if (cells.length !== 3) throw new Error(`bad-input row ${i + 1} has ${cells.length} cells, not 3: ${row}`);
    const [what, withCell, messageCell] = cells;
    const inputs = {};
    for (const span of codeSpans(withCell)) {
      const parsed = parse(span);
      const entries = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : [];
      if (entries.length !== 1) throw new Error(`bad-input row ${i + 1}: ${span} is not one "input: value"`);
      const [name, value] = entries[0];
      if (value !== null && typeof value === 'object')
        throw new Error(`bad-input row ${i + 1}: ${name} must be a scalar (quote YAML in a string)`);
      inputs[name] = value === null ? '' : String(value);
    }
    if (Object.keys(inputs).length === 0) throw new Error(`bad-input row ${i + 1} sets no input: ${row}`);
    const message = codeSpans(messageCell);
    if (message.length === 0) throw new Error(`bad-input row ${i + 1} shows no message: ${row}`);
    return { what, inputs, message, line: row };
  });
}

const ELLIPSIS = ' …';

/** Whether the action's message is what a row shows (every line exact; a last line ending in ` …` is a prefix). */
export function messageMatches(shown, actual) {
  const lines = actual.split('\n');
  if (shown.length > lines.length) return false;
  return shown.every((s, i) => {
    const last = i === shown.length - 1;
    if (last && s.endsWith(ELLIPSIS)) return lines[i].startsWith(s.slice(0, -ELLIPSIS.length));
    return lines[i] === s && (!last || shown.length === lines.length);
  });
}

/** The message cell for an actual message: every line as its own code span. */
export function messageCell(actual) {
  return actual
    .split('\n')
    .map((l) => cellText(codeSpan(l)))
    .join('<br>');
}

/** The README with each bad-input row's message cell replaced by `messages[i]` (the action's own text). */
export function rewriteBadInputMessages(readme, messages) {
  const { start, end } = markers('bad-input');
  const s = readme.indexOf(start);
  const e = readme.indexOf(end);
  if (s < 0 || e < s) throw new Error(`README.md has no ${start} … ${end} block`);
  const bodyStart = readme.indexOf('\n', s) + 1;
  let tableLine = 0;
  const body = readme
    .slice(bodyStart, e)
    .split('\n')
    .map((l) => {
      if (!l.trim().startsWith('|')) return l;
      tableLine += 1;
      const row = tableLine - 3; // after the header and the rule
      if (row < 0 || messages[row] === undefined) return l;
      const raw = l
        .trim()
        .replace(/^\|/, '')
        .replace(/(?<!\\)\|$/, '')
        .split(/(?<!\\)\|/);
      return `|${raw[0]}|${raw[1]}| ${messageCell(messages[row])} |`;
    })
    .join('\n');
  return readme.slice(0, bodyStart) + body + readme.slice(e);
}

/**
 * Files the bad-input rows refer to, relative to the workspace they run in (the tests and
 * `npm run docs:bad-input` write them into a temp folder used as GITHUB_WORKSPACE).
 */
export const BAD_INPUT_FILES = {
  'cilium/tunnel.yaml': 'routingMode: tunnel\n',
  'cilium/broken.yaml': 'cluster:\n  name: prod\n  id: [1,\n',
  // saved as Latin-1 by an editor: é is the single byte 0xE9
  'cilium/latin1.yaml': Buffer.from('cluster:\n  name: caf\u00e9\n', 'latin1'),
  'linkchart/Chart.yaml': 'apiVersion: v2\nname: cilium\nversion: 1.18.6\n',
};

/** Symbolic links in the same workspace: path → target (a chart linking the runner's environment). */
export const BAD_INPUT_LINKS = {
  'linkchart/environ': '/proc/self/environ',
};

/** The working preview step every bad-input row starts from (no cluster, no download). */
export function badInputBase({ helm, chart, baseValues }) {
  return { mode: 'preview', chart, 'cilium-version': '1.18.6', 'base-values': baseValues, 'helm-version': helm };
}
