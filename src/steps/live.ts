// What apply reads before it changes anything, and what both strategies are given.
import type { ConfigData } from '../chart/cilium-config.js';
import type { ReleaseInfo } from '../cluster/helm.js';
import type { Values } from '../values/layers.js';
import type { Plan } from './plan.js';

export interface LiveRelease {
  info: ReleaseInfo | undefined;
  values: Values;
  config: ConfigData | undefined;
}

export interface ApplyPlan {
  live: LiveRelease;
  plan: Plan;
  version: string | undefined;
  deadline: number;
}
