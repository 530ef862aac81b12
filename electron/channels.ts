/**
 * The names the main process and the preload agree on. The preload cannot import this file (a
 * sandboxed preload may only require 'electron'), so it repeats them; a test keeps both equal.
 */

/** The one request channel: ipcRenderer.invoke(INVOKE_CHANNEL, method, input) → Response. */
export const INVOKE_CHANNEL = 'packdesk:invoke';

/** The one push channel: every core event as { event, payload }. */
export const EVENT_CHANNEL = 'packdesk:event';

/** The renderer is served from app://packdesk/ (a privileged, standard scheme), never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'packdesk';
