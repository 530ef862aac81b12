/**
 * What the sync end-to-end tests share: how the simulator and the core are set up for each other,
 * and the simulator's control API (plain HTTP, as an operator would ask it).
 */
import type { SyncOptions } from '../../core/core.js';
import type { Simulator, SimulatorOptions } from '../platform-sim/index.js';

/**
 * The simulated platform's clock runs 10 s behind the wall clock: a pull window ends 5 s before
 * "now", so an order changed on the platform is seen by the next sync with no waiting. The
 * platform client's retries are cut short (the logic is the same); secrets go to a 0600 file in the
 * temp data folder instead of this machine's keychain.
 */
export const PLATFORM_SYNC: { sim: SimulatorOptions; core: SyncOptions } = {
  sim: { orders: 0, seed: 9, clock: () => Date.now() - 10_000 },
  core: {
    credentials: { keychain: null },
    runtime: { timeoutMs: 5_000, backoff: { maxAttempts: 5, baseMs: 2, capMs: 10, retryAfterCapMs: 10 } },
    lockWaitMs: 20_000,
  },
};

export interface SimPackage {
  package: Record<string, unknown>;
  shipCalls: number;
  shipApplied: number;
}

/** The package as the simulator's control API shows it, with how often it was shipped. */
export async function simPackage(sim: Simulator, packageId: string): Promise<SimPackage> {
  const res = await fetch(`${sim.apiBase}/__sim/packages/${encodeURIComponent(packageId)}`);
  if (!res.ok) throw new Error(`control API: ${res.status} for package ${packageId}`);
  return (await res.json()) as SimPackage;
}

/** Acts on an order through the control API: cancel, hold, change-address, ship-elsewhere, … */
export async function simAct(sim: Simulator, orderId: string, action: string, body: Record<string, unknown> = {}): Promise<void> {
  const res = await fetch(`${sim.apiBase}/__sim/orders/${encodeURIComponent(orderId)}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control API: ${res.status} for ${action} on ${orderId}: ${await res.text()}`);
}
