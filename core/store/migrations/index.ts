import { migration001 } from './001-orders-catalogue-scans.js';
import { migration002 } from './002-handover.js';
import { migration003 } from './003-printing.js';
import { migration004 } from './004-ownership.js';
import { migration006 } from './006-sync.js';
import { migration007 } from './007-label-wishes.js';
import { migration008 } from './008-job-packages.js';
import type { Migration } from './types.js';

/** Every migration this build knows, in order. Append only; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration006, migration007, migration008];
