import os from 'node:os';
import path from 'node:path';

/**
 * Where the database lives when --db is not given: the same folder Electron's
 * app.getPath('userData') uses for an app named Packdesk, so the CLI and the app share it.
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, 'Packdesk', 'packdesk.db');
}
