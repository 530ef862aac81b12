import type { StateCreator } from 'zustand';
import type { HandoverSlice } from './handover.js';
import type { PackingSlice } from './packing.js';
import type { PrintersSlice } from './printers.js';
import type { QueueSlice } from './queue.js';
import type { SearchSlice } from './search.js';
import type { SettingsSlice } from './settings.js';
import type { ShopSlice } from './shop.js';
import type { SlipPageSlice } from './slip-page.js';
import type { StatusSlice } from './status.js';
import type { SyncSlice } from './sync.js';
import type { TransferSlice } from './transfer.js';

/**
 * The one store of the renderer: each feature owns a data key (settings, packing, queue, status)
 * and the actions that change it. Orders, verdicts and sync counts come from the core only;
 * the store keeps what the core last said, never its own idea of an order.
 */
export type PackdeskState = SettingsSlice &
  PackingSlice &
  QueueSlice &
  StatusSlice &
  HandoverSlice &
  SearchSlice &
  PrintersSlice &
  TransferSlice &
  ShopSlice &
  SyncSlice &
  SlipPageSlice;

export type SliceCreator<T> = StateCreator<PackdeskState, [['zustand/persist', unknown]], [], T>;
