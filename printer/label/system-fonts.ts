/**
 * Font files the canvas draws label text with when the bundled glyph engine cannot: CJK product
 * and recipient names first of all. First the font Packdesk ships (printer/fonts: a subset of Noto
 * Sans CJK SC with GB 2312's 6,763 hanzi, kana and Latin), so labels look the same on every
 * computer; then files from the settings (any path) and well-known system locations on Windows,
 * macOS and Linux, for characters the bundled font lacks. Each is registered with the canvas once
 * per process under its own family name, and its cmap says which characters it has.
 */
import { existsSync, readFileSync } from 'node:fs';
import { canvasModule } from './canvas.js';
import { coverageFromBytes, coverageFromFile, type FontCoverage } from './font-coverage.js';

const WINDOWS_FONTS = `${process.env.WINDIR ?? 'C:\\Windows'}\\Fonts\\`;

/**
 * Simplified Chinese first (most cross-border sellers and their product names), then
 * Traditional, Japanese, Korean, Thai, and Latin fonts for letters the bundled fonts lack.
 */
export const SYSTEM_FONT_PATHS: readonly string[] = [
  // Windows
  ...['msyh.ttc', 'simsun.ttc', 'simhei.ttf', 'msjh.ttc', 'meiryo.ttc', 'YuGothM.ttc', 'malgun.ttf', 'LeelawUI.ttf', 'segoeui.ttf', 'arial.ttf'].map(
    (file) => WINDOWS_FONTS + file,
  ),
  // macOS
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/Hiragino Sans GB.ttc',
  '/System/Library/Fonts/STHeiti Medium.ttc',
  '/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc',
  '/System/Library/Fonts/AppleSDGothicNeo.ttc',
  '/System/Library/Fonts/Supplemental/Arial Unicode.ttf',
  '/Library/Fonts/Arial Unicode.ttf',
  '/System/Library/Fonts/Thonburi.ttc',
  '/System/Library/Fonts/Helvetica.ttc',
  // Linux (Debian/Ubuntu, Fedora, Arch)
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc',
  '/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf',
  '/usr/share/fonts/truetype/tlwg/Garuda.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
];

/**
 * The shipped font, read as bytes (not registered by path) so that it loads from inside the
 * packaged app's asar archive as well, where the canvas's own file reading cannot reach.
 */
export const BUNDLED_FONT_URL = new URL('../fonts/PackdeskCJK-SC.otf', import.meta.url);

function bundledFont(): FontFileSource[] {
  try {
    return [{ name: 'packdesk-bundled-cjk-sc', data: new Uint8Array(readFileSync(BUNDLED_FONT_URL)) }];
  } catch {
    return []; // a damaged installation still prints, with the system's fonts
  }
}

/** The fonts a canvas draws with, in fallback order, and the characters they have between them. */
export interface CanvasFontStack {
  /** Family names as registered with the canvas, first choice first. */
  readonly families: readonly string[];
  /** Identifies this stack in caches of drawn text. */
  readonly key: string;
  covers(codePoint: number): boolean;
}

export interface FontFileSource {
  /** Unique per font: the first font registered under a name is kept for the process. */
  name: string;
  data: Uint8Array;
}

interface RegisteredFont {
  family: string;
  coverage: FontCoverage;
}

/** Process-wide, like the canvas's own font registry: registering a font twice would only waste memory. */
const registered = new Map<string, RegisteredFont | null>();

/**
 * The stack for these font files (the bundled font first, then the given bytes, the given paths
 * and the system's when asked), or undefined when the canvas cannot load or no file is usable.
 */
export function canvasFontStack(sources: readonly FontFileSource[], paths: readonly string[], systemFonts: boolean): CanvasFontStack | undefined {
  if (!canvasModule()) return undefined;
  const fonts = [
    ...[...bundledFont(), ...sources].map((source) => registerBytes(source)),
    ...[...paths, ...(systemFonts ? SYSTEM_FONT_PATHS : [])].map((path) => registerPath(path)),
  ].filter((font): font is RegisteredFont => font !== null);
  const unique = [...new Map(fonts.map((font) => [font.family, font])).values()];
  if (unique.length === 0) return undefined;
  return {
    families: unique.map((font) => font.family),
    key: unique.map((font) => font.family).join('|'),
    covers: (codePoint) => unique.some((font) => font.coverage.has(codePoint)),
  };
}

function registerPath(path: string): RegisteredFont | null {
  const key = `path:${path}`;
  const known = registered.get(key);
  if (known !== undefined) return known;
  const font = existsSync(path) ? register(coverageFromFile(path), (family) => canvasModule()?.GlobalFonts.registerFromPath(path, family)) : null;
  registered.set(key, font);
  return font;
}

function registerBytes(source: FontFileSource): RegisteredFont | null {
  const key = `name:${source.name.toUpperCase()}`;
  const known = registered.get(key);
  if (known !== undefined) return known;
  const font = register(coverageFromBytes(source.data), (family) => canvasModule()?.GlobalFonts.register(Buffer.from(source.data), family));
  registered.set(key, font);
  return font;
}

/** A file that is not a font, or that the canvas refuses, is left out rather than failing a print. */
function register(coverage: FontCoverage, add: (family: string) => unknown): RegisteredFont | null {
  if (!coverage.has(0x20) && !coverage.has(0x4e2d) && !coverage.has(0x41)) {
    // No space, no 中, no A: not a text font we can use (or not a font at all).
    return null;
  }
  const family = `Packdesk Label ${registered.size + 1}`;
  try {
    return add(family) ? { family, coverage } : null;
  } catch {
    return null;
  }
}
