import type { Locator } from 'playwright-core';

/**
 * Sets a form control whatever its kind: a select picks the option with that value (or label), a
 * checkbox is ticked for "true"/"yes"/"1" and anything else clears it, a text field is filled.
 * The screens' filters and forms may use any of these; the tests say what they mean, not how.
 */
export async function setControl(control: Locator, value: string | boolean): Promise<void> {
  const { tag, type } = await control.evaluate((el) => ({ tag: (el as { tagName: string }).tagName, type: (el as { type?: string }).type ?? '' }));
  if (tag === 'SELECT') {
    const text = String(value);
    const byValue = await control.locator(`option[value="${text.replace(/"/g, '\\"')}"]`).count();
    await control.selectOption(byValue ? { value: text } : { label: text });
  } else if (type === 'checkbox' || type === 'radio') {
    await control.setChecked(value === true || /^(true|yes|1)$/i.test(String(value)));
  } else {
    await control.fill(String(value));
  }
}

/** The first whole number in a text ("3 parcels" → 3), or NaN. */
export function firstNumber(text: string | null): number {
  const m = /\d+/.exec(text ?? '');
  return m ? Number(m[0]) : Number.NaN;
}
