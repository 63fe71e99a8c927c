// Pure: fit a markdown body under GitHub's size limit for issue/PR bodies and comments without
// breaking it. Only sections marked `cuttable` are shortened, by whole lines from their end; code
// fences and <details> left open by the cut are closed again, and notes say what was cut and that
// the full report is in the job summary.

/** GitHub rejects issue and comment bodies longer than this ("maximum is 65536 characters"). */
export const GITHUB_BODY_LIMIT = 65_536;

export interface BodySection {
  /** markdown, concatenated as it is with the other sections: end it with a newline */
  markdown: string;
  /** may be shortened when the body is too long (e.g. the manifest diff inside <details>) */
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
  /** labels of the sections that were shortened */
  cut: string[];
  /** the sections that may not be cut were too large alone: the body is only a notice */
  replaced: boolean;
  /** bodySize(body) */
  size: number;
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
  const wholeSize = bodySize(whole);
  if (wholeSize <= limit) return { body: whole, truncated: false, cut: [], replaced: false, size: wholeSize };

  const where = options.fullReportUrl ? `the [job summary](${options.fullReportUrl})` : "this run's job summary";
  const replacement = (): FitResult => {
    const body =
      `> [!NOTE]\n> This report is too large for GitHub (${formatNumber(wholeSize)} characters, the limit is ` +
      `${formatNumber(limit)}). The full report is in ${where}.\n`;
    return { body, truncated: true, cut: [], replaced: true, size: bodySize(body) };
  };

  // Fence/<details> state at the start of each section, from the original text.
  const starts: ScanState[] = [];
  let state = INITIAL_STATE;
  let lineId = 0;
  for (const s of list) {
    starts.push(state);
    for (const line of splitLines(s.markdown)) state = scanLine(state, line, lineId++);
  }

  const cuttable = list.map((s, i) => ({ s, i })).filter(({ s }) => s.cuttable);
  const labels = cuttable.map(({ s, i }) => s.label ?? `section ${i + 1}`);
  const finalNote =
    `\n\n---\n> [!NOTE]\n> Shortened to fit GitHub's size limit (${formatNumber(limit)} characters): ` +
    `cut inside the ${joinLabels(labels)}. The full report is in ${where}.\n`;
  const fixedSize = list.filter((s) => !s.cuttable).reduce((n, s) => n + bodySize(s.markdown), 0);
  const available = limit - fixedSize - bodySize(finalNote);
  if (cuttable.length === 0 || available < 0) return replacement();

  // Water-filling: small cuttable sections stay whole, the large ones share what is left equally.
  const allocation = new Map<number, number>();
  let remaining = available;
  const bySize = [...cuttable].sort((a, b) => bodySize(a.s.markdown) - bodySize(b.s.markdown));
  bySize.forEach(({ s, i }, n) => {
    const share = Math.floor(remaining / (bySize.length - n));
    const size = bodySize(s.markdown);
    const given = Math.min(size, share);
    allocation.set(i, given);
    remaining -= given;
  });

  const out: string[] = [];
  const cut: string[] = [];
  for (const [i, s] of list.entries()) {
    const budget = allocation.get(i);
    if (budget === undefined || budget >= bodySize(s.markdown)) {
      out.push(s.markdown);
      continue;
    }
    const label = s.label ?? `section ${i + 1}`;
    const shortened = cutSection(s.markdown, starts[i]!, budget, label, where);
    if (shortened === undefined) return replacement();
    out.push(shortened);
    cut.push(label);
  }
  const body = out.join('').replace(/\n*$/, '') + finalNote;
  const size = bodySize(body);
  // The allocation above guarantees this; checked because a body over the limit is rejected outright.
  if (size > limit) return replacement();
  return { body, truncated: true, cut, replaced: false, size };
}

// ---- markdown structure, as far as cutting needs it --------------------------------------------

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
  const end = states[lines.length]!;
  for (let k = lines.length - 1; k >= 0; k--) {
    if (prefixSize[k]! > budget) continue;
    const tail = closeAfterCut(states[k]!, end, countContentLines(lines.slice(k)), label, where);
    const prefix = lines.slice(0, k).join('');
    // A prefix without a final line end only happens for k = lines.length, which is no cut.
    if (prefixSize[k]! + bodySize(tail) <= budget) return prefix + tail;
  }
  return undefined;
}

/** What goes after the kept lines so the section ends in the same structure the whole one did. */
function closeAfterCut(at: ScanState, end: ScanState, omitted: number, label: string, where: string): string {
  const lines = `${formatNumber(omitted)} more line${omitted === 1 ? '' : 's'}`;
  const sameFence = at.fence !== undefined && end.fence !== undefined && at.fence.id === end.fence.id;
  const parts: string[] = [];
  if (sameFence) {
    // Still inside the fence the next section closes: the note is a line of that code block.
    parts.push(`… ${lines} of the ${label} not shown; the full ${label} is in the job summary\n`);
  } else {
    if (at.fence) parts.push(`${at.fence.indent}${at.fence.char.repeat(at.fence.length)}\n`);
    parts.push(`\n_✂ ${lines} of the ${label} not shown. The full ${label} is in ${where}._\n`);
    for (let d = at.details; d > end.details; d--) parts.push('\n</details>\n');
    for (let d = at.details; d < end.details; d++) parts.push('<details>\n');
    if (end.fence) {
      // The whole section ended inside a fence that a later section closes: open one like it.
      parts.push(`${end.fence.indent}${end.fence.char.repeat(end.fence.length)}${end.fence.info}\n`);
    }
  }
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

function joinLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? 'report';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
