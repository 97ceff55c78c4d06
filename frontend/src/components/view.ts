/** The card's and panel's shared wiring of the pieces to the controller: one way to render each. */
import { html, type TemplateResult } from "lit";
import type { AuditEvent } from "../data/types";
import { fromInputValue, toInputValue } from "../model/time";
import type { AuditController } from "./controller";
import type { ViewContext } from "./shared";

type Detail<T> = CustomEvent<T>;

/** The timeline wired to the controller; `onWidth` hears the lane's pixel width. */
export const timelineView = (
  ctrl: AuditController,
  c: ViewContext,
  onWidth?: (width: number) => void,
): TemplateResult =>
  html`<audit-trail-timeline
    .ctx=${c}
    .lanes=${ctrl.lanes}
    .start=${ctrl.start}
    .end=${ctrl.end}
    .cursor=${ctrl.cursor}
    .live=${ctrl.clock.live}
    .growing=${ctrl.windowEnd === null && !ctrl.error}
    .info=${ctrl.statesAtCursor()}
    @width-changed=${(e: Detail<{ width: number }>) => onWidth?.(e.detail.width)}
    @cursor-set=${(e: Detail<{ t: number }>) => ctrl.act("seek", e.detail.t)}
    @cursor-step=${(e: Detail<{ dir: 1 | -1 }>) => ctrl.act(e.detail.dir > 0 ? "next" : "prev")}
    @mark-select=${(e: Detail<{ seq: number; event: AuditEvent | null }>) =>
      void ctrl.select(e.detail.seq, e.detail.event, false)}
  ></audit-trail-timeline>`;

/** The replay bar wired to the controller. */
export const replayView = (ctrl: AuditController, c: ViewContext): TemplateResult =>
  html`<audit-trail-replay-bar
    .ctx=${c}
    .cursor=${ctrl.cursor}
    .playing=${ctrl.clock.playing}
    .live=${ctrl.clock.live}
    .speed=${ctrl.clock.speed}
    @replay=${(e: Detail<{ action: string; value?: number }>) => ctrl.act(e.detail.action, e.detail.value)}
  ></audit-trail-replay-bar>`;

/** The change list of the given rows (the controller's, or a filtered view of them). */
export const listView = (
  ctrl: AuditController,
  c: ViewContext,
  events: AuditEvent[],
  height = 320,
): TemplateResult =>
  html`<audit-trail-change-list
    .ctx=${c}
    .events=${events}
    .hasMore=${!!ctrl.nextCursor}
    .loading=${ctrl.listLoading || ctrl.loading}
    .height=${height}
    @load-more=${() => void ctrl.loadMore()}
    @change-select=${(e: Detail<{ seq: number; event: AuditEvent | null; why: boolean }>) =>
      void ctrl.select(e.detail.seq, e.detail.event, e.detail.why)}
  ></audit-trail-change-list>`;

/** The "why?" dialog of the controller's selection. */
export const whyView = (ctrl: AuditController, c: ViewContext): TemplateResult =>
  html`<audit-trail-why-dialog
    .ctx=${c}
    .selection=${ctrl.selection}
    @closed=${() => ctrl.closeSelection()}
    @why-load=${(e: Detail<{ seq: number }>) => void ctrl.loadTrace(e.detail.seq)}
  ></audit-trail-why-dialog>`;

/** A labelled datetime-local field in the user's zone; empty gives null, nonsense keeps the value. */
export const timeInput = (
  c: ViewContext,
  value: number | null,
  set: (t: number | null) => void,
  label: string,
): TemplateResult => {
  const tz = c.fmt.timeZone;
  const onChange = (e: Event): void => {
    const v = (e.target as HTMLInputElement).value;
    const t = fromInputValue(v, tz);
    set(v === "" ? null : Number.isNaN(t) ? value : t);
  };
  return html`<label
    >${label}<input
      type="datetime-local"
      step="1"
      .value=${value === null ? "" : toInputValue(value, tz)}
      @change=${onChange}
  /></label>`;
};
