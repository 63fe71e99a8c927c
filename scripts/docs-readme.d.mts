// Types for docs-readme.mjs (plain ESM shared by the docs scripts and the tests).
export function markers(name: string): { start: string; end: string };
export function cellText(s: string): string;
export function codeSpan(s: string): string;
export function codeSpans(markdown: string): string[];
export function inputsTable(actionYml: string): string;
export function outputsTable(actionYml: string): string;
export function blockBetween(readme: string, name: string): string;
export function replaceBlock(readme: string, name: string, content: string, note?: string): string;
export function updateReadme(readme: string, actionYml: string): string;
export function tableCells(row: string): string[];
export interface BadInputRow {
  what: string;
  inputs: Record<string, string>;
  message: string[];
  line: string;
}
export function parseBadInputTable(readme: string): BadInputRow[];
export function messageMatches(shown: readonly string[], actual: string): boolean;
export function messageCell(actual: string): string;
export function rewriteBadInputMessages(readme: string, messages: readonly string[]): string;
export const BAD_INPUT_FILES: Record<string, string | Uint8Array>;
export const BAD_INPUT_LINKS: Record<string, string>;
export function badInputBase(o: { helm: string; chart: string; baseValues: string }): Record<string, string>;
