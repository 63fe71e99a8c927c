// A summary section that is a heading over a table, or over one line saying there is nothing.
import { tableOr } from './markdown.js';

export function tableSection(heading: string, none: string, headers: string[], rows: string[][]): string[] {
  return [heading, tableOr(none, headers, rows)];
}
