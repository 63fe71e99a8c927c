// The in-memory Kubernetes API test cluster: real helm and kubectl talk to it over HTTP.
export { startTestCluster, TestCluster, type AgentInfo, type TestClusterOptions } from './cluster.js';
export { seedByocniCluster, byocniValues, BYOCNI_VALUES_FILE, type SeedOptions, type SeedResult } from './seed.js';
export { CILIUM_CLI_VERSION } from './cilium-cli.js';
export { datapathOf, type DatapathView } from './agent-status.js';
export type { Faults, FlowRecord, Obj, ObjectRef, Recorded, WriteFailure } from './types.js';
