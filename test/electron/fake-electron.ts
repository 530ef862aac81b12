import { vi } from 'vitest';

/**
 * A stand-in for the parts of Electron the shell uses: enough to run electron/*.ts under Node
 * (the real binary cannot be downloaded on the build machines). Each fake records what was asked
 * of it, so tests can assert on window settings, handlers and sent messages.
 */

// biome-ignore lint/suspicious/noExplicitAny: one fake listener type stands in for each of Electron's handler signatures.
type Listener = (...args: any[]) => unknown;

export class Emitter {
  readonly listeners = new Map<string, Listener[]>();

  on(name: string, fn: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }

  once(name: string, fn: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(name, wrapped);
      return fn(...args);
    };
    return this.on(name, wrapped);
  }

  off(name: string, fn: Listener): this {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((l) => l !== fn),
    );
    return this;
  }

  removeListener(name: string, fn: Listener): this {
    return this.off(name, fn);
  }

  emit(name: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(name) ?? []) l(...args);
  }

  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

/** A navigation-style event: records preventDefault. */
export function fakeEvent<T extends object>(extra: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  const e = {
    ...extra,
    defaultPrevented: false,
    preventDefault: () => {
      e.defaultPrevented = true;
    },
  };
  return e;
}

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  destroyed = false;
  readonly sent: { channel: string; message: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly mainFrame = { url: 'app://packdesk/index.html', parent: null };
  readonly closeDevTools = vi.fn();

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }

  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = fn;
  }
}

export class FakeBrowserWindow extends Emitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  destroyed = false;
  minimized = false;

  // biome-ignore lint/suspicious/noExplicitAny: tests read back whichever window options main.ts passed.
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return this.minimized;
  }
}

export function fakeSession() {
  const s = {
    headersListener: null as Listener | null,
    requestListener: null as Listener | null,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    devicePermission: null as Listener | null,
    protocolHandlers: new Map<string, Listener>(),
    webRequest: {
      onHeadersReceived: (fn: Listener) => {
        s.headersListener = fn;
      },
      onBeforeRequest: (fn: Listener) => {
        s.requestListener = fn;
      },
    },
    setPermissionRequestHandler: (fn: Listener) => {
      s.permissionRequest = fn;
    },
    setPermissionCheckHandler: (fn: Listener) => {
      s.permissionCheck = fn;
    },
    setDevicePermissionHandler: (fn: Listener) => {
      s.devicePermission = fn;
    },
    protocol: { handle: (scheme: string, fn: Listener) => void s.protocolHandlers.set(scheme, fn) },
  };
  return s;
}

export function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: vi.fn((channel: string, fn: Listener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, fn);
    }),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
}

export function fakeApp(opts: { lock?: boolean; appData?: string } = {}) {
  const paths = new Map<string, string>([['appData', opts.appData ?? '/tmp/appData']]);
  let ready: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  return Object.assign(new Emitter(), {
    isPackaged: false,
    ready,
    requestSingleInstanceLock: vi.fn(() => opts.lock ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    setName: vi.fn(),
    setPath: vi.fn((name: string, value: string) => void paths.set(name, value)),
    getPath: vi.fn((name: string) => {
      const p = paths.get(name);
      if (!p) throw new Error(`no path ${name}`);
      return p;
    }),
    whenReady: vi.fn(() => whenReady),
  });
}

/** Everything `import … from 'electron'` gives the main process and the preload. */
export function fakeElectron(opts: { lock?: boolean; appData?: string } = {}) {
  const defaultSession = fakeSession();
  const rendererListeners = new Emitter();
  return {
    app: fakeApp(opts),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: fakeIpcMain(),
    session: { defaultSession },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
      showErrorBox: vi.fn(),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    // As on a Linux box without a keyring: Packdesk falls back to its 0600 file.
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (plain: string) => Buffer.from(plain),
      decryptString: (encrypted: Buffer) => encrypted.toString(),
    },
    ipcRenderer: {
      listeners: rendererListeners,
      invoke: vi.fn(async () => ({ ok: true, result: 'from main' })),
      on: vi.fn((channel: string, fn: Listener) => rendererListeners.on(channel, fn)),
      removeListener: vi.fn((channel: string, fn: Listener) => rendererListeners.off(channel, fn)),
    },
  };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;
