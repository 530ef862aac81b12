/**
 * Two readings of time. Platform time (order times, token and label expiry, deadlines) is the
 * injected clock plus whatever a test advanced. The timestamp window is checked against the
 * injected clock plus a skew: advancing platform time by a day must not make every signed call
 * of a client on the wall clock fail, while a skewed server clock must.
 */
export type WallClock = () => number;

export class SimClock {
  private advancedSeconds = 0;
  private skewSeconds = 0;

  constructor(private readonly wall: WallClock = Date.now) {}

  /** Platform time, Unix seconds. */
  now(): number {
    return Math.floor(this.wall() / 1000) + this.advancedSeconds;
  }

  /** The server clock the `timestamp` parameter is checked against, Unix seconds. */
  signingNow(): number {
    return Math.floor(this.wall() / 1000) + this.skewSeconds;
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('Platform time only moves forward.');
    this.advancedSeconds += Math.floor(seconds);
  }

  setSkew(seconds: number): void {
    if (!Number.isFinite(seconds)) throw new RangeError('The clock skew must be a number of seconds.');
    this.skewSeconds = Math.trunc(seconds);
  }

  reading(): { now: number; signingNow: number; advanced: number; skew: number } {
    return { now: this.now(), signingNow: this.signingNow(), advanced: this.advancedSeconds, skew: this.skewSeconds };
  }
}
