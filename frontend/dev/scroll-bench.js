// Evaluated in the preview page: 10,000 rows in the card's list, scrolled top to bottom; prints frame figures.
(async () => {
  const card = window.__el;
  const ctrl = card.ctrl;
  const base = ctrl.list[0];
  const big = Array.from({ length: 10000 }, (_, i) => ({
    ...base,
    seq: 1_000_000 - i,
    time: new Date(Date.now() - i * 60000).toISOString(),
  }));
  ctrl.list = big;
  ctrl.nextCursor = null;
  card.requestUpdate();
  await card.updateComplete;
  const list = card.shadowRoot.querySelector("audit-trail-change-list");
  await list.updateComplete;
  const scroller = list.shadowRoot.querySelector(".scroller");
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
  const times = [];
  let maxRows = 0;
  await frame();
  let last = await frame();
  for (let top = 0; top < scroller.scrollHeight; top += 300) {
    scroller.scrollTop = top;
    const now = await frame();
    times.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, list.shadowRoot.querySelectorAll(".row").length);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.floor(p * (times.length - 1))].toFixed(1);
  // Anchor from the same run: an idle frame with nothing to do.
  const idle = [];
  for (let i = 0; i < 30; i++) {
    const a = await frame();
    const b = await frame();
    idle.push(b - a);
  }
  idle.sort((a, b) => a - b);
  return {
    rows: big.length,
    steps: times.length,
    frame_ms_p50: q(0.5),
    frame_ms_p95: q(0.95),
    frame_ms_max: q(1),
    idle_frame_ms_p50: idle[15].toFixed(1),
    max_rows_in_dom: maxRows,
    scroll_height_px: scroller.scrollHeight,
  };
})();
