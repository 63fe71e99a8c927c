// One capture stream: chunks in, counts out. Lines are found in each chunk where it lies; only a line
// split across chunks is copied. Memory is one partial line (bounded by maxLineBytes) plus the
// examples, whatever the stream's length.
import { classifyJson, exampleOf } from './json-line.js';
import { SCAN_FAILED, scanJsonpbFlow, startsLikeJsonpbFlow, type ScanResult } from './jsonpb-scan.js';
import { OVERLAY_POINT, POINT_ID } from './points.js';
import { StatsBuilder } from './stats.js';
import { parseTextLine, type TableLayout } from './text-line.js';
import {
  DEFAULT_MAX_EXAMPLES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_MALFORMED_EXAMPLES,
  type AnalyseOptions,
  type FlowStats,
} from './types.js';

export type FlowChunk = Buffer | Uint8Array | string;

const NL = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const TAB = 0x09;
const BRACE = 0x7b;
const OVERLAY_ID = POINT_ID.get(OVERLAY_POINT)!;

export class FlowStreamParser {
  private readonly stats: StatsBuilder;
  private readonly maxLine: number;
  private readonly fast: boolean;
  private readonly scan: ScanResult = { pointId: -1, pointName: undefined, bothPods: false };
  /** pieces of a line that began in an earlier chunk */
  private carry: Buffer[] = [];
  private carryBytes = 0;
  /** inside a line longer than maxLineBytes: drop bytes until its end */
  private skipping = false;
  private lineNo = 0;
  private layout: TableLayout | undefined;
  private ended = false;

  /**
   * @param stream index of this stream, for malformed-line reports
   * @param node the node this stream comes from, for examples whose line does not say
   */
  constructor(
    private readonly stream = 0,
    options: AnalyseOptions = {},
    private readonly node?: string,
  ) {
    this.stats = new StatsBuilder(
      options.maxExamples ?? DEFAULT_MAX_EXAMPLES,
      options.maxMalformedExamples ?? DEFAULT_MAX_MALFORMED_EXAMPLES,
    );
    this.maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.fast = options.fastPath ?? true;
  }

  /** Feeds the next chunk. The chunk is not kept: the caller may reuse its memory afterwards. */
  push(chunk: FlowChunk): void {
    if (this.ended) throw new Error('FlowStreamParser: push after end');
    const buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let pos = 0;
    if (this.carryBytes > 0 || this.skipping) {
      const nl = buf.indexOf(NL);
      if (nl < 0) {
        this.hold(buf, 0, buf.length);
        return;
      }
      if (this.skipping) {
        this.skipping = false;
      } else {
        this.hold(buf, 0, nl);
        if (!this.skipping) {
          const line = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry, this.carryBytes);
          this.carry = [];
          this.carryBytes = 0;
          this.line(line, 0, line.length);
        } else {
          this.skipping = false;
        }
      }
      pos = nl + 1;
    }
    for (;;) {
      const nl = buf.indexOf(NL, pos);
      if (nl < 0) break;
      this.line(buf, pos, nl);
      pos = nl + 1;
    }
    if (pos < buf.length) this.hold(buf, pos, buf.length);
  }

  /** Ends the stream (a last line without a newline still counts) and returns its counts. */
  end(): FlowStats {
    if (!this.ended) {
      this.ended = true;
      if (this.carryBytes > 0 && !this.skipping) {
        const line = Buffer.concat(this.carry, this.carryBytes);
        this.carry = [];
        this.carryBytes = 0;
        this.line(line, 0, line.length);
      }
    }
    return this.stats.finish();
  }

  /** Keeps part of a line until its end arrives; a line over the limit is reported and dropped. */
  private hold(buf: Buffer, s: number, e: number): void {
    if (this.skipping || e === s) return;
    if (this.carryBytes + (e - s) > this.maxLine) {
      this.lineNo++;
      const first = this.carry[0] ?? buf.subarray(s, e);
      this.stats.malformed({
        stream: this.stream,
        line: this.lineNo,
        text: () => `${printable(first)} (longer than ${this.maxLine} bytes)`,
      });
      this.carry = [];
      this.carryBytes = 0;
      this.skipping = true;
      return;
    }
    this.carry.push(Buffer.from(buf.subarray(s, e))); // a copy: the caller may reuse buf
    this.carryBytes += e - s;
  }

  private line(buf: Buffer, s: number, e: number): void {
    this.lineNo++;
    if (e - s > this.maxLine) {
      this.stats.malformed({
        stream: this.stream,
        line: this.lineNo,
        text: () => `${printable(buf.subarray(s, s + 200))} (longer than ${this.maxLine} bytes)`,
      });
      return;
    }
    // trim: CR of CRLF, a byte-order mark, blanks
    if (e - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    while (e > s && (buf[e - 1] === CR || buf[e - 1] === SP || buf[e - 1] === TAB)) e--;
    let j = s;
    while (j < e && (buf[j] === SP || buf[j] === TAB)) j++;
    if (j === e) return; // empty lines are not counted
    if (buf[j] === BRACE) this.jsonLine(buf, j, e);
    else this.textLine(buf.subarray(s, e));
  }

  private jsonLine(buf: Buffer, s: number, e: number): void {
    if (this.fast && startsLikeJsonpbFlow(buf, s, e)) {
      const r = this.scan;
      // an example needs the whole flow: the first few overlay flows take the full parse below
      if (scanJsonpbFlow(buf, s, e, r) !== SCAN_FAILED && !(r.pointId === OVERLAY_ID && this.stats.wantsExample())) {
        this.stats.flow('jsonpb', r.pointId >= 0 ? r.pointId : r.pointName!, r.bothPods);
        return;
      }
    }
    this.stats.fullyParsed();
    let value: unknown;
    try {
      value = JSON.parse(buf.toString('utf8', s, e));
    } catch {
      this.malformed(buf.subarray(s, e));
      return;
    }
    const c = classifyJson(value);
    switch (c.kind) {
      case 'flow':
        if (this.stats.flow(c.format, c.point, c.bothPods)) this.stats.example(exampleOf(c.flow, c.node ?? this.node));
        return;
      case 'lost':
        this.stats.lost(c.format, c.count);
        return;
      case 'other':
        this.stats.other(c.format);
        return;
      case 'malformed':
        this.malformed(buf.subarray(s, e));
    }
  }

  private textLine(v: Buffer): void {
    const c = parseTextLine(v.toString('utf8'), this.layout);
    switch (c.kind) {
      case 'header':
        this.layout = c.layout;
        this.stats.other('table');
        return;
      case 'flow':
        if (this.stats.flow(c.format, c.point, c.bothPods)) {
          const e = c.example();
          if (e.node === undefined && this.node !== undefined) e.node = this.node;
          this.stats.example(e);
        }
        return;
      case 'lost':
        this.stats.lost(c.format, c.count);
        return;
      case 'malformed':
        this.malformed(v);
    }
  }

  private malformed(v: Buffer): void {
    this.stats.malformed({ stream: this.stream, line: this.lineNo, text: () => printable(v) });
  }
}

/** At most 200 characters, control characters and invalid bytes shown as escapes. */
function printable(v: Buffer): string {
  const text = v.subarray(0, 200).toString('utf8');

  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return v.length > 200 ? `${clean}…` : clean;
}
