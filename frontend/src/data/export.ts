/** Export of the log through the integration's HTTP view, with the body's SHA-256 header. */
import type { HomeAssistant } from "./types";

export type ExportFormat = "jsonl" | "csv";

export interface ExportQuery {
  start: string | Date;
  end: string | Date;
  format: ExportFormat;
  entityIds?: string[];
}

export interface ExportFile {
  blob: Blob;
  filename: string;
  sha256: string | null;
}

/** The view's path and query string for a selection. */
export const exportPath = (q: ExportQuery): string => {
  const iso = (t: string | Date): string => (typeof t === "string" ? t : t.toISOString());
  const params = new URLSearchParams({ start: iso(q.start), end: iso(q.end), format: q.format });
  if (q.entityIds?.length) params.set("entity_id", q.entityIds.join(","));
  return `/api/audit_trail/export?${params.toString()}`;
};

/** Read the file name from a Content-Disposition header. */
export const dispositionFilename = (header: string | null, fallback: string): string => {
  const m = header ? /filename="?([^";]+)"?/i.exec(header) : null;
  return m?.[1] ?? fallback;
};

export class ExportError extends Error {
  constructor(public readonly status: number) {
    super(`export failed: HTTP ${status}`);
  }
}

/** Fetch an export with the user's token; throws ExportError on 401/403/other failures. */
export const fetchExport = async (hass: HomeAssistant, q: ExportQuery): Promise<ExportFile> => {
  const path = exportPath(q);
  const resp = hass.fetchWithAuth
    ? await hass.fetchWithAuth(path)
    : await fetch(hass.hassUrl ? hass.hassUrl(path) : path, {
        headers: { Authorization: `Bearer ${hass.auth?.data.access_token ?? ""}` },
      });
  if (!resp.ok) throw new ExportError(resp.status);
  return {
    blob: await resp.blob(),
    filename: dispositionFilename(resp.headers.get("Content-Disposition"), `audit-trail.${q.format}`),
    sha256: resp.headers.get("X-Audit-Trail-SHA256"),
  };
};
