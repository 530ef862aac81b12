/**
 * @napi-rs/canvas (Skia), loaded on first use. Why lazily and by require: it is a native module,
 * needed only for text the bundled glyph engine cannot draw and for platform labels; an ASCII
 * label must print even on a machine where the prebuilt binary does not load.
 */
import { createRequire } from 'node:module';

export type CanvasModule = typeof import('@napi-rs/canvas');

let loaded: CanvasModule | null | undefined;

/** The canvas module, or undefined when its native binary cannot load on this machine. */
export function canvasModule(): CanvasModule | undefined {
  if (loaded === undefined) {
    try {
      loaded = createRequire(import.meta.url)('@napi-rs/canvas') as CanvasModule;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}
