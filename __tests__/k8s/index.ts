// The in-memory Kubernetes API test cluster: real helm and kubectl talk to it over HTTP.
export { startTestCluster, TestCluster } from './cluster.js';
export { seedByocniCluster, byocniValues, BYOCNI_VALUES_FILE } from './seed.js';
