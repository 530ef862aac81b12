/** Raw printing port of Zebra, TSC, Xprinter and print servers (JetDirect); the core's default too. */
export const RAW_PORT = 9100;

const SCHEME = /^(tcp|socket|usb|file|spool|preview):/i;

/**
 * The printer address to save for what the packer typed: "192.168.1.50", "zebra.local:9101" or
 * "[fe80::1]" become tcp://…:PORT (9100 unless given); a full address (tcp://, usb:, file:,
 * spool:, preview:) is kept as typed. Null when it is neither. The core checks the address again
 * on save and says precisely what is wrong; this only turns a host into an address.
 */
export function printerUri(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return null;
  if (SCHEME.test(typed)) return typed;
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(typed);
  if (bracketed) return withPort(`[${bracketed[1]}]`, bracketed[2]);
  const plain = /^([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?$/.exec(typed);
  if (plain) return withPort(plain[1]!, plain[2]);
  return null;
}

function withPort(host: string, portText: string | undefined): string | null {
  const port = portText === undefined ? RAW_PORT : Number(portText);
  return port >= 1 && port <= 65535 ? `tcp://${host}:${port}` : null;
}
