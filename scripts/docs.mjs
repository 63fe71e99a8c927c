// `npm run docs`: regenerates the README's inputs and outputs tables from action.yml.
// `npm run docs -- --check` changes nothing and exits 1 when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateReadme } from './docs-readme.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = path.join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = updateReadme(readme, readFileSync(path.join(root, 'action.yml'), 'utf8'));

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md: the inputs/outputs tables differ from action.yml; run `npm run docs` and commit README.md');
    process.exit(1);
  }
  console.log('README.md: inputs/outputs tables match action.yml');
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log('README.md: inputs/outputs tables regenerated from action.yml');
} else {
  console.log('README.md: inputs/outputs tables already match action.yml');
}
