// `npm run bench:migration`: the migration section of BENCHMARKS.md alone (see scripts/bench/migration.mjs).
//   BENCH_MIGRATION_SIZES=10,100,500  BENCH_MIGRATION_RESTART_MS=1000  BENCH_OUT=FILE (default BENCHMARKS.md)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchMigration, renderMigration, withMigrationSection } from './bench/migration.mjs';

if (Number(process.versions.node.split('.')[0]) < 24)
  throw new Error(`the action runs on Node 24; this is Node ${process.version}: run \`npm run bench:migration\``);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sizes = (process.env.BENCH_MIGRATION_SIZES || '10,100,500').split(',').map((s) => Number(s.trim()));
const restartMs = Number(process.env.BENCH_MIGRATION_RESTART_MS || '1000');
if (sizes.some((n) => !Number.isInteger(n) || n < 2) || !(restartMs > 0))
  throw new Error('BENCH_MIGRATION_SIZES: node counts of 2 or more; BENCH_MIGRATION_RESTART_MS: milliseconds');
const outFile = path.resolve(root, process.env.BENCH_OUT || 'BENCHMARKS.md');
const section = renderMigration(await benchMigration(root, { sizes, restartMs, log: (s) => process.stderr.write(`bench: ${s}\n`) }));
writeFileSync(outFile, withMigrationSection(existsSync(outFile) ? readFileSync(outFile, 'utf8') : '# Benchmarks\n', section));
process.stdout.write(section);
