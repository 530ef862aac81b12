/**
 * Where a platform label lands on the stock: as large as it fits with its aspect ratio kept,
 * turned a quarter clockwise when that makes it larger (a landscape label on portrait stock),
 * centred. All in printer dots.
 */

export interface Placement {
  /** Turned 90° clockwise: the label's top edge runs down the stock's right side. */
  rotated: boolean;
  /** Dots on the stock per unit of the source (PDF point, PNG pixel). */
  scale: number;
  /** The placed label's box on the stock, after any turn. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export function placeOnStock(sourceWidth: number, sourceHeight: number, stockWidth: number, stockHeight: number): Placement {
  const upright = Math.min(stockWidth / sourceWidth, stockHeight / sourceHeight);
  const turned = Math.min(stockWidth / sourceHeight, stockHeight / sourceWidth);
  // Turn only for a clear gain: an A6 label on 100×150 mm stock fits the same either way round.
  const rotated = turned > upright * 1.05;
  const scale = rotated ? turned : upright;
  const width = (rotated ? sourceHeight : sourceWidth) * scale;
  const height = (rotated ? sourceWidth : sourceHeight) * scale;
  return { rotated, scale, x: (stockWidth - width) / 2, y: (stockHeight - height) / 2, width, height };
}
