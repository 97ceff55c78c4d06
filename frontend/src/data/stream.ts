/** The live stream of rows: subscribe with after_seq, resubscribe after a reconnect or a drop. */
import type { AuditEvent, HomeAssistant, StreamMessage } from "./types";

export interface StreamOptions {
  entityIds?: string[];
  afterSeq: number;
  onEvents: (events: AuditEvent[]) => void;
  onError?: (err: unknown) => void;
}

/**
 * Deliver every row with seq > afterSeq exactly once, in seq order.
 *
 * Like Home Assistant's subscribeHistoryStream, the subscription is not resubscribed by the
 * library (its message would replay from the first after_seq): on the connection's "ready"
 * event it is made again from the last seq delivered, so nothing is missed or repeated.
 */
export const subscribeAuditStream = async (hass: HomeAssistant, opts: StreamOptions): Promise<() => void> => {
  let lastSeq = opts.afterSeq;
  let unsub: (() => Promise<void>) | null = null;
  let closed = false;

  const onMessage = (msg: StreamMessage): void => {
    if ("dropped" in msg) {
      // The server stopped sending: start again from the last row it says was sent.
      lastSeq = Math.max(lastSeq, msg.last_seq);
      void restart();
      return;
    }
    const fresh = msg.events.filter((e) => e.seq > lastSeq);
    if (!fresh.length) return;
    lastSeq = fresh[fresh.length - 1]!.seq;
    opts.onEvents(fresh);
  };

  const subscribe = async (): Promise<void> => {
    const msg: Record<string, unknown> & { type: string } = {
      type: "audit_trail/subscribe",
      after_seq: lastSeq,
    };
    if (opts.entityIds) msg.entity_id = opts.entityIds;
    const u = await hass.connection.subscribeMessage<StreamMessage>(onMessage, msg, {
      resubscribe: false,
    });
    if (closed) void u().catch(() => undefined);
    else unsub = u;
  };

  const restart = async (): Promise<void> => {
    const old = unsub;
    unsub = null;
    // After a reconnect the old subscription is gone with the old socket; unsubscribing fails.
    if (old) await old().catch(() => undefined);
    if (closed) return;
    try {
      await subscribe();
    } catch (err) {
      opts.onError?.(err);
    }
  };

  const onReady = (): void => void restart();
  hass.connection.addEventListener("ready", onReady);
  try {
    await subscribe();
  } catch (err) {
    hass.connection.removeEventListener("ready", onReady);
    throw err;
  }
  return () => {
    closed = true;
    hass.connection.removeEventListener("ready", onReady);
    const u = unsub;
    unsub = null;
    if (u) void u().catch(() => undefined);
  };
};
