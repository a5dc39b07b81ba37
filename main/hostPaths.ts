import { homedir } from 'node:os';
import { join } from 'node:path';

declare const __STEPWISE_VERSION__: string;
/** Set by the main build (scripts/build-main.mjs); "dev" when run from source in tests. */
export const STEPWISE_VERSION = typeof __STEPWISE_VERSION__ === 'string' ? __STEPWISE_VERSION__ : 'dev';

/** The default folder for projects: ~/Stepwise, or STEPWISE_DATA_DIR when set. */
export function defaultProjectsDir(): string {
  return process.env.STEPWISE_DATA_DIR ?? join(homedir(), 'Stepwise');
}
