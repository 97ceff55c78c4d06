/** The timeline's styles: tracks, their drawings and marks, the cursor, the axis and the heads. */
import { css } from "lit";

export const timelineStyles = css`
  :host {
    display: block;
    position: relative;
  }
  .tracks {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0;
    touch-action: pan-y;
    cursor: crosshair;
    outline: none;
  }
  .tracks:focus-visible {
    outline: 2px solid var(--primary-color);
  }
  .track {
    position: relative;
    contain: layout style;
    /* Each lane's drawing on a layer of its own: rastered once per redraw, so the heads a seek
       rewrites never make the hatched paths beside them raster again. */
    will-change: transform;
    height: 22px;
    background: var(--secondary-background-color);
    border-radius: 3px;
  }
  .draw {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    display: block;
  }
  .defs {
    position: absolute;
    width: 0;
    height: 0;
  }
  path.dense {
    fill: url(#at-dense);
  }
  path.gap {
    fill: url(#at-gap);
    stroke: var(--error-color);
    stroke-width: 1px;
    vector-effect: non-scaling-stroke;
  }
  .gapline {
    fill: var(--divider-color);
  }
  /* Not recorded yet: neutral, finer and the other way than a gap's hatch, no red edge. */
  path.unrecorded {
    fill: url(#at-unrecorded);
  }
  .unrecline {
    fill: var(--secondary-text-color);
    opacity: 0.35;
  }
  .marks {
    position: absolute;
    left: 0;
    top: -6px; /* half of MARKS_H: centred on the top edge */
    width: 100%;
    height: 12px; /* MARKS_H */
    overflow: visible;
    pointer-events: none;
  }
  .dots {
    fill: var(--primary-text-color);
    stroke: var(--card-background-color, var(--primary-background-color));
    stroke-width: 2px;
    pointer-events: visiblePainted;
    cursor: pointer;
  }
  .dots.small {
    fill: var(--secondary-text-color);
    stroke-width: 1px;
  }
  .dots.note {
    fill: var(--info-color, var(--primary-color));
  }
  .dots.warn {
    fill: var(--warning-color);
  }
  /* The lane's focusable mark sits on a drawn one: invisible until it has the keyboard. */
  .mark.focus {
    position: absolute;
    top: -6px;
    width: 12px;
    height: 12px;
    min-height: 0;
    margin-left: -6px;
    padding: 0;
    border: none;
    border-radius: 50%;
    background: transparent;
  }
  .mark.focus:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 1px;
  }
  .cursor {
    position: absolute;
    left: 0;
    will-change: transform;
    top: 0;
    bottom: -4px;
    width: 2px;
    margin-left: -1px;
    background: var(--primary-color);
    pointer-events: none;
  }
  .cursor.live {
    background: var(--success-color, var(--primary-color));
  }
  .axis {
    position: relative;
    height: 18px;
    margin-top: 2px;
    font-size: 11px;
    color: var(--secondary-text-color);
    overflow: hidden;
  }
  .axis span {
    position: absolute;
    white-space: nowrap;
  }
  .head {
    height: 28px;
    /* A seek rewrites every head's text: its own box, so that lays out no more than the head. */
    contain: strict;
    /* And a layer of its own: its new text rasters alone, not the lanes around it. */
    will-change: transform;
    margin-top: 4px;
    display: flex;
    align-items: center;
    gap: 6px;
    font-size: 0.9em;
    overflow: hidden;
    white-space: nowrap;
    cursor: default;
  }
  .head .name {
    font-weight: 500;
    overflow: hidden;
    text-overflow: ellipsis;
    flex: 0 0 auto;
    max-width: 45%;
  }
  .head .chip {
    flex: 0 1 auto;
    min-width: 0;
  }
  /* The duration is last and never cut: the cause chip gives way (ellipsis) instead. */
  .head .since {
    flex: 0 0 auto;
  }
  .head .state {
    font-weight: 500;
  }
  .gapnote {
    color: var(--warning-color);
  }
`;
