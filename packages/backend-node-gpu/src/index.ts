export { backendInfo, type NodeBackendInfo } from './backend-info';
export { NODE_PEERS, type PeerImporter } from './load-node-peer';
export { NodeBackendError } from './node-backend-error';
export { type NodeBackendName, type UseNodeBackendOptions, useBackend } from './use-backend';
