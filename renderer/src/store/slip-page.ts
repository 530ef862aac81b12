import { errorCodeOf, type Api, type ErrorCode } from './api.js';
import type { SliceCreator } from './types.js';

/**
 * The A4 packing slip (printing.packingSlipPage) open over the app for the browser's print dialog,
 * from the Pack or the Reprint screen. The page is the core's HTML; it is shown, never edited.
 */
export interface SlipPage {
  /** The order whose slip is open (loading or shown); null when closed. */
  orderId: string | null;
  html: string | null;
  error: ErrorCode | null;
}

export interface SlipPageSlice {
  slipPage: SlipPage;
  openSlipPage(orderId: string): Promise<void>;
  closeSlipPage(): void;
}

const closed: SlipPage = { orderId: null, html: null, error: null };

export function createSlipPageSlice(api: Api): SliceCreator<SlipPageSlice> {
  return (set, get) => ({
    slipPage: closed,

    async openSlipPage(orderId) {
      set({ slipPage: { orderId, html: null, error: null } });
      try {
        const { html } = await api.call('printing.packingSlipPage', { orderId, station: get().settings.station });
        // Closed, or another order's slip asked for, meanwhile: this answer is no longer wanted.
        if (get().slipPage.orderId === orderId) set({ slipPage: { orderId, html, error: null } });
      } catch (err) {
        if (get().slipPage.orderId === orderId) set({ slipPage: { orderId, html: null, error: errorCodeOf(err) } });
      }
    },

    closeSlipPage() {
      set({ slipPage: closed });
    },
  });
}
