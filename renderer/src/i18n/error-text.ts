import { errorKey, type MessageKey } from './index.js';
import type { T } from './useT.js';

/**
 * A failed call in the packer's words. Most codes have one sentence; some say more from the
 * details the core sends with them (which batch, which program; what the file looks like).
 * Details are read defensively: a shape this renderer does not know gets the plain sentence.
 */
export function errorText(t: T, code: string, details?: unknown): string {
  const d = typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
  switch (code) {
    case 'BATCH_RUNNING':
      return batchRunning(t, d) ?? t(errorKey(code));
    case 'IMPORT_WRONG_KIND':
      if (d.looksLike === 'orders') return t('error.IMPORT_WRONG_KIND.orders');
      if (d.looksLike === 'catalogue') return t('error.IMPORT_WRONG_KIND.catalogue');
      break;
    case 'FILE_NOT_TEXT':
      if (d.reason === 'UTF16') return t('error.FILE_NOT_TEXT.UTF16');
      if (d.reason === 'BINARY') return t('error.FILE_NOT_TEXT.BINARY');
      break;
  }
  return t(errorKey(code));
}

const PROGRAMS: Record<string, MessageKey> = { app: 'error.program.app', station: 'error.program.station', cli: 'error.program.cli' };

/** "Batch 3 is being printed by the app on bench-pc": which program has it, so the packer can find it. */
function batchRunning(t: T, d: Record<string, unknown>): string | null {
  const owner = typeof d.owner === 'object' && d.owner !== null ? (d.owner as Record<string, unknown>) : null;
  if (typeof d.batchId !== 'number' || !owner) return null;
  if (owner.thisProgram === true) return t('error.BATCH_RUNNING.here', { batchId: d.batchId });
  const program = typeof owner.role === 'string' && PROGRAMS[owner.role] ? t(PROGRAMS[owner.role]!) : t('error.program.other');
  return t('error.BATCH_RUNNING.elsewhere', { batchId: d.batchId, program, host: typeof owner.host === 'string' ? owner.host : '?' });
}
