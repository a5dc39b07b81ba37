import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The app's own data folder (sign-ins and other per-user state that must never go into a
 * project, which is shared through git): $STEPWISE_STATE_DIR, else the OS's usual place.
 */
export function defaultAppDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.STEPWISE_STATE_DIR) return env.STEPWISE_STATE_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Stepwise');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Stepwise');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'stepwise');
}
