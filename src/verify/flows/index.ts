export { analyseFile, analyseStreams, analyseText, type FlowSource } from './analyse.js';
export { emptyStats, mergeFlowStats } from './stats.js';
export { FlowStreamParser, type FlowChunk } from './stream-parser.js';
export { flowVerdict, type FlowVerdict, type FlowVerdictOptions } from './verdict.js';
export type { AnalyseOptions, CaptureFormat, FlowExample, FlowStats, MalformedLine } from './types.js';
