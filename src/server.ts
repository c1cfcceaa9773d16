// The application as started by the command line, tests and benchmarks: the
// platform's server with the registry's modules installed.
import './modules/registry.js';

export { buildServer, type ServerOptions } from './platform/server.js';
