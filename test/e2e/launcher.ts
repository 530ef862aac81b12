/**
 * Everything an end-to-end run stands on: a core on a fresh database, the station host serving the
 * built renderer on a free loopback port, a loopback ZPL printer, and Debian's Chromium driven by
 * playwright-core with a fresh profile. Plain Node (no vitest), so the browser benchmark shares it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { call } from '../../core/api/dispatch.js';
import type { InputArg, Method, Result } from '../../core/api/contract.js';
import { createCore, type Core, type SyncOptions } from '../../core/core.js';
import { startStation, type Station } from '../../core/station/server.js';
import { FakeTcpPrinter } from '../printer/fakes/tcp-printer.js';
import { ROOT, rendererBuild } from './build.js';

/** Debian's package puts it here; CI installs it (`apt-get install -y chromium` in .ci/run). */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags from issue 4 (headless comes from playwright): no sandbox (CI runs as root), nothing that talks to the internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Containers often give /dev/shm only 64 MB, where Chromium's renderer crashes; /tmp has room.
  '--disable-dev-shm-usage',
];

export const VIEWPORT = { width: 1366, height: 768 };
export const OUTPUT_DIR = path.join(ROOT, 'test-output', 'e2e');

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does this)`;
}

export interface StationBench {
  core: Core;
  station: Station;
  /** The page origin the station serves, e.g. http://127.0.0.1:40123 */
  origin: string;
  printer: FakeTcpPrinter;
  /** Calls the core in-process, for setup and for checking what the screens did. */
  call<M extends Method>(method: M, input: InputArg<M>): Promise<Result<M>>;
  /** Errors the core logged (an INTERNAL error is always a bug). */
  errors: string[];
  close(): Promise<void>;
}

export interface BenchOptions {
  /** How the core reaches the platform (the sync tests keep secrets out of the OS keychain). */
  sync?: SyncOptions;
  /**
   * Runs on the database before the station's core opens it: what another Packdesk program left
   * there (the station's core then starts up on it as after any restart).
   */
  beforeOpen?(dbPath: string, printer: FakeTcpPrinter): Promise<void> | void;
}

/** A station with an empty shop on a temp database and a loopback printer, not yet saved in it. */
export async function startBench(options: BenchOptions = {}): Promise<StationBench> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-e2e-'));
  const dbPath = path.join(dataDir, 'packdesk.db');
  const errors: string[] = [];
  const printer = await FakeTcpPrinter.start();
  await options.beforeOpen?.(dbPath, printer);
  const core = createCore({
    dbPath,
    log: { error: (message, err) => errors.push(`${message}: ${String(err)}`) },
    ...(options.sync ? { sync: options.sync } : {}),
  });
  const build = await rendererBuild();
  const station = await startStation({ core, port: 0, staticDir: build.dir });
  return {
    core,
    station,
    origin: `http://127.0.0.1:${station.port}`,
    printer,
    call: (method, input) => call(core.dispatch, method, input),
    errors,
    async close() {
      await station.close();
      await printer.stop();
      core.close();
      build.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium on a fresh profile (so no settings or storage leak between runs). */
export async function openBrowser(extraArgs: string[] = []): Promise<BrowserSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: VIEWPORT,
    locale: 'en-GB',
  });
  // tsx (the benchmark) compiles with esbuild's keepNames, which wraps named functions inside the
  // functions given to page.evaluate in __name(…); the page must have it too.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  // Well under the test timeout, so a missing element fails with its locator in the message.
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot to test-output/e2e/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  // Finite animations (the verdict's colour wash) jump to their end, so shots compare run to run.
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}
