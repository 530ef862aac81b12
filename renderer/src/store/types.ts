import type { StateCreator } from 'zustand';
import type { PackingSlice } from './packing.js';
import type { QueueSlice } from './queue.js';
import type { SettingsSlice } from './settings.js';
import type { StatusSlice } from './status.js';

/**
 * The one store of the renderer: each feature owns a data key (settings, packing, queue, status)
 * and the actions that change it. Orders, verdicts and sync counts come from the core only;
 * the store keeps what the core last said, never its own idea of an order.
 */
export type PackdeskState = SettingsSlice & PackingSlice & QueueSlice & StatusSlice;

export type SliceCreator<T> = StateCreator<PackdeskState, [['zustand/persist', unknown]], [], T>;
