/**
 * Page 1 of a platform label PDF rendered with pdfjs-dist (Apache-2.0) onto a canvas the size of
 * the stock. Set up for Node and Electron's main process: the legacy build; its worker code runs in
 * this thread (no worker file to locate inside a packaged app); fonts, CMaps and decoders read
 * from the package's own folders by file path, so rendering a label never touches the network.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { printerFail } from '../errors.js';
import { placeOnStock } from './fit.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsLoading: Promise<Pdfjs> | undefined;

/** Loaded once, on the first PDF label: it is a large module that most sessions never need. */
function pdfjs(): Promise<Pdfjs> {
  pdfjsLoading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })().catch((cause: unknown) => {
    pdfjsLoading = undefined; // let the next label try again
    return printerFail('PRINTER_UNSUPPORTED', 'Platform PDF labels cannot be printed on this computer: the PDF renderer (pdfjs-dist) did not load.', { cause: String(cause) });
  });
  return pdfjsLoading;
}

/** Loads the PDF renderer ahead of the first label (it takes a second or so), e.g. when the app is idle. */
export async function preloadPdfRenderer(): Promise<void> {
  await pdfjs();
}

/** pdfjs reads these by path in Node; the trailing separator is required. */
function packageFolder(name: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return join(root, name) + (process.platform === 'win32' ? '\\' : '/');
}

interface CanvasAndContext {
  canvas: unknown;
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray }; fillStyle: unknown; fillRect(x: number, y: number, w: number, h: number): void };
}

function openOptions(lib: Pdfjs, file: Uint8Array): Parameters<Pdfjs['getDocument']>[0] {
  return {
    // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: file.slice(),
    standardFontDataUrl: packageFolder('standard_fonts'),
    cMapUrl: packageFolder('cmaps'),
    cMapPacked: true,
    wasmUrl: packageFolder('wasm'),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    useWorkerFetch: false,
    // Refuse a damaged file rather than print whatever part of it could be recovered.
    stopAtErrors: true,
    enableXfa: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  };
}

/** The rendered page as RGBA, exactly `width` × `height` dots, the label placed by `placeOnStock`. */
export async function renderPdfLabel(file: Uint8Array, width: number, height: number): Promise<Uint8ClampedArray> {
  const lib = await pdfjs();
  const task = lib.getDocument(openOptions(lib, file));
  try {
    const doc = await task.promise.catch((cause: unknown) => invalid('The label PDF cannot be opened', cause));
    const page = await doc.getPage(1).catch((cause: unknown) => invalid('The label PDF has no readable first page', cause));
    const natural = page.getViewport({ scale: 1 });
    const place = placeOnStock(natural.width, natural.height, width, height);
    // The scale is in dots per point (1/72 inch): the label fills the stock whatever its paper size.
    if (!(place.scale > 0 && Number.isFinite(place.scale))) invalid('The label PDF has an empty page', undefined);
    const viewport = page.getViewport({ scale: place.scale, rotation: (page.rotate + (place.rotated ? 90 : 0)) % 360 });
    // pdfjs-dist brings its own copy of @napi-rs/canvas, whose Path2D and images only draw on its
    // own canvases: the page is drawn on a canvas from pdfjs's factory, not on one of ours.
    const target = (doc.canvasFactory as { create(w: number, h: number): CanvasAndContext }).create(width, height);
    target.context.fillStyle = '#ffffff';
    target.context.fillRect(0, 0, width, height);
    const params = { canvas: null, canvasContext: target.context, viewport, transform: [1, 0, 0, 1, place.x, place.y], intent: 'print' };
    await page
      .render(params as unknown as Parameters<typeof page.render>[0])
      .promise.catch((cause: unknown) => invalid('The label PDF cannot be drawn', cause));
    return target.context.getImageData(0, 0, width, height).data;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function invalid(message: string, cause: unknown): never {
  const name = (cause as { name?: string } | undefined)?.name;
  const reason = name === 'PasswordException' ? ' (it is password-protected)' : '';
  return printerFail('LABEL_INVALID', `${message}${reason}.`, cause === undefined ? undefined : { cause: cause instanceof Error ? cause.message : String(cause) });
}
