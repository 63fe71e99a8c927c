// The bench's worker, bundled with ncc by scripts/bench.mjs and run in a child process per measurement
// (so each analysis has its own peak RSS). One command per run; prints one JSON line.
//   generate FILE FLOWS [SEED]        write a capture, print what it holds
//   analyse FILE                      the action's analyseFile
//   readline FILE                     readline + JSON.parse per line
//   fleet DIR NODES LATENCY_MS MODE   the agents check against a stand-in kubectl (MODE: pool | direct | serial),
//                                     or the per-pair checks over the exec WebSocket (MODE: mesh)
//   floor NODES                       the same pool running /bin/true: what process creation costs here
import { writeCapture } from '../fixtures/flows/generate.js';
import { analyseFile } from '../../src/verify/flows/index.js';
import { readlineCounts } from './readline-baseline.js';

const maxRssKb = (): number => process.resourceUsage().maxRSS;

async function main(argv: string[]): Promise<unknown> {
  const [cmd, ...args] = argv;
  const t0 = performance.now();
  switch (cmd) {
    case 'generate': {
      const truth = await writeCapture(args[0]!, { flows: Number(args[1]), seed: Number(args[2] ?? 1) });
      return { ...truth, ms: performance.now() - t0 };
    }
    case 'analyse': {
      const s = await analyseFile(args[0]!);
      const ms = performance.now() - t0;
      return {
        counts: {
          flowsObserved: s.flowsObserved,
          overlayFlows: s.overlayFlows,
          crossNodeFlows: s.crossNodeFlows,
          lostEvents: s.lostEvents,
          malformedLines: s.malformedLines,
        },
        fullyParsedLines: s.fullyParsedLines,
        ms,
        maxRssKb: maxRssKb(),
      };
    }
    case 'readline': {
      const counts = await readlineCounts(args[0]!);
      return { counts, ms: performance.now() - t0, maxRssKb: maxRssKb() };
    }
    case 'fleet': {
      const mode = args[3];
      if (mode !== 'pool' && mode !== 'direct' && mode !== 'serial' && mode !== 'mesh')
        throw new Error(`fleet: mode must be pool, direct, serial or mesh, not ${mode}`);
      // loaded only here: the flow commands' peak RSS should not include the agents check's modules
      const { runFleet } = await import('./fleet.js');
      return runFleet(args[0]!, Number(args[1]), Number(args[2]), mode);
    }
    case 'floor': {
      const { runSpawnFloor } = await import('./fleet.js');
      return runSpawnFloor(Number(args[0]));
    }
    default:
      throw new Error(`unknown bench command: ${cmd}`);
  }
}

main(process.argv.slice(2)).then(
  (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
