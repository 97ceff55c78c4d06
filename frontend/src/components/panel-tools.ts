/** <audit-trail-panel-tools>: the panel's diff between two instants, chain verification and export. */
import { css, html, LitElement, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { fetchDiff, verifyLog } from "../data/audit";
import { ExportError, fetchExport, type ExportFormat } from "../data/export";
import type { Diff, VerifyResult } from "../data/types";
import { errorText } from "./controller";
import { panelStyles, sharedStyles, type ViewContext } from "./shared";
import { timeInput } from "./view";

const DAY = 86_400_000;

/** Hex of a SHA-256, to check the export's header against the bytes received. */
const sha256Hex = async (blob: Blob): Promise<string | null> => {
  if (!globalThis.crypto?.subtle) return null; // not a secure context (plain http on a LAN address)
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
};

export class AuditTrailPanelTools extends LitElement {
  @property({ attribute: false }) accessor ctx!: ViewContext;
  @property({ attribute: false }) accessor entityIds: string[] = [];
  @property({ type: Number }) accessor from = Date.now() - DAY;
  @property({ attribute: false }) accessor to: number | null = null;
  @state() accessor diff: Diff | null = null;
  @state() accessor diffAt: [number, number] = [Date.now() - DAY, Date.now()];
  @state() accessor verify: VerifyResult | "running" | null = null;
  @state() accessor exported: { file: string; sha: string | null; matches: boolean | null } | null = null;
  @state() accessor format: ExportFormat = "jsonl";
  @state() accessor message: string | null = null;

  private async runDiff(): Promise<void> {
    try {
      this.diff = await fetchDiff(
        this.ctx.hass,
        new Date(this.diffAt[0]),
        new Date(this.diffAt[1]),
        this.entityIds.length ? this.entityIds : undefined,
      );
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private async runVerify(): Promise<void> {
    this.verify = "running";
    try {
      this.verify = await verifyLog(this.ctx.hass);
    } catch (err) {
      this.verify = null;
      this.message = errorText(err);
    }
  }

  private async runExport(): Promise<void> {
    const t = this.ctx.t;
    try {
      const end = this.to ?? Date.now();
      const file = await fetchExport(this.ctx.hass, {
        start: new Date(this.from),
        end: new Date(end),
        format: this.format,
        entityIds: this.entityIds,
      });
      const local = await sha256Hex(file.blob);
      this.exported = {
        file: file.filename,
        sha: file.sha256,
        matches: local === null || file.sha256 === null ? null : local === file.sha256.toLowerCase(),
      };
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = file.filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      this.message =
        err instanceof ExportError ? t("panel.export_failed", { status: err.status }) : errorText(err);
    }
  }

  private diffSection() {
    const c = this.ctx;
    const rows = Object.entries(this.diff?.changes ?? {});
    return html`<section>
      <h2>${c.t("panel.diff")}</h2>
      <div class="row">
        ${timeInput(c, this.diffAt[0], (t) => (this.diffAt = [t ?? this.diffAt[0], this.diffAt[1]]), c.t("panel.from"))}
        ${timeInput(c, this.diffAt[1], (t) => (this.diffAt = [this.diffAt[0], t ?? this.diffAt[1]]), c.t("panel.to"))}
        <button @click=${() => void this.runDiff()}>${c.t("panel.diff_run")}</button>
      </div>
      ${this.diff && !rows.length ? html`<p class="muted">${c.t("panel.diff_none")}</p>` : nothing}
      ${
        rows.length
          ? html`<table>
              <tbody>
                ${rows.map(
                  ([id, d]) =>
                    html`<tr>
                      <td>${c.name(id)}</td>
                      <td>
                        ${c.state(id, d.before?.state ?? null)} → ${c.state(id, d.after?.state ?? null)}
                      </td>
                      <td class="muted">${c.t("panel.diff_transitions", { count: d.transitions })}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }
    </section>`;
  }

  private toolsSection() {
    const c = this.ctx;
    const v = this.verify;
    return html`<section>
      <h2>${c.t("panel.verify")}</h2>
      <button @click=${() => void this.runVerify()} ?disabled=${v === "running"}>
        ${c.t("panel.verify")}
      </button>
      ${v === "running" ? html`<span class="muted">${c.t("card.loading")}</span>` : nothing}
      ${
        v && v !== "running"
          ? v.ok
            ? html`<p class="ok">✓ ${c.t("panel.verify_ok", { checked: v.checked })}</p>`
            : html`<p class="error" role="alert">
                ⚠
                ${c.t("panel.verify_bad", { seq: v.first_bad_seq ?? "?", reason: v.reason ?? "", checked: v.checked })}
              </p>`
          : nothing
      }
      <h2>${c.t("panel.export")}</h2>
      <div class="row">
        <select
          @change=${(e: Event) => (this.format = (e.target as HTMLSelectElement).value as ExportFormat)}
        >
          <option value="jsonl" ?selected=${this.format === "jsonl"}>JSON Lines</option>
          <option value="csv" ?selected=${this.format === "csv"}>CSV</option>
        </select>
        <button @click=${() => void this.runExport()} ?disabled=${!this.entityIds.length}>
          ${c.t("panel.export")}
        </button>
      </div>
      ${
        this.exported
          ? html`<p class="sha">
              ${c.t("panel.export_sha", { file: this.exported.file, sha: this.exported.sha ?? "—" })}
              ${this.exported.matches === true ? html`<span class="ok">✓</span>` : this.exported.matches === false ? html`<span class="error" title=${c.t("panel.export_sha_mismatch")}>≠ ${c.t("panel.export_sha_mismatch")}</span>` : nothing}
            </p>`
          : nothing
      }
    </section>`;
  }

  override render() {
    if (!this.ctx) return nothing;
    return html`${this.message ? html`<p class="error">${this.message}</p>` : nothing} ${this.diffSection()}
    ${this.toolsSection()}`;
  }

  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
    `,
  ];
}
