import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const RULE_FILE = path.resolve(import.meta.dirname, '../../../printer/transports/99-packdesk-printers.rules');

/** udev's syntax: comma-separated KEY==value / KEY=value / KEY+=value pairs, values in double quotes. */
const PAIR = /^\s*[A-Z_]+(\{[^}]+\})?\s*(==|!=|=|\+=|-=|:=)\s*"[^"]*"\s*$/;

describe('99-packdesk-printers.rules', () => {
  const rules = fs
    .readFileSync(RULE_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));

  it('is one well-formed udev rule', () => {
    expect(rules).toHaveLength(1);
    for (const pair of rules[0]!.split(',')) expect(pair).toMatch(PAIR);
  });

  it('matches USB devices with a printer-class interface (07/01) and opens them to the seat user and plugdev', () => {
    const rule = rules[0]!;
    expect(rule).toContain('SUBSYSTEM=="usb"');
    expect(rule).toContain('ENV{DEVTYPE}=="usb_device"');
    expect(rule).toContain('ENV{ID_USB_INTERFACES}=="*:0701??:*"');
    expect(rule).toContain('MODE="0660"');
    expect(rule).toContain('GROUP="plugdev"');
    expect(rule).toContain('TAG+="uaccess"');
  });
});
