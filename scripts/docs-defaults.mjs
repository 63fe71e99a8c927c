// src/inputs/defaults.ts, generated from action.yml: the code reads input defaults from that table,
// so action.yml is the one place a default is written. Shared by `npm run docs` and its --check.
import { parse } from 'yaml';

/** action.yml's input defaults as the code sees them: an expression (`${{ github.token }}`) is ''. */
export function inputDefaults(actionYml) {
  const out = {};
  for (const [name, spec] of Object.entries(parse(actionYml).inputs ?? {})) {
    const d = spec?.default === undefined || spec.default === null ? '' : String(spec.default);
    out[name] = d.includes('${{') ? '' : d;
  }
  return out;
}

/** The TypeScript module (before Prettier) holding the table. */
export function defaultsModule(actionYml) {
  const rows = Object.entries(inputDefaults(actionYml)).map(([name, d]) => `  ${JSON.stringify(name)}: ${JSON.stringify(d)},`);
  return [
    '// Generated from action.yml by `npm run docs`; edit action.yml, not this file (`npm run docs -- --check` fails when',
    "// it is stale). Each input's default as the runner fills it in; an expression default (github-token's",
    "// `${{ github.token }}`) is '' here: only the runner can evaluate it.",
    'export const INPUT_DEFAULTS = {',
    ...rows,
    '} as const;',
    '',
    '/** The name of an input action.yml declares. */',
    'export type InputName = keyof typeof INPUT_DEFAULTS;',
    '',
  ].join('\n');
}
