/**
 * The sync as the rest of the core uses it: connect and disconnect a shop, run a cycle now or on
 * the engine's schedule, and say how things stand. One cycle at a time in this program (a second
 * request joins the one under way) and across programs (the sync lock in the database).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from '../api/context.js';
import type { EventBus } from '../api/events.js';
import type { Clock } from '../domain/clock.js';
import { PackdeskError, type ErrorInfo } from '../domain/errors.js';
import { decideSyncLock, SYNC_LOCK_HEARTBEAT_MS, type SyncLockHolder } from '../domain/sync-lock.js';
import { syncHeadline } from '../domain/sync-status.js';
import { getJsonSetting } from '../features/settings.js';
import { afterRefresh, shopTokens, type ShopConnectionInfo } from '../platform/connection.js';
import type { CredentialStore } from '../platform/credentials/types.js';
import type { RuntimeOptions } from '../platform/runtime.js';
import type { ShopTokens } from '../platform/tokens.js';
import { countOpenConflicts } from '../store/conflicts-repo.js';
import type { Db } from '../store/db.js';
import { countEntries } from '../store/sync-outbox-repo.js';
import { getConnection, recordCycleFailed, removeConnection, saveConnection, setLock, syncState, type StoredConnection } from '../store/sync-state-repo.js';
import { establish, heldSignInAccount, shopStatusView, type ConnectRequest, type HeldSignIn, type ShopStatusView } from './connection.js';
import { runCycle, type CycleSummary } from './cycle.js';
import { SyncScheduler, AFTER_OUTBOX_WRITE_MS } from './engine.js';
import { notConnected, reasonOf, syncBusy } from './errors.js';
import { DirectGateway, type GatewayOptions, type PlatformGateway } from './gateway.js';
import { syncSettings } from './settings.js';
import type { SyncSteps } from './steps.js';
import type { SyncStatusView } from './views.js';

export type GatewayFactory = (options: GatewayOptions) => PlatformGateway;

export interface LockIdentity {
  owner: string;
  pid: number;
  host: string;
  pidAlive(pid: number): boolean;
}

export interface SyncServiceOptions {
  db: Db;
  clock: Clock;
  events: EventBus;
  log: Logger;
  dataDir: string;
  write<T>(fn: () => T): Promise<T>;
  /** Opened on first use: probing the keychain takes a moment. */
  openCredentials(): Promise<CredentialStore>;
  /** How platform calls are made: in this thread by default; hosts run them in a worker thread. */
  gateways?: GatewayFactory;
  /** The platform client's waits and timeouts (tests shorten them). */
  runtime?: RuntimeOptions;
  /** Who this program is, for the cross-program sync lock. */
  identity?: LockIdentity;
  /** How long "Sync now" waits for another program's cycle before giving up (CONFLICT, reason sync-busy). */
  lockWaitMs?: number;
  /** After each cycle and at start: print the platform labels that arrived for packages waiting for them. */
  labelsArrived?: () => Promise<unknown>;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function thisProgram(): LockIdentity {
  return { owner: randomUUID(), pid: process.pid, host: os.hostname(), pidAlive };
}

/** A bench that scanned this recently counts as busy: the pull's write steps stay short. */
const BENCH_ACTIVE_MS = 10_000;
const ACTIVE_STEP_MS = 1;
const QUIET_STEP_MS = 16;

/** Not unref'd: a CLI cycle waiting for a label must not let the process end under it. */
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function gatewayKey(info: ShopConnectionInfo): string {
  return JSON.stringify([info.account, info.apiBase, info.authBase, info.shopCipher, info.accessTokenExpiresAt, info.refreshTokenExpiresAt]);
}

export class SyncService {
  private credentials: Promise<CredentialStore> | null = null;
  private gateway: { key: string; gateway: PlatformGateway } | null = null;
  private running: Promise<CycleSummary> | null = null;
  private readonly me: LockIdentity;
  private readonly scheduler: SyncScheduler;
  private unsubscribe: (() => void) | null = null;
  readonly steps: SyncSteps;

  constructor(private readonly o: SyncServiceOptions) {
    this.me = o.identity ?? thisProgram();
    this.steps = {
      db: o.db,
      clock: o.clock,
      write: o.write,
      dataDir: o.dataDir,
      sleep: realSleep,
      ordersChanged: (orderIds) => o.events.emit('orders.changed', { orderIds }),
      stepBudgetMs: () => (performance.now() - this.lastScanAt < BENCH_ACTIVE_MS ? ACTIVE_STEP_MS : QUIET_STEP_MS),
    };
    this.scheduler = new SyncScheduler(() => this.cycle());
    // The status bar's "12 waiting" follows every outbox write, told after the write's own answer.
    o.events.on('outbox.changed', () => this.announceSoon());
    o.events.on('scan.recorded', () => {
      this.lastScanAt = performance.now();
    });
  }

  private announcing = false;
  private lastScanAt = Number.NEGATIVE_INFINITY;

  private announceSoon(): void {
    if (this.announcing) return;
    this.announcing = true;
    setImmediate(() => {
      this.announcing = false;
      this.announce();
    });
  }

  credentialStore(): Promise<CredentialStore> {
    this.credentials ??= this.o.openCredentials().catch((err: unknown) => {
      this.credentials = null;
      throw err;
    });
    return this.credentials;
  }

  // ---- the connection

  async connect(req: ConnectRequest): Promise<ShopStatusView> {
    const store = await this.credentialStore();
    const heldAccount = req.authCode ? heldSignInAccount(req.appKey, req.authCode) : null;
    const held: HeldSignIn | undefined = heldAccount
      ? {
          tokens: await store.load(heldAccount),
          keep: (t) => store.save(heldAccount, { appSecret: req.appSecret, accessToken: t.accessToken, refreshToken: t.refreshToken }),
        }
      : undefined;
    const { info, tokens } = await establish(req, this.o.runtime, this.o.clock.now(), held);
    if (heldAccount) await store.remove(heldAccount);
    await store.save(info.account, { appSecret: req.appSecret, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    const previous = getConnection(this.o.db);
    await this.o.write(() => saveConnection(this.o.db, info, this.o.clock.now()));
    if (previous && previous.info.account !== info.account) await store.remove(previous.info.account).catch(() => {});
    await this.dropGateway();
    this.announce();
    this.scheduler.soon(0);
    return shopStatusView(getConnection(this.o.db), store);
  }

  async disconnect(): Promise<ShopStatusView> {
    const previous = getConnection(this.o.db);
    await this.o.write(() => removeConnection(this.o.db));
    const store = await this.credentialStore();
    if (previous) await store.remove(previous.info.account);
    await this.dropGateway();
    this.announce();
    return shopStatusView(null, store);
  }

  async shopStatus(): Promise<ShopStatusView> {
    const store = await this.credentialStore().catch(() => null);
    return shopStatusView(getConnection(this.o.db), store);
  }

  // ---- how things stand

  status(): SyncStatusView {
    const { db, clock } = this.o;
    const conn = getConnection(db);
    const state = syncState(db);
    const counts = countEntries(db);
    const pending = counts.pending + counts.sending;
    const conflicts = countOpenConflicts(db);
    const now = clock.now();
    const headline = syncHeadline(
      {
        connected: conn !== null,
        authNeeded: state.authNeeded,
        refreshTokenExpiresAt: conn?.info.refreshTokenExpiresAt ?? null,
        offlineSince: state.offlineSince,
        lastPullAt: state.lastPullAt,
        lastPushAt: state.lastPushAt,
        lastError: state.lastError,
        pending,
        refused: counts.refused,
        conflicts,
      },
      now,
      getJsonSetting<number>(db, 'timeZoneOffsetMinutes', 0),
    );
    const elsewhere = state.lock !== null && state.lock.owner !== this.me.owner && decideSyncLock(state.lock, this.me, this.look()).take === false;
    return {
      ...headline,
      running: this.running !== null || elsewhere,
      shop: conn ? { id: conn.info.shopId, name: conn.info.shopName, region: conn.info.shopRegion } : null,
      tokenValidUntil: conn?.info.accessTokenExpiresAt ?? null,
      signInValidUntil: conn?.info.refreshTokenExpiresAt ?? null,
      lastPullAt: state.lastPullAt,
      lastPushAt: state.lastPushAt,
      lastCycleAt: state.lastCycleAt,
      offlineSince: state.offlineSince,
      lastError: state.lastError,
      pending,
      refused: counts.refused,
      conflicts,
      pendingOutbox: pending,
    };
  }

  /** Tells the screens how things stand (the status bar listens). */
  announce(): void {
    if (this.o.db.open) this.o.events.emit('sync.status', this.status());
  }

  // ---- cycles

  /** One cycle now; joins the one under way in this program. */
  syncNow(labelsFor?: ReadonlySet<string>): Promise<CycleSummary> {
    if (this.running && !labelsFor) return this.running;
    const after = this.running ? this.running.catch(() => undefined) : Promise.resolve();
    const run = after.then(() => this.runOnce(labelsFor));
    this.running = run;
    this.announce();
    void run
      .catch(() => undefined)
      .finally(() => {
        if (this.running === run) this.running = null;
        this.announce();
      });
    return run;
  }

  /** The engine's cycle: nothing to do without a shop. */
  private cycle(): Promise<unknown> {
    if (!getConnection(this.o.db)) return Promise.reject(notConnected());
    return this.syncNow();
  }

  start(): void {
    // Labels that arrived while this program was away (or that it was cut off printing) print now.
    void this.o.labelsArrived?.();
    this.unsubscribe ??= this.o.events.on('outbox.changed', () => this.scheduler.soon(AFTER_OUTBOX_WRITE_MS));
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    this.scheduler.stop();
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.running?.catch(() => undefined);
    await this.dropGateway();
  }

  private look() {
    return { host: this.me.host, now: Date.now(), pidAlive: this.me.pidAlive };
  }

  private holder(): SyncLockHolder {
    return { owner: this.me.owner, pid: this.me.pid, host: this.me.host, heartbeatAt: Date.now() };
  }

  /** Takes the sync lock, waiting up to `lockWaitMs` while another live program holds it. */
  private async acquire(): Promise<void> {
    const deadline = Date.now() + (this.o.lockWaitMs ?? 0);
    for (;;) {
      const decision = await this.o.write(() => {
        const d = decideSyncLock(syncState(this.o.db).lock, this.me, this.look());
        if (d.take) setLock(this.o.db, this.holder());
        return d;
      });
      if (decision.take) {
        if (decision.tookOverFrom) this.o.log.warn?.(`Took the sync over from a Packdesk program that is gone (pid ${decision.tookOverFrom.pid}).`);
        return;
      }
      if (Date.now() >= deadline) {
        throw syncBusy(decision.heldBy);
      }
      await realSleep(250);
    }
  }

  private async release(): Promise<void> {
    if (!this.o.db.open) return;
    await this.o.write(() => {
      if (syncState(this.o.db).lock?.owner === this.me.owner) setLock(this.o.db, null);
    });
  }

  private async runOnce(labelsFor?: ReadonlySet<string>): Promise<CycleSummary> {
    const connection = getConnection(this.o.db);
    if (!connection) throw notConnected();
    await this.acquire();
    const heartbeat = setInterval(() => {
      void this.o.write(() => syncState(this.o.db).lock?.owner === this.me.owner && setLock(this.o.db, this.holder())).catch(() => undefined);
    }, SYNC_LOCK_HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const gateway = await this.gatewayFor(connection);
      const summary = await runCycle({
        steps: this.steps,
        gateway,
        connection,
        instanceId: syncState(this.o.db).instanceId,
        settings: syncSettings(this.o.db),
        ...(labelsFor ? { labelsFor } : {}),
      });
      // Part of the cycle (a CLI `sync` prints them before it ends); never fails it.
      await this.o.labelsArrived?.();
      return summary;
    } catch (err) {
      await this.failed(err);
      throw err;
    } finally {
      clearInterval(heartbeat);
      await this.release().catch(() => undefined);
    }
  }

  private async failed(err: unknown): Promise<void> {
    const info: ErrorInfo = err instanceof PackdeskError ? err.toInfo() : { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
    if (!(err instanceof PackdeskError)) this.o.log.error('The sync cycle failed', err);
    if (info.code === 'PLATFORM_AUTH_NEEDED' || info.code === 'CREDENTIALS_UNAVAILABLE') await this.dropGateway();
    // Another program syncing, or no shop: nothing went wrong with the platform.
    if (reasonOf(err) !== null) return;
    if (this.o.db.open) await this.o.write(() => recordCycleFailed(this.o.db, info, this.o.clock.now())).catch(() => undefined);
  }

  private async dropGateway(): Promise<void> {
    const old = this.gateway;
    this.gateway = null;
    await old?.gateway.close().catch(() => undefined);
  }

  /** The platform gateway for this connection, made again when another program changed the tokens. */
  private async gatewayFor(connection: StoredConnection): Promise<PlatformGateway> {
    const key = gatewayKey(connection.info);
    if (this.gateway?.key === key) return this.gateway.gateway;
    await this.dropGateway();
    const store = await this.credentialStore();
    const secrets = await store.load(connection.info.account);
    if (!secrets) throw new PackdeskError('CREDENTIALS_UNAVAILABLE', "The shop's sign-in is not on this computer: connect the shop again.");
    const info = connection.info;
    const options: GatewayOptions = {
      appKey: info.appKey,
      appSecret: secrets.appSecret,
      apiBase: info.apiBase,
      authBase: info.authBase,
      shopCipher: info.shopCipher,
      tokens: shopTokens(secrets, info),
      saveTokens: (tokens) => this.saveTokens(info.account, secrets.appSecret, tokens),
      // Every line is redacted by the client already; failures also go to the program's log.
      log: (entry) => {
        this.o.runtime?.log?.(entry);
        if (entry.level === 'error') this.o.log.warn?.(`[sync] ${entry.message}`);
      },
      ...(this.o.runtime ? { runtime: this.o.runtime } : {}),
    };
    const gateway = (this.o.gateways ?? ((opts) => new DirectGateway(opts)))(options);
    this.gateway = { key, gateway };
    return gateway;
  }

  /** A refreshed pair: the secrets to the credential store, the expiry times to the database. */
  private async saveTokens(account: string, appSecret: string, tokens: ShopTokens): Promise<void> {
    const current = getConnection(this.o.db);
    if (!current || current.info.account !== account) throw notConnected('The shop was disconnected during the sync.');
    const next = afterRefresh(tokens, appSecret, current.info);
    await (await this.credentialStore()).save(account, next.secrets);
    await this.o.write(() => saveConnection(this.o.db, next.info, this.o.clock.now()));
    if (this.gateway) this.gateway.key = gatewayKey(next.info);
  }
}
