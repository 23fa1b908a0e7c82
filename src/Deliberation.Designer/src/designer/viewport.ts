import type { Node, Viewport } from '@xyflow/react';
import { nodeHeight, nodeWidth, type Point } from './graph';

/**
 * The smallest zoom at which an activity's Chinese label stays legible (about 11 px for the node's 0.85 rem text).
 * Fitting a large workflow whole would go far below it, so the first view stops here and the minimap shows the rest.
 */
export const readableZoom = 0.8;

/** Never enlarge a small diagram beyond its natural size. */
const maxInitialZoom = 1;

/** Screen pixels kept free around the diagram (or above the focused activity). */
const padding = 24;

export interface Size { width: number; height: number }

/**
 * The first view of a diagram on a canvas of the given size: the whole diagram when it fits at a readable zoom;
 * otherwise a readable zoom with the focused activity (the start, or what an instance waits on) near the top or in
 * the middle, horizontally centred on the diagram when it fits across, else on that activity.
 */
export function initialViewport(positions: Point[], focus: Point | undefined, canvas: Size, place: 'top' | 'middle' = 'top'): Viewport {
  if (positions.length === 0 || canvas.width <= 0 || canvas.height <= 0) return { x: padding, y: padding, zoom: maxInitialZoom };
  const left = Math.min(...positions.map((p) => p.x));
  const top = Math.min(...positions.map((p) => p.y));
  const right = Math.max(...positions.map((p) => p.x)) + nodeWidth;
  const bottom = Math.max(...positions.map((p) => p.y)) + nodeHeight;
  const width = right - left;
  const height = bottom - top;
  const fitZoom = Math.min((canvas.width - 2 * padding) / width, (canvas.height - 2 * padding) / height, maxInitialZoom);
  if (fitZoom >= readableZoom) {
    return { x: (canvas.width - width * fitZoom) / 2 - left * fitZoom, y: (canvas.height - height * fitZoom) / 2 - top * fitZoom, zoom: fitZoom };
  }
  const zoom = readableZoom;
  const anchor = focus ?? { x: left + width / 2 - nodeWidth / 2, y: top };
  const centreX = width * zoom <= canvas.width - 2 * padding ? left + width / 2 : anchor.x + nodeWidth / 2;
  const y = place === 'top' || !focus ? padding - anchor.y * zoom : canvas.height / 2 - (anchor.y + nodeHeight / 2) * zoom;
  return { x: canvas.width / 2 - centreX * zoom, y, zoom };
}

/** Applies {@link initialViewport} to a flow once it is initialised, measuring the canvas element it fills. */
export function showInitialView(flow: { setViewport: (viewport: Viewport) => unknown }, canvas: HTMLElement | null, nodes: Node[], focusId: string | undefined,
  place: 'top' | 'middle' = 'top'): void {
  const focus = nodes.find((n) => n.id === focusId)?.position;
  flow.setViewport(initialViewport(nodes.map((n) => n.position), focus, { width: canvas?.clientWidth ?? 0, height: canvas?.clientHeight ?? 0 }, place));
}
