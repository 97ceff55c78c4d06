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
const defineIn = (registry: CustomElementRegistry): void => {
  for (const [name, ctor] of ELEMENTS) if (!registry.get(name)) registry.define(name, ctor);
};
const registry = window.customElements;
defineIn(registry);
// Home Assistant's app code installs a scoped custom-element registry polyfill that puts a new,
// empty registry in window.customElements, which Lovelace asks for cards. This small bundle can
// run first (it is fetched beside the app chunk): then define again in the new registry, which
// keeps the classes already defined in the old one (the browser's, which builds the elements).
if (!registry.get("home-assistant")) {
  void registry.whenDefined("home-assistant").then(() => {
    if (window.customElements !== registry) defineIn(window.customElements);
  });
}

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
