// Small markdown helpers: table cells that cannot break the table, values shown compactly.
import { REDACTED } from './redact.js';

export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function code(text: string): string {
  const t = cell(text);
  return t.includes('`') ? `<code>${t.replace(/</g, '&lt;')}</code>` : `\`${t}\``;
}

export function showValue(v: unknown, max = 120): string {
  if (v === undefined) return '*(unset)*';
  if (v === REDACTED) return REDACTED;
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return code(s.length > max ? `${s.slice(0, max - 1)}…` : s);
}

export function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text}\n${f}`;
}
