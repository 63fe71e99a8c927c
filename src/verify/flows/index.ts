export { analyseFile, analyseStreams, analyseText } from './analyse.js';
export { FlowStreamParser } from './stream-parser.js';
export { flowVerdict } from './verdict.js';
export type { AnalyseOptions, FlowStats } from './types.js';
