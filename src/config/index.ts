/** Public surface of the config module. */
export { ConfigError, ConfigErrors, formatProblem } from './errors.js';
export { API_VERSIONS, CONFIG_ENV, type LoadConfigInput, loadConfig, loadConfigText } from './load.js';
export type * from './model.js';
