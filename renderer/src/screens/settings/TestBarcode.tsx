import { useEffect, useState } from 'react';

/**
 * A Code 128 barcode drawn on screen (bwip-js, loaded only when a barcode is shown). Imager
 * scanners read it off the screen; a laser scanner cannot, and then any printed barcode will do.
 */
export function TestBarcode({ code }: { code: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('bwip-js/browser').then(({ code128, drawingSVG }) => {
      const drawn = code128(
        { bcid: 'code128', text: code, scale: 3, height: 14, includetext: true, textxalign: 'center', paddingwidth: 10, paddingheight: 6 },
        drawingSVG(),
      );
      if (live) setSvg(drawn);
    });
    return () => {
      live = false;
    };
  }, [code]);
  // Until it is drawn (or where it cannot be), the code itself stands in its place.
  if (!svg) return <code className="test-barcode test-barcode--text">{code}</code>;
  return <img className="test-barcode" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={code} data-testid="test-barcode" />;
}
