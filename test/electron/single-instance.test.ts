import { expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => (await import('./fake-electron.js')).fakeElectron({ lock: false }));
vi.mock('electron', () => electron);

it('quits a second instance before it opens anything', async () => {
  await import('../../electron/main.js');
  expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
  expect(electron.app.quit).toHaveBeenCalledTimes(1);
  expect(electron.app.whenReady).not.toHaveBeenCalled();
  expect(electron.app.count('second-instance')).toBe(0);
  expect(electron.ipcMain.handle).not.toHaveBeenCalled();
});
