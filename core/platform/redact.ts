/** What stands in for a secret in any text Packdesk writes. */
export const REDACTED = '[redacted]';

/** Shorter strings are not treated as secrets: replacing them would mangle ordinary text. */
const MIN_SECRET_LENGTH = 6;

/**
 * Removes the shop's secrets (app secret, tokens, auth code) from text and values before they
 * reach an error, a log line or the renderer. Each secret is matched as sent and URL-encoded,
 * since undici and the platform may echo either form.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(...secrets: (string | null | undefined)[]): void {
    for (const secret of secrets) {
      if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
      this.secrets.add(secret);
      this.secrets.add(encodeURIComponent(secret));
    }
  }

  text(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is removed whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  /** A deep copy of plain data with every string redacted. */
  value<T>(value: T): T {
    return this.walk(value, 0) as T;
  }

  private walk(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object' || depth > 8) return value;
    if (Array.isArray(value)) return value.map((v) => this.walk(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.walk(v, depth + 1)]));
  }
}
