// Pure: fit a markdown body under GitHub's size limit for issue/PR bodies and comments without
// breaking it. One section may be marked `cuttable` (the preview's manifest diff). It is shortened by
// whole lines from its end, so no code span, HTML entity or character is split; a code fence or
// <details> the cut leaves open is closed again, and notes say what was cut and that the full report
// is in the job summary. A body that cannot be cut that way becomes a notice saying where it is.

/** GitHub rejects issue and comment bodies longer than this ("maximum is 65536 characters"). */
export const GITHUB_BODY_LIMIT = 65_536;

export interface BodySection {
  /** markdown, concatenated as it is with the other sections: end it with a newline */
  markdown: string;
  /** the one section that may be shortened when the body is too long (the lines of the manifest diff) */
  cuttable?: boolean;
  /** what the section is, for the notes: "manifest diff" */
  label?: string;
}

export interface FitOptions {
  /** default GITHUB_BODY_LIMIT */
  limit?: number;
  /** size kept free for what the caller adds around the body (e.g. the hidden marker) */
  reserve?: number;
  /** the run page whose job summary holds the full report; linked from the notes */
  fullReportUrl?: string;
}

export interface FitResult {
  body: string;
  /** anything was cut or replaced */
  truncated: boolean;
}

/**
 * The size GitHub's limit is checked against. Counted in UTF-8 bytes, which is never less than the
 * characters (code points or UTF-16 units) GitHub may count, so a body that fits here fits there.
 */
export function bodySize(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function fitBody(sections: string | readonly BodySection[], options: FitOptions = {}): FitResult {
  const list: readonly BodySection[] = typeof sections === 'string' ? [{ markdown: sections }] : sections;
  const limit = (options.limit ?? GITHUB_BODY_LIMIT) - (options.reserve ?? 0);
  const whole = list.map((s) => s.markdown).join('');
  if (bodySize(whole) <= limit) return { body: whole, truncated: false };
  const where = options.fullReportUrl ? `the [job summary](${options.fullReportUrl})` : "this run's job summary";
  const at = list.findIndex((s) => s.cuttable);
  const body =
    (at < 0 ? undefined : cutBody(list, at, limit, where)) ??
    `> [!NOTE]\n> This report is too large for GitHub (${formatNumber(bodySize(whole))} characters, the limit is ` +
      `${formatNumber(limit)}). The full report is in ${where}.\n`;
  return { body, truncated: true };
}

/** The body with section `at` cut to what the others and the final note leave of `limit`, if it can be. */
function cutBody(list: readonly BodySection[], at: number, limit: number, where: string): string | undefined {
  const label = list[at]!.label ?? `section ${at + 1}`;
  const before = list.slice(0, at).map((s) => s.markdown);
  const after = list.slice(at + 1).map((s) => s.markdown);
  const note =
    `\n\n---\n> [!NOTE]\n> Shortened to fit GitHub's size limit (${formatNumber(limit)} characters): ` +
    `cut inside the ${label}. The full report is in ${where}.\n`;
  const budget = limit - bodySize(before.join('')) - bodySize(after.join('')) - bodySize(note);
  const start = splitLines(before.join('')).reduce((state, line, i) => scanLine(state, line, i), INITIAL_STATE);
  const kept = cutSection(list[at]!.markdown, start, budget, label, where);
  return kept === undefined ? undefined : [...before, kept, ...after].join('').replace(/\n*$/, '') + note;
}

// ---- markdown structure, as far as cutting needs it (the job summary's limit uses it too) --------

interface Fence {
  char: '`' | '~';
  length: number;
  indent: string;
  info: string;
  /** the line that opened it: tells one fence from another */
  id: number;
}

export interface ScanState {
  fence: Fence | undefined;
  /** open <details> elements outside code */
  details: number;
}

const INITIAL_STATE: ScanState = { fence: undefined, details: 0 };
const FENCE_OPEN_RE = /^( {0,3})(`{3,}|~{3,})([^\r\n]*?)\s*$/;
const FENCE_CLOSE_RE = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;

/** Lines with their line ends, so joining them gives the text back. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Pure: the structure state after one more line. */
export function scanLine(state: ScanState, line: string, id: number): ScanState {
  const text = line.replace(/\r?\n$/, '');
  if (state.fence) {
    const m = FENCE_CLOSE_RE.exec(text);
    if (m && m[1]![0] === state.fence.char && m[1]!.length >= state.fence.length) return { ...state, fence: undefined };
    return state;
  }
  const open = FENCE_OPEN_RE.exec(text);
  if (open && !(open[2]![0] === '`' && open[3]!.includes('`'))) {
    const char = open[2]![0] as '`' | '~';
    return { ...state, fence: { char, length: open[2]!.length, indent: open[1]!, info: open[3]!, id } };
  }
  // Tags in HTML comments and inline code are text, not elements.
  const html = text.replace(/<!--.*?-->/g, '').replace(/(`+).*?\1/g, '');
  const opened = html.match(/<details(?=[\s>])/gi)?.length ?? 0;
  const closed = html.match(/<\/details\s*>/gi)?.length ?? 0;
  return opened === closed ? state : { ...state, details: Math.max(0, state.details + opened - closed) };
}

/**
 * The longest whole-line prefix of `text` that, with what closes what it leaves open and a note,
 * fits `budget`; undefined when not even the note fits. `start` is the state before the section.
 * What follows the section sees the same structure as after the whole section.
 */
function cutSection(text: string, start: ScanState, budget: number, label: string, where: string): string | undefined {
  const lines = splitLines(text);
  const states: ScanState[] = [start];
  const prefixSize: number[] = [0];
  lines.forEach((line, i) => {
    states.push(scanLine(states[i]!, line, -1 - i));
    prefixSize.push(prefixSize[i]! + bodySize(line));
  });
  for (let k = lines.length - 1; k >= 0; k--) {
    if (prefixSize[k]! > budget) continue;
    const tail = closeAfterCut(states[k]!, states[lines.length]!, countContentLines(lines.slice(k)), label, where);
    // A prefix without a final line end only happens for k = lines.length, which is no cut.
    if (prefixSize[k]! + bodySize(tail) <= budget) return lines.slice(0, k).join('') + tail;
  }
  return undefined;
}

/** What goes after the kept lines so the section ends in the same structure the whole one did. */
function closeAfterCut(at: ScanState, end: ScanState, omitted: number, label: string, where: string): string {
  const lines = `${formatNumber(omitted)} more line${omitted === 1 ? '' : 's'}`;
  // Still inside the fence the next section closes: the note is a line of that code block.
  if (at.fence && at.fence.id === end.fence?.id) return `… ${lines} of the ${label} not shown; the full ${label} is in the job summary\n`;
  const parts: string[] = [];
  if (at.fence) parts.push(`${at.fence.indent}${at.fence.char.repeat(at.fence.length)}\n`);
  parts.push(`\n_✂ ${lines} of the ${label} not shown. The full ${label} is in ${where}._\n`);
  for (let d = at.details; d > end.details; d--) parts.push('\n</details>\n');
  for (let d = at.details; d < end.details; d++) parts.push('<details>\n');
  // The whole section ended inside a fence that a later section closes: open one like it.
  if (end.fence) parts.push(`${end.fence.indent}${end.fence.char.repeat(end.fence.length)}${end.fence.info}\n`);
  return parts.join('');
}

/** Lines the reader misses: not blank, not a fence line, not a bare <details>/<summary> tag line. */
function countContentLines(lines: readonly string[]): number {
  return lines.filter((l) => {
    const t = l.trim();
    return t !== '' && !/^(`{3,}|~{3,})[^\s`]*$/.test(t) && !/^(<\/?details\b[^>]*>|<summary>.*<\/summary>)+$/i.test(t);
  }).length;
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}
