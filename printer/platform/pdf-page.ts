/**
 * Page 1 of a platform label PDF rendered with pdfjs-dist (Apache-2.0) onto a canvas the size of
 * the stock. Runs in the label worker (label-worker.ts). Set up for Node: the legacy build; pdfjs's
 * own worker code runs in this thread (no second worker file to locate inside a packaged app);
 * fonts, CMaps and decoders read from the package's own folders by file path, so rendering a label
 * never touches the network. Canvases, Path2D, DOMMatrix and ImageData all come from the app's one
 * copy of @napi-rs/canvas (package.json overrides pdfjs's own): Skia draws a Path2D only on a
 * canvas of the same copy.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { canvasModule } from '../label/canvas.js';
import { printerFail } from '../errors.js';
import { placeOnStock } from './fit.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsLoading: Promise<Pdfjs> | undefined;

/** Loaded once per thread, on the first PDF label or when the worker warms up. */
function pdfjs(): Promise<Pdfjs> {
  pdfjsLoading ??= (async () => {
    const canvas =
      canvasModule() ??
      printerFail('PRINTER_UNSUPPORTED', 'Platform PDF labels cannot be printed on this computer: the image library (@napi-rs/canvas) did not load.');
    // pdfjs fills these in from whatever copy of the canvas it finds only when they are missing.
    const globals = globalThis as Record<string, unknown>;
    globals.DOMMatrix ??= canvas.DOMMatrix;
    globals.Path2D ??= canvas.Path2D;
    globals.ImageData ??= canvas.ImageData;
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    globals.pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })().catch((cause: unknown) => {
    pdfjsLoading = undefined; // let the next label try again
    return printerFail('PRINTER_UNSUPPORTED', 'Platform PDF labels cannot be printed on this computer: the PDF renderer (pdfjs-dist) did not load.', {
      cause: String(cause),
    });
  });
  return pdfjsLoading;
}

/** pdfjs reads these by path in Node; the trailing separator is required. */
function packageFolder(name: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return join(root, name) + (process.platform === 'win32' ? '\\' : '/');
}

interface CanvasAndContext {
  canvas: Canvas | null;
  context: SKRSContext2D | null;
}

/** pdfjs's canvas factory interface (create, reset, destroy), on the app's copy of the canvas. */
class AppCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    if (!(width > 0 && height > 0)) throw new Error('Invalid canvas size');
    const canvas = canvasModule()!.createCanvas(width, height);
    return { canvas, context: canvas.getContext('2d') };
  }

  reset(entry: CanvasAndContext, width: number, height: number): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    entry.canvas.width = width;
    entry.canvas.height = height;
  }

  /** A zero-sized canvas gives its pixels back now, not when the collector gets round to it. */
  destroy(entry: CanvasAndContext): void {
    if (entry.canvas) entry.canvas.width = entry.canvas.height = 0;
    entry.canvas = null;
    entry.context = null;
  }
}

function openOptions(lib: Pdfjs, file: Uint8Array): Parameters<Pdfjs['getDocument']>[0] {
  return {
    // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: file.slice(),
    CanvasFactory: AppCanvasFactory,
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
  } as Parameters<Pdfjs['getDocument']>[0];
}

/** The stock-sized page every label is drawn on, kept: a fresh one per label was 4 MB of native memory each. */
let page: { canvas: Canvas; context: SKRSContext2D } | undefined;

function pageCanvas(width: number, height: number): SKRSContext2D {
  if (!page || page.canvas.width !== width || page.canvas.height !== height) {
    const canvas = canvasModule()!.createCanvas(width, height);
    page = { canvas, context: canvas.getContext('2d') };
  }
  page.context.setTransform(1, 0, 0, 1, 0, 0);
  page.context.fillStyle = '#ffffff';
  page.context.fillRect(0, 0, width, height);
  return page.context;
}

/** The rendered page as RGBA, exactly `width` × `height` dots, the label placed by `placeOnStock`. */
export async function renderPdfLabel(file: Uint8Array, width: number, height: number): Promise<Uint8ClampedArray> {
  const lib = await pdfjs();
  const task = lib.getDocument(openOptions(lib, file));
  try {
    const doc = await task.promise.catch((cause: unknown) => invalid('The label PDF cannot be opened', cause));
    const pdfPage = await doc.getPage(1).catch((cause: unknown) => invalid('The label PDF has no readable first page', cause));
    const natural = pdfPage.getViewport({ scale: 1 });
    const place = placeOnStock(natural.width, natural.height, width, height);
    // The scale is in dots per point (1/72 inch): the label fills the stock whatever its paper size.
    if (!(place.scale > 0 && Number.isFinite(place.scale))) invalid('The label PDF has an empty page', undefined);
    const viewport = pdfPage.getViewport({ scale: place.scale, rotation: (pdfPage.rotate + (place.rotated ? 90 : 0)) % 360 });
    const context = pageCanvas(width, height);
    const params = { canvas: null, canvasContext: context, viewport, transform: [1, 0, 0, 1, place.x, place.y], intent: 'print' };
    await pdfPage
      .render(params as unknown as Parameters<typeof pdfPage.render>[0])
      .promise.catch((cause: unknown) => invalid('The label PDF cannot be drawn', cause));
    return context.getImageData(0, 0, width, height).data;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/**
 * Loads pdfjs and draws a small label with text, a box and a compressed picture (a platform
 * label's barcode is one), so the first real label finds every part of the renderer already
 * loaded and compiled: the module, its standard font data, its image decoding, Skia's paths.
 */
export async function warmPdfRenderer(): Promise<void> {
  await renderPdfLabel(warmUpPdf(), 200, 300);
}

function warmUpPdf(): Uint8Array {
  const content = 'BT /F1 24 Tf 20 360 Td (Packdesk 0123) Tj ET 20 20 120 40 re f q 200 0 0 60 40 200 cm /Im1 Do Q';
  const stripes = Buffer.alloc(64 * 8);
  for (let i = 0; i < stripes.length; i++) stripes[i] = (i >> 2) % 2 ? 0 : 255;
  const picture = deflateSync(stripes);
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width 64 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${picture.length} >>\nstream\n`,
        'latin1',
      ),
      picture,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets = objects.map((body, i) => {
    const at = length;
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.from(body as string | Buffer), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(part);
    length += part.length;
    return at;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

function invalid(message: string, cause: unknown): never {
  const name = (cause as { name?: string } | undefined)?.name;
  const reason = name === 'PasswordException' ? ' (it is password-protected)' : '';
  return printerFail(
    'LABEL_INVALID',
    `${message}${reason}.`,
    cause === undefined ? undefined : { cause: cause instanceof Error ? cause.message : String(cause) },
  );
}
