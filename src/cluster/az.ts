// The Azure CLI, read-only: Route Server's peerings and the routes it learned from each. argv only,
// never a shell; az comes from the runner's PATH and uses the login of an earlier step (azure/login).
import * as io from '@actions/io';
import { ActionError } from '../errors.js';
import { runProcess } from '../process/run.js';
import type { AzureRouteServer } from '../bgp/inputs.js';
import { routesOf, type LearnedRoute } from '../bgp/learned-routes.js';

const AZ_TIMEOUT_MS = 120_000;

/** The runner's environment without the action's inputs (INPUT_*): user input never reaches a child's environment. */
function azEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_')));
}

async function az(bin: string, args: string[], what: string): Promise<unknown> {
  const r = await runProcess(bin, [...args, '--output', 'json', '--only-show-errors'], { timeoutMs: AZ_TIMEOUT_MS, env: azEnv() });
  if (r.code !== 0 || r.timedOut) {
    throw new ActionError(`az could not ${what}: ${r.timedOut ? 'timed out' : r.stderr.trim().split('\n')[0] || `exit code ${r.code}`}`, {
      hint: 'Log in first (azure/login) with an identity that may read the Route Server (Reader on its resource group).',
    });
  }
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new ActionError(`az did not answer JSON when asked to ${what}`);
  }
}

/** Every route Route Server learned, over all of its peerings. */
export async function learnedRoutes(rs: AzureRouteServer): Promise<LearnedRoute[]> {
  const bin = await io.which('az', false);
  if (!bin)
    throw new ActionError('azure-route-server is set but az is not on the runner PATH', {
      hint: 'GitHub-hosted runners have the Azure CLI; on a self-hosted runner install it.',
    });
  const scope = ['--routeserver', rs.name, '--resource-group', rs.resourceGroup, '--subscription', rs.subscription];
  const peerings = await az(bin, ['network', 'routeserver', 'peering', 'list', ...scope], `list the peerings of Route Server ${rs.name}`);
  const names = (Array.isArray(peerings) ? peerings : []).map((p) => String((p as { name?: unknown }).name ?? '')).filter(Boolean);
  const answers = await Promise.all(
    names.map((name) =>
      az(
        bin,
        ['network', 'routeserver', 'peering', 'list-learned-routes', '--name', name, ...scope],
        `list the routes learned over peering ${name}`,
      ),
    ),
  );
  return answers.flatMap(routesOf);
}
