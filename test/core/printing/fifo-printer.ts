import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * A printer behind a named pipe (file:PATH, like /dev/usb/lp0). A pipe holds only 64 KB, so when
 * the printer stops reading, the sender really blocks after a few dozen labels: the way to catch
 * a batch mid-send, which loopback TCP (megabytes of socket buffers) cannot do.
 */
export class FifoPrinter {
  private readonly chunks: Buffer[] = [];
  private socket: net.Socket | null = null;
  private keepOpen: number | null = null;

  private constructor(readonly file: string) {}

  static create(dir: string): FifoPrinter {
    const file = path.join(dir, 'printer.fifo');
    execFileSync('mkfifo', [file]);
    const p = new FifoPrinter(file);
    p.listen();
    return p;
  }

  get uri(): string {
    return `file:${this.file}`;
  }

  /** Opens the read end without waiting for a writer, as a stream we can pause. */
  private listen(): void {
    const fd = fs.openSync(this.file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    // Keep a write end open ourselves so the reader never sees end-of-file between senders.
    this.keepOpen = fs.openSync(this.file, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    this.socket = new net.Socket({ fd, readable: true, writable: false });
    this.socket.on('data', (c: Buffer) => this.chunks.push(c));
  }

  received(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** Stops reading: once the pipe's 64 KB are full, writers block. */
  stall(on = true): void {
    if (on) this.socket?.pause();
    else this.socket?.resume();
  }

  async waitFor(done: (bytes: Buffer) => boolean, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!done(this.received())) {
      if (Date.now() > until) throw new Error(`the fifo printer did not get what was expected (${this.received().length} bytes)`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.socket?.destroy();
    if (this.keepOpen !== null) fs.closeSync(this.keepOpen);
    this.keepOpen = null;
  }
}
