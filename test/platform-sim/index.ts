/** The simulator's programmatic entry for tests and benchmarks. */
export { startSimulator, type Simulator, type SimulatorOptions } from './server.js';
export type { Platform, OrderAction, OrderActionArgs } from './platform.js';
export type { OrderSpec } from './generate.js';
export type { SimSettings } from './model.js';
export type { FaultRule } from './faults.js';
export type { Counters, RequestRecord } from './observe.js';
export { CODES } from './codes.js';
export { signature } from './signing.js';
