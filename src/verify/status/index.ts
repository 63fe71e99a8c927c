export { parseAgentStatus } from './parse.js';
export { parseStatusJson } from './parse-json.js';
export { parseStatusText } from './parse-text.js';
export {
  EXPECTED,
  judgeAgents,
  type AgentExpectation,
  type AgentResult,
  type AgentRow,
  type AgentsJudgement,
  type EncryptionMode,
  type RoutingMode,
} from './judge.js';
export type { AgentStatus, Encryption, Routing, WireguardInterface } from './types.js';
