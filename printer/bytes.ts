/** Byte helpers shared by the encoders. */

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** UTF-8 bytes of a command string (plain ASCII for every command we emit). */
export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
