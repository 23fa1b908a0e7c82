import { describe, expect, it } from 'vitest';
import { initialViewport, readableZoom } from './viewport';

const canvas = { width: 800, height: 600 };
const column = (count: number) => Array.from({ length: count }, (_, i) => ({ x: 0, y: i * 120 }));

describe('initialViewport', () => {
  it('shows a small diagram whole, centred and never enlarged', () => {
    const view = initialViewport([{ x: 0, y: 0 }, { x: 0, y: 120 }], { x: 0, y: 0 }, canvas);
    expect(view.zoom).toBe(1);
    expect(view.x).toBe((800 - 200) / 2);
    expect(view.y).toBe((600 - 184) / 2);
  });

  it('keeps a large diagram readable with the start at the top, centred across when it fits', () => {
    const view = initialViewport(column(58), { x: 0, y: 0 }, canvas);
    expect(view.zoom).toBe(readableZoom);
    expect(view.y).toBe(24);
    expect(view.x + 100 * view.zoom).toBe(400);
  });

  it('centres on the focused activity when the diagram is wider than the canvas', () => {
    const wide = [...column(30), { x: 3000, y: 0 }];
    const view = initialViewport(wide, { x: 0, y: 0 }, canvas);
    expect(view.zoom).toBe(readableZoom);
    expect(view.x + 100 * view.zoom).toBe(400);
  });

  it('puts the focused activity in the middle when asked, as the instance viewer does for what it waits on', () => {
    const view = initialViewport(column(58), { x: 0, y: 3600 }, canvas, 'middle');
    expect(view.y + (3600 + 32) * view.zoom).toBe(300);
  });

  it('answers a neutral view for an empty diagram or an unmeasured canvas', () => {
    expect(initialViewport([], undefined, canvas).zoom).toBe(1);
    expect(initialViewport(column(3), undefined, { width: 0, height: 0 }).zoom).toBe(1);
  });
});
