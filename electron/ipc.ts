import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Response } from '../core/api/dispatch.js';
import type { EventBus, Unsubscribe } from '../core/api/events.js';
import type { Logger } from '../core/api/context.js';
import { EVENT_NAMES } from '../core/shared/vocabulary.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels.js';
import { isFromOrigin, type PageOrigin } from './origin.js';
import type { Inflight } from './lifecycle.js';

/**
 * The one IPC channel into the core. The method name and input are not checked here: dispatch
 * validates both against the contract (an unknown method is UNKNOWN_METHOD, bad input
 * INVALID_INPUT), so IPC can never accept more than the WebSocket host does. What IPC must check
 * itself is who is calling.
 */

/** The window whose page may call the core: the BrowserWindow's contents, once it exists. */
export type AppContents = () => WebContents | null;

/**
 * Only the main frame of our own window, showing our own page. A frame the page embedded, a
 * page navigated elsewhere, or another WebContents gets nothing.
 */
export function isAppFrame(event: IpcMainInvokeEvent, contents: WebContents | null, origin: PageOrigin): boolean {
  const frame = event.senderFrame;
  if (!contents || contents.isDestroyed() || !frame) return false;
  return event.sender === contents && frame.parent === null && isFromOrigin(frame.url, origin);
}

/**
 * A refused caller gets INTERNAL: the closed set has no "forbidden" code, and a foreign frame
 * reaching this channel means the shell itself failed (the page can load nothing foreign), which
 * is what INTERNAL means; INVALID_INPUT would tell the screen to blame the packer's input.
 */
export const REFUSED: Response = { ok: false, error: { code: 'INTERNAL', message: 'Refused: not the Packdesk window.' } };
export const CLOSING: Response = { ok: false, error: { code: 'INTERNAL', message: 'Packdesk is closing.' } };

export interface InvokeDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: (method: string, input: unknown) => Promise<Response>;
  contents: AppContents;
  origin: PageOrigin;
  inflight: Inflight;
  log: Logger;
}

export function registerInvoke(deps: InvokeDeps): () => void {
  deps.ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Response> => {
    if (!isAppFrame(event, deps.contents(), deps.origin)) {
      deps.log.error(`Refused an API call from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return REFUSED;
    }
    if (deps.inflight.closing) return CLOSING;
    // A method that is not a string names no method: dispatch answers UNKNOWN_METHOD for ''.
    return deps.inflight.track(deps.dispatch(typeof method === 'string' ? method : '', input));
  });
  return () => deps.ipcMain.removeHandler(INVOKE_CHANNEL);
}

/**
 * Sends every core event to the page on the one event channel, as { event, payload }. The names
 * are core/shared's list, the one the station forwards too: a new event needs no edit here.
 */
export function forwardEvents(events: EventBus, contents: AppContents): Unsubscribe {
  const offs = EVENT_NAMES.map((name) =>
    events.on(name, (payload) => {
      const target = contents();
      if (target && !target.isDestroyed()) target.send(EVENT_CHANNEL, { event: name, payload });
    }),
  );
  return () => {
    for (const off of offs) off();
  };
}
