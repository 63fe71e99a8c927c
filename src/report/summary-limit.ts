// GitHub accepts a job summary of at most 1 MiB per step; a larger one is lost whole. The summary is
// cut at a line, what the cut leaves open (a code fence, <details>) is closed, and a note says where
// everything is: report.json keeps it all.
import { bodySize, scanLine, splitLines, type ScanState } from '../github/truncate.js';

const SUMMARY_LIMIT = 1024 * 1024;
// room for the closing lines and the note
const RESERVE = 4096;

export function limitSummary(markdown: string, reportPath: string, limit = SUMMARY_LIMIT): string {
  if (bodySize(markdown) <= limit) return markdown;
  let state: ScanState = { fence: undefined, details: 0 };
  let size = 0;
  const kept: string[] = [];
  const lines = splitLines(markdown);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const n = bodySize(line);
    if (size + n > limit - RESERVE) break;
    kept.push(line);
    size += n;
    state = scanLine(state, line, i);
  }
  let out = kept.join('');
  if (!out.endsWith('\n')) out += '\n';
  if (state.fence) out += `${state.fence.indent}${state.fence.char.repeat(state.fence.length)}\n`;
  for (let d = 0; d < state.details; d++) out += '</details>\n';
  const total = Math.round(bodySize(markdown) / 1024);
  return `${out}\n> [!NOTE]\n> The summary was cut at ${Math.round(size / 1024)} KiB of ${total} KiB (GitHub shows at most ${limit / 1024} KiB). The report file keeps everything: \`${reportPath.replace(/`/g, '')}\` (the \`report\` output).\n`;
}
