import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAppDataDir } from '../../../main/capture/browser/appDataDir';

describe("the app's data folder (sign-ins), never a projects folder", () => {
  it('is STEPWISE_STATE_DIR when set', () => {
    expect(defaultAppDataDir({ STEPWISE_STATE_DIR: '/srv/stepwise-state', STEPWISE_DATA_DIR: '/srv/projects' }, 'linux', '/home/pm')).toBe('/srv/stepwise-state');
  });

  it("is the OS's app-data place otherwise, whatever STEPWISE_DATA_DIR says", () => {
    expect(defaultAppDataDir({ STEPWISE_DATA_DIR: '/home/pm/Stepwise' }, 'linux', '/home/pm')).toBe(join('/home/pm', '.local', 'share', 'stepwise'));
    expect(defaultAppDataDir({ XDG_DATA_HOME: '/data/pm' }, 'linux', '/home/pm')).toBe(join('/data/pm', 'stepwise'));
    expect(defaultAppDataDir({}, 'darwin', '/Users/pm')).toBe(join('/Users/pm', 'Library', 'Application Support', 'Stepwise'));
    expect(defaultAppDataDir({ APPDATA: 'C:\\Users\\pm\\AppData\\Roaming' }, 'win32', 'C:\\Users\\pm')).toBe(join('C:\\Users\\pm\\AppData\\Roaming', 'Stepwise'));
  });
});
