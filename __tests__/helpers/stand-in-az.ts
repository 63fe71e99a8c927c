// A stand-in `az` for the learned-routes check: answers `network routeserver peering list` and
// `… list-learned-routes --name P` from a JSON file beside it, and logs every call, so a test can
// show that only read-only commands ran. Put its folder first on PATH.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kubectl } from '../setup/env.js';

interface AzAnswers {
  /** peering name → peer IP */
  peerings: Record<string, string>;
  /** peering name → learned routes (as az prints them, split over the two Route Server instances) */
  learned: Record<string, Array<{ network: string; nextHop: string; sourcePeer?: string; asPath?: string }>>;
  /** make every call fail like a logged-out az */
  loggedOut?: boolean;
}

export interface StandInAz {
  dir: string;
  set(answers: AzAnswers): void;
  calls(): string[][];
}

export function standInAz(): StandInAz {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-az-'));
  mkdirSync(dir, { recursive: true });
  const answers = path.join(dir, 'answers.json');
  const log = path.join(dir, 'calls.jsonl');
  const bin = path.join(dir, 'az');
  writeFileSync(
    bin,
    `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
const a = JSON.parse(fs.readFileSync(${JSON.stringify(answers)}, 'utf8'));
if (a.loggedOut) { process.stderr.write("ERROR: Please run 'az login' to setup account.\\n"); process.exit(1); }
const arg = (n) => args[args.indexOf(n) + 1];
const cmd = args.slice(0, 4).join(' ');
if (cmd === 'network routeserver peering list') {
  console.log(JSON.stringify(Object.entries(a.peerings).map(([name, peerIp]) => ({ name, peerIp, peerAsn: 65001, provisioningState: 'Succeeded' }))));
} else if (cmd === 'network routeserver peering list-learned-routes') {
  const routes = a.learned[arg('--name')] || [];
  const half = Math.ceil(routes.length / 2);
  console.log(JSON.stringify({ RouteServiceRole_IN_0: routes.slice(0, half), RouteServiceRole_IN_1: routes.slice(half) }));
} else { process.stderr.write('stand-in az: unknown command ' + cmd + '\\n'); process.exit(2); }
`,
  );
  chmodSync(bin, 0o755);
  return {
    dir,
    set: (a) => writeFileSync(answers, JSON.stringify(a)),
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as string[])
        : [],
  };
}

/** Action env with the stand-in az first on PATH, then kubectl and node (as clusterEnv sets them). */
export function pathWithAz(dir: string): Record<string, string> {
  return { PATH: [dir, path.dirname(kubectl()), path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter) };
}
