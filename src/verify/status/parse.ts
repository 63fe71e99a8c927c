import { errorMessage } from '../../errors.js';
import { StatusDraft } from './draft.js';
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
      const d = new StatusDraft('json');
      d.unhealthy(`the status JSON could not be read: ${errorMessage(e)}`);
      return d.status;
    }
  }
  return parseStatusText(output);
}
