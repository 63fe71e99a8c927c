import { errorMessage } from '../../errors.js';
import { parseStatusJson } from './parse-json.js';
import { parseStatusText } from './parse-text.js';
import type { AgentStatus } from './types.js';

/** Either form of `cilium-dbg status` output: JSON when it starts with `{` or `[`, text otherwise. */
export function parseAgentStatus(output: string): AgentStatus {
  const trimmed = output.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return parseStatusJson(trimmed);
    } catch (e) {
      return {
        format: 'json',
        routing: 'unknown',
        encryption: 'unknown',
        wireguardInterfaces: [],
        healthy: false,
        problems: [`the status JSON could not be read: ${errorMessage(e)}`],
      };
    }
  }
  return parseStatusText(output);
}
