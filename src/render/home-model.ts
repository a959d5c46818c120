import { statusLabels } from "./escalation-card.ts";
import { formatAge } from "./format-time.ts";

/**
 * A person's home page (Slack's App Home tab), platform-neutral: sections of plain-text items, each with an
 * optional link back to its thread. The Slack adapter turns it into a Home view; nothing here knows Block Kit.
 * Text is plain (no platform markup), so a translator escapes everything it shows.
 */
export interface HomeModel {
  title: string;
  sections: HomeSection[];
}

export interface HomeSection {
  /** A stable id, so a translator or test can find the section. */
  id: "how-to-ask" | "walkthroughs" | "escalations" | "queue" | "topics";
  heading: string;
  /** Shown when `items` is empty. */
  empty?: string;
  items: HomeItem[];
}

export interface HomeItem {
  text: string;
  /** A second, quieter line (status, age). */
  detail?: string;
  /** Where the item's thread is, when the platform gave a link. */
  link?: string;
}

export interface HomeWalkthrough {
  playbook: string;
  /** "Step 3 of 9", or "asked whether it fixed it". */
  where: string;
  link?: string;
}

export interface HomeEscalation {
  id: string;
  /** The playbook's title, or the question when nothing matched. */
  subject: string;
  status: keyof typeof statusLabels;
  ageMinutes: number;
  requester?: string;
  claimedBy?: string;
  link?: string;
}

export interface HomeInput {
  /** The slash command in use (SLACK_COMMAND, default /cp). */
  command: string;
  walkthroughs: HomeWalkthrough[];
  /** The person's own escalations that are not resolved. */
  escalations: HomeEscalation[];
  /** Every unresolved escalation, for responders only; undefined for everyone else. */
  queue?: HomeEscalation[];
  topics: { id: string; title: string }[];
}

/** Builds the home page: how to ask, what the person has going, the queue for Support, the topics. */
export function homeModel(input: HomeInput): HomeModel {
  const { command } = input;
  const sections: HomeSection[] = [
    {
      id: "how-to-ask",
      heading: "How to ask",
      items: [
        { text: "Mention @cpbot in a channel with the symptom: @cpbot station screen says access denied" },
        {
          text: `Or use ${command} anywhere, answered privately: ${command} fault 303-RSC, ${command} list, ${command} help`,
        },
        { text: "Or message cpbot directly, in its Messages tab." },
      ],
    },
    {
      id: "walkthroughs",
      heading: "Your open walkthroughs",
      empty: "None. A walkthrough you start from an answer shows here until it ends.",
      items: input.walkthroughs.map((w) => ({
        text: w.playbook,
        detail: w.where,
        ...(w.link ? { link: w.link } : {}),
      })),
    },
    {
      id: "escalations",
      heading: "Your escalations",
      empty: "None open.",
      items: input.escalations.map((e) => escalationItem(e, false)),
    },
  ];
  if (input.queue)
    sections.push({
      id: "queue",
      heading: `Escalation queue (${input.queue.length})`,
      empty: "Nothing is waiting for Support.",
      // Oldest first, so nothing waits unseen.
      items: [...input.queue].sort((a, b) => b.ageMinutes - a.ageMinutes).map((e) => escalationItem(e, true)),
    });
  sections.push({
    id: "topics",
    heading: `Topics (${input.topics.length})`,
    items: input.topics.map((t) => ({ text: t.title, detail: `${command} open ${t.id}` })),
  });
  return { title: "cpbot", sections };
}

function escalationItem(e: HomeEscalation, withRequester: boolean): HomeItem {
  const who = [
    withRequester && e.requester ? `from ${e.requester}` : undefined,
    e.claimedBy ? `claimed by ${e.claimedBy}` : undefined,
  ].filter(Boolean);
  const detail = [statusLabels[e.status], ...who, `waiting ${formatAge(e.ageMinutes)}`].join(" · ");
  return { text: `${e.id}: ${e.subject}`, detail, ...(e.link ? { link: e.link } : {}) };
}
