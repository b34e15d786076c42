// Which map labels to show so none overlaps another: greedy, in priority order.

/** A label's box on screen, centred on (x, y), in pixels. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: LabelBox, b: LabelBox, gap: number): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width + 2 * gap && Math.abs(a.y - b.y) * 2 < a.height + b.height + 2 * gap;
}

/** True for each label that fits: earlier labels win, a later one overlapping a shown label is hidden. */
export function placeLabels(boxes: readonly LabelBox[], gap = 2): boolean[] {
  const shown: LabelBox[] = [];
  return boxes.map((box) => {
    if (shown.some((s) => overlaps(s, box, gap))) return false;
    shown.push(box);
    return true;
  });
}
