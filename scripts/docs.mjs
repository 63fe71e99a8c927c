// `npm run docs`: regenerates what follows action.yml: the README's inputs and outputs tables, and
// src/inputs/defaults.ts (the input defaults the code reads).
// `npm run docs -- --check` changes nothing and exits 1 when either is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { defaultsModule } from './docs-defaults.mjs';
import { updateReadme } from './docs-readme.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const actionYml = readFileSync(path.join(root, 'action.yml'), 'utf8');
const check = process.argv.includes('--check');

const defaultsPath = path.join(root, 'src', 'inputs', 'defaults.ts');
const prettierOptions = { ...(await prettier.resolveConfig(defaultsPath)), filepath: defaultsPath };
const targets = [
  {
    file: 'README.md',
    what: 'inputs/outputs tables',
    updated: (old) => updateReadme(old, actionYml),
  },
  {
    file: 'src/inputs/defaults.ts',
    what: 'input defaults',
    updated: () => prettier.format(defaultsModule(actionYml), prettierOptions),
  },
];

let stale = false;
for (const { file, what, updated } of targets) {
  const full = path.join(root, file);
  const old = readFileSync(full, 'utf8');
  const text = await updated(old);
  if (text === old) console.log(`${file}: ${what} ${check ? 'match' : 'already match'} action.yml`);
  else if (check) {
    console.error(`${file}: the ${what} differ from action.yml; run \`npm run docs\` and commit ${file}`);
    stale = true;
  } else {
    writeFileSync(full, text);
    console.log(`${file}: ${what} regenerated from action.yml`);
  }
}
if (stale) process.exit(1);
