export { parseAgentStatus } from './parse.js';
export { parseStatusJson } from './parse-json.js';
export { EXPECTED, judgeAgents, type AgentExpectation, type AgentResult } from './judge.js';
export { configExpectation } from './expectation.js';
export type { AgentStatus } from './types.js';
