import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The page's only way out: window.packdesk = { invoke, on }, nothing else. ipcRenderer itself
 * never reaches the page, and neither does the IPC event (it carries the sender).
 * Sandboxed preloads may require only 'electron', so the channel names are repeated from
 * channels.ts here (test/electron/preload.test.ts keeps them equal).
 */
const INVOKE_CHANNEL = 'packdesk:invoke';
const EVENT_CHANNEL = 'packdesk:event';

interface PushMessage {
  event: string;
  payload: unknown;
}

contextBridge.exposeInMainWorld('packdesk', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, String(method), input),
  on: (event: string, callback: (payload: unknown) => void): (() => void) => {
    if (typeof callback !== 'function') throw new TypeError('packdesk.on needs a callback');
    const name = String(event);
    const listener = (_ipc: IpcRendererEvent, message: PushMessage) => {
      if (message?.event === name) callback(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
});
