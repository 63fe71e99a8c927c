// Small markdown helpers: table cells that cannot break the table, values shown compactly. Text
// from data (values, flows, tool output, errors) is shown, never interpreted: no HTML, no links,
// no images, no @mentions, no closing of the <details> or table around it.
import { REDACTED } from './redact.js';

/** Plain text for a table cell, a list item or a quote: one line, every markup character inert. */
export function cell(text: string): string {
  return escapeMarkdown(text).replace(/\r?\n/g, '<br>');
}

export function code(text: string): string {
  // a code span shows its text literally; one holding a backtick becomes <code> with every character escaped
  if (!text.includes('`') && !/[\r\n]/.test(text)) return `\`${text.replace(/\|/g, '\\|')}\``;
  return `<code>${escapeHtmlAll(text).replace(/\r?\n/g, '<br>')}</code>`;
}

/** Markdown and HTML special characters escaped; @mentions and autolinks broken. */
function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
      // a line-start marker would make a heading, list or quote
      .replace(/^([#+-]|\d+[.)])/, '\\$1')
      .replace(/@/g, '@\u200b')
      .replace(/:\/\//g, '&#58;//')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`)
  );
}

/** For <code>: every character that markdown or HTML could read as syntax, as an entity. */
function escapeHtmlAll(text: string): string {
  return text.replace(/[&<>"'`*_{}[\]()#+!|~\\@:]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function showValue(v: unknown, max = 120): string {
  if (v === undefined) return '*(unset)*';
  if (v === REDACTED) return REDACTED;
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return code(s.length > max ? `${s.slice(0, max - 1)}…` : s);
}

export function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** A table, or `none` when there are no rows (a heading over an empty table says nothing). */
export function tableOr(none: string, headers: string[], rows: string[][]): string {
  return rows.length === 0 ? none : table(headers, rows);
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text}\n${f}`;
}
