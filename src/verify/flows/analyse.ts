// Entry points: several live streams at once, a saved capture file, or text already in memory.
import { open } from 'node:fs/promises';
import { mergeFlowStats } from './stats.js';
import { FlowStreamParser, type FlowChunk } from './stream-parser.js';
import { DEFAULT_MAX_EXAMPLES, DEFAULT_MAX_MALFORMED_EXAMPLES, type AnalyseOptions, type FlowStats } from './types.js';

/** A capture stream, optionally with the node it comes from (used for examples whose line does not say). */
export interface FlowSource {
  stream: AsyncIterable<FlowChunk>;
  node?: string;
}

/**
 * Consumes every stream concurrently, each with its own line state, and merges the counts. Examples
 * are taken in stream order, so the result does not depend on how the streams' chunks interleave.
 */
export async function analyseStreams(
  sources: ReadonlyArray<AsyncIterable<FlowChunk> | FlowSource>,
  options: AnalyseOptions = {},
): Promise<FlowStats> {
  const parts = await Promise.all(
    sources.map(async (src, i) => {
      const { stream, node } = isSource(src) ? src : { stream: src, node: undefined };
      const parser = new FlowStreamParser(i, options, node);
      for await (const chunk of stream) parser.push(chunk);
      return parser.end();
    }),
  );
  return merge(parts, options);
}

const READ_BUFFER = 2 << 20;

/**
 * Analyses a saved capture. Reads into two reused buffers, the next read under way while the last one
 * is scanned, rather than through a read stream, which allocates a new buffer per chunk (slower, and
 * leaves the memory to the garbage collector).
 */
export async function analyseFile(path: string, options: AnalyseOptions = {}): Promise<FlowStats> {
  const file = await open(path, 'r');
  const bufs = [Buffer.allocUnsafe(READ_BUFFER), Buffer.allocUnsafe(READ_BUFFER)] as const;
  let k = 0;
  let next = file.read(bufs[k], 0, READ_BUFFER, null);
  try {
    const parser = new FlowStreamParser(0, options);
    for (;;) {
      const { bytesRead } = await next;
      if (bytesRead === 0) break;
      const filled = bufs[k];
      k ^= 1;
      next = file.read(bufs[k], 0, READ_BUFFER, null);
      parser.push(filled.subarray(0, bytesRead)); // the parser keeps no reference to `filled`
    }
    return merge([parser.end()], options);
  } finally {
    await next.catch(() => undefined); // never close under a read still in flight
    await file.close();
  }
}

/** Analyses captures already in memory (one per node); for small inputs and tests. */
export function analyseText(texts: string | Buffer | ReadonlyArray<string | Buffer>, options: AnalyseOptions = {}): FlowStats {
  const list = typeof texts === 'string' || Buffer.isBuffer(texts) ? [texts] : texts;
  return merge(
    list.map((t, i) => {
      const p = new FlowStreamParser(i, options);
      p.push(t);
      return p.end();
    }),
    options,
  );
}

function merge(parts: FlowStats[], options: AnalyseOptions): FlowStats {
  return mergeFlowStats(parts, options.maxExamples ?? DEFAULT_MAX_EXAMPLES, options.maxMalformedExamples ?? DEFAULT_MAX_MALFORMED_EXAMPLES);
}

function isSource(s: AsyncIterable<FlowChunk> | FlowSource): s is FlowSource {
  return !(Symbol.asyncIterator in s);
}
