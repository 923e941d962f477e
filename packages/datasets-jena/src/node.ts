// The main entry's exports, with the readers that take paths in place of their universal namesakes.
export * from './index';
export { loadJena, type NodeLoadJenaOptions } from './node/load-jena';
