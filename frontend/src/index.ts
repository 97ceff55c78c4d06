/** The one bundle: defines the card, its pieces and the panel, and lists the card in the picker. */
import { AuditTrailCard, cardSuggestion } from "./audit-trail-card";
import { AuditTrailPanel } from "./audit-trail-panel";
import { AuditTrailChangeList } from "./components/change-list";
import { AuditTrailPanelTools } from "./components/panel-tools";
import { AuditTrailReplayBar } from "./components/replay-bar";
import { AuditTrailTimeline } from "./components/timeline";
import { AuditTrailWhyDialog } from "./components/why-dialog";
import { makeLocalize } from "./localize/localize";
import { CARD_TYPE } from "./model/config";

const ELEMENTS: [string, CustomElementConstructor][] = [
  ["audit-trail-timeline", AuditTrailTimeline],
  ["audit-trail-change-list", AuditTrailChangeList],
  ["audit-trail-replay-bar", AuditTrailReplayBar],
  ["audit-trail-why-dialog", AuditTrailWhyDialog],
  ["audit-trail-panel-tools", AuditTrailPanelTools],
  [CARD_TYPE, AuditTrailCard],
  ["audit-trail-panel", AuditTrailPanel],
];

// The bundle may load twice (the integration adds it, a user may add it as a resource too).
for (const [name, ctor] of ELEMENTS) if (!customElements.get(name)) customElements.define(name, ctor);

interface CustomCardEntry {
  type: string;
  name: string;
  description: string;
  preview: boolean;
  getEntitySuggestion?: typeof cardSuggestion;
}
const w = window as unknown as { customCards?: CustomCardEntry[] };
w.customCards = w.customCards ?? [];
if (!w.customCards.some((c) => c.type === CARD_TYPE)) {
  const t = makeLocalize();
  w.customCards.push({
    type: CARD_TYPE,
    name: t("card.name"),
    description: t("card.description"),
    preview: true,
    getEntitySuggestion: cardSuggestion,
  });
}
