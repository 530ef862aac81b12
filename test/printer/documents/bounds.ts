import type { Dpi, Label } from '../../../printer/label/model.js';
import { pageDots } from '../../../printer/label/model.js';
import { elementBitmap } from '../../../printer/label/rasterise.js';
import type { LabelFonts } from '../../../printer/label/text.js';

/** Every element drawn at this dpi, as a description of where it leaves the page (none: empty list). */
export function elementsOffPage(label: Label, dpi: Dpi, fonts: LabelFonts): string[] {
  const page = pageDots(label, { language: 'zpl', dpi });
  return label.elements.flatMap((element, i) => {
    const placed = elementBitmap(element, dpi, fonts);
    const right = placed.x + placed.bitmap.width;
    const bottom = placed.y + placed.bitmap.height;
    const inside = placed.x >= 0 && placed.y >= 0 && right <= page.width && bottom <= page.height;
    const what = element.kind === 'text' ? `"${element.text}"` : element.kind;
    return inside ? [] : [`#${i} ${what} at ${placed.x},${placed.y}..${right},${bottom} on ${page.width}×${page.height}`];
  });
}
