import { fail } from './errors.js';
import type { BatchState } from '../shared/vocabulary.js';
import type { Millis } from './types.js';

/**
 * Which Packdesk program owns running work (a print batch, a label being sent). Each program holds
 * a lease in the database and renews it with a heartbeat; work is recovered after a crash only
 * when its owner is dead, never while it may still be printing.
 */
export const PROCESS_ROLES = ['app', 'station', 'cli'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export interface ProcessLease {
  ownerId: string;
  pid: number;
  host: string;
  role: ProcessRole;
  startedAt: Millis;
  heartbeatAt: Millis;
}

/** How often a live program renews its lease. */
export const HEARTBEAT_MS = 5_000;
/** A lease this long without a heartbeat belongs to a dead program (or one frozen that long). */
export const LEASE_STALE_MS = 60_000;

export interface Onlooker {
  host: string;
  now: Millis;
  /** Whether a process with this id runs on the onlooker's own host. */
  pidAlive(pid: number): boolean;
}

/** Dead: its heartbeat stopped, or it ran on this host and its process is gone. */
export function isLeaseDead(lease: ProcessLease, here: Onlooker): boolean {
  if (here.now - lease.heartbeatAt > LEASE_STALE_MS) return true;
  return lease.host === here.host && !here.pidAlive(lease.pid);
}

/** How a refusal names the owner: "app, pid 4242 on bench-pc". */
export function describeOwner(lease: Pick<ProcessLease, 'pid' | 'host' | 'role'>): string {
  return `${lease.role}, pid ${lease.pid} on ${lease.host}`;
}

/**
 * Whether a print batch may be resumed by `me`: a finished one has nothing left (DONE); one a live
 * program is printing is refused, naming that program (two programs printing one batch print
 * labels twice); anything else — paused, or left running by a dead program — is taken over.
 * `liveOwner` is the lease of the batch's owner when it is RUNNING and that owner is alive.
 */
export function decideResume(batch: { id: number; state: BatchState }, liveOwner: ProcessLease | null, me: string): 'DONE' | 'CLAIM' {
  if (batch.state === 'DONE') return 'DONE';
  if (batch.state === 'RUNNING' && liveOwner) {
    const here = liveOwner.ownerId === me;
    const owner = { pid: liveOwner.pid, host: liveOwner.host, role: liveOwner.role, thisProgram: here };
    fail(
      'BATCH_RUNNING',
      here
        ? `Print batch ${batch.id} is printing in this program right now; wait for it to finish or pause.`
        : `Print batch ${batch.id} is being printed by another Packdesk program (${describeOwner(liveOwner)}); wait for it to finish, or stop that program first.`,
      { batchId: batch.id, owner },
    );
  }
  return 'CLAIM';
}
