/**
 * Reads barcodes with Debian's zbarimg (zbar-tools): a decoder nobody here wrote. The decoded value
 * is what a carrier's scanner would read off the label.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DecodedSymbol {
  type: string;
  data: string;
}

export async function zbarDecode(pngPath: string): Promise<DecodedSymbol[]> {
  try {
    const { stdout } = await run('/usr/bin/zbarimg', ['--nodbus', '--xml', '-q', pngPath]);
    return parseZbarXml(stdout);
  } catch (error) {
    // Exit status 4: the image was read and holds no barcode.
    if ((error as { code?: number }).code === 4) return [];
    throw error;
  }
}

function parseZbarXml(xml: string): DecodedSymbol[] {
  const symbols: DecodedSymbol[] = [];
  const pattern = /<symbol type='([^']+)'[^>]*>.*?<data(?: format='base64')?[^>]*><!\[CDATA\[(.*?)\]\]><\/data>/gs;
  for (const match of xml.matchAll(pattern)) symbols.push({ type: match[1]!, data: match[2]! });
  return symbols;
}

export async function decodedValues(pngPath: string, type: 'CODE-128' | 'QR-Code'): Promise<string[]> {
  return (await zbarDecode(pngPath)).filter((s) => s.type === type).map((s) => s.data);
}
