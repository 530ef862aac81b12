/**
 * Renders ZPL with zpl-renderer-js (zebrash compiled to WASM): an interpreter nobody here wrote,
 * standing in for the printer. Returns one PNG per label found in the data.
 */
import { createRequire } from 'node:module';
import type * as ZplRenderer from 'zpl-renderer-js';

// Loaded by Node itself: through Vite the 9 MB bundle is transformed and its missing source map reported.
const { ready } = createRequire(import.meta.url)('zpl-renderer-js') as typeof ZplRenderer;

export async function renderZplLabels(zpl: string, widthMm: number, heightMm: number, dpi: 203 | 300): Promise<Uint8Array[]> {
  const { api } = await ready;
  // The renderer takes whole dots per mm; 12 for 300 dpi only widens the canvas by 1.6 %.
  const dpmm = dpi === 203 ? 8 : 12;
  const labels = await api.zplToBase64MultipleAsync(zpl, widthMm, heightMm, dpmm);
  return labels.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
}
