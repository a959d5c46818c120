import type { Store } from "../store/store.ts";

/** Thrown by a ReadOnlyStore on the first write: the turn is decided again inside a transaction. */
export class WriteNeeded extends Error {
  constructor(method: string) {
    super(`${method} needs a write transaction`);
    this.name = "WriteNeeded";
  }
}

const refuse = (method: string) => (): Promise<never> => Promise.reject(new WriteNeeded(method));

/**
 * The store as a turn decided outside any transaction sees it: every read goes through, the first
 * write throws WriteNeeded. Most events (a question, a slash command, a button that only shows
 * something) change nothing but the thread's session and the analytics, which the engine writes itself
 * in one short transaction afterwards; a turn that opens or moves an escalation stops at its first write
 * and is decided again, whole, inside a transaction (see create-engine.ts).
 */
export function readOnlyStore(store: Store): Store {
  let view = views.get(store);
  if (!view) {
    view = build(store);
    views.set(store, view);
  }
  return view;
}

// One view per store, not one per turn: every turn of a busy bot would otherwise build these 27 closures.
const views = new WeakMap<Store, Store>();

function build(store: Store): Store {
  return {
    getSession: (key) => store.getSession(key),
    getEscalation: (id) => store.getEscalation(id),
    getEscalationByKey: (key) => store.getEscalationByKey(key),
    listEscalations: (filter) => store.listEscalations(filter),
    listPendingDeliveries: (at) => store.listPendingDeliveries(at),
    listEvents: (filter) => store.listEvents(filter),
    getDelivery: (id) => store.getDelivery(id),
    countDeliveries: () => store.countDeliveries(),
    ping: () => store.ping(),
    saveSession: refuse("saveSession"),
    deleteSession: refuse("deleteSession"),
    createEscalation: refuse("createEscalation"),
    transitionEscalation: refuse("transitionEscalation"),
    setEscalationDelivery: refuse("setEscalationDelivery"),
    claimHandoffPost: refuse("claimHandoffPost"),
    releaseHandoffPost: refuse("releaseHandoffPost"),
    updateEscalationHandoff: refuse("updateEscalationHandoff"),
    recordEvent: refuse("recordEvent"),
    claimEvent: refuse("claimEvent"),
    forgetTextBefore: refuse("forgetTextBefore"),
    vacuum: refuse("vacuum"),
    enqueueDelivery: refuse("enqueueDelivery"),
    takeDueDeliveries: refuse("takeDueDeliveries"),
    updateDeliveryReply: refuse("updateDeliveryReply"),
    completeDelivery: refuse("completeDelivery"),
    completeDeliveries: refuse("completeDeliveries"),
    failDelivery: refuse("failDelivery"),
    renewDeliveryLease: refuse("renewDeliveryLease"),
    transaction: refuse("transaction"),
    close: refuse("close"),
  };
}
