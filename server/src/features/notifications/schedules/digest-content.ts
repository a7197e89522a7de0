import type { ItemFlagCode, MessageContent, MessageItem, MessageSection, OkrStatus } from '@keyline/shared';
import { STATUS_WORDS } from '../events/event-content';
import { Links } from '../links';

/** What the digest knows about the organisation this week; built once per run, shared by every person's digest. */
export interface DigestWorld {
  now: number;
  cycleName: string | null;
  keyResults: DigestKeyResult[];
  /** Open items that gained a flag in the last 7 days. */
  newlyFlagged: DigestItem[];
  /** KRs with no open work behind them (the KR flag NO_WORK). */
  noWork: Set<string>;
  /** Misaligned effort share now and a week ago (0–1), when known. */
  misaligned: { now: number | null; weekAgo: number | null };
  /** Comments of the last 7 days that mention each person, newest first. */
  mentions: ReadonlyMap<string, readonly MessageItem[]>;
}

export interface DigestKeyResult {
  id: string;
  title: string;
  ownerId: string | null;
  /** The team of its objective. */
  teamId: string | null;
  status: OkrStatus;
  progress: number;
  checkInDue: boolean;
}

export interface DigestItem {
  id: string;
  title: string;
  teamId: string | null;
  keyResultIds: readonly string[];
  /** Flags gained in the last week. */
  gained: ItemFlagCode[];
}

export interface DigestPerson {
  userId: string;
  teamIds: readonly string[];
}

const FLAG_WORDS: Record<ItemFlagCode, string> = {
  NOT_SCORABLE: 'not scorable',
  UNALIGNED: 'unaligned',
  STALE_ALIGNMENT: 'stale alignment',
  LOW_VALUE_HIGH_EFFORT: 'low value for high effort',
  RANK_INVERSION: 'rank inversion',
};
const MAX_ITEMS = 10;
/** A move in misaligned effort smaller than this is no news on its own. */
const NOTABLE_PP = 1;

const pct = (share: number) => `${Math.round(share * 100)}%`;

function capped(items: MessageItem[], more: (n: number) => MessageItem): MessageItem[] {
  return items.length <= MAX_ITEMS ? items : [...items.slice(0, MAX_ITEMS), more(items.length - MAX_ITEMS)];
}

/**
 * One person's weekly digest: a list of things to do, each with its link.
 * Comments this week that mention them; their KRs that are due or at risk; items of the teams they follow (or
 * serving their KRs) that gained a flag this week; KRs in their teams (or
 * their own) with no work behind them; and how misaligned effort moved. Null
 * when there is nothing to say: then no message is sent. Pure.
 */
export function buildDigest(person: DigestPerson, world: DigestWorld): MessageContent | null {
  const teams = new Set(person.teamIds);
  const mine = world.keyResults.filter((kr) => kr.ownerId === person.userId);
  const mineIds = new Set(mine.map((kr) => kr.id));
  const sections: MessageSection[] = [];

  const mentions = world.mentions.get(person.userId) ?? [];
  if (mentions.length > 0) {
    sections.push({
      heading: 'Comments that mention you',
      items: capped([...mentions], (n) => ({ text: `… and ${n} more`, path: '/okrs' })),
    });
  }

  const attention = mine.filter((kr) => kr.checkInDue || kr.status === 'at-risk' || kr.status === 'off-track');
  if (attention.length > 0) {
    sections.push({
      heading: 'Your key results that need you',
      items: capped(
        attention.map((kr) => ({
          text: kr.title,
          detail: [
            kr.status === 'no-check-in' ? null : STATUS_WORDS[kr.status],
            `${pct(kr.progress)} of target`,
            kr.checkInDue ? 'check-in due' : null,
          ]
            .filter(Boolean)
            .join(' · '),
          path: Links.keyResult(kr.id),
        })),
        (n) => ({ text: `… and ${n} more`, path: `/okrs?owner=${person.userId}` }),
      ),
    });
  }

  const flagged = world.newlyFlagged.filter(
    (item) => (item.teamId !== null && teams.has(item.teamId)) || item.keyResultIds.some((id) => mineIds.has(id)),
  );
  if (flagged.length > 0) {
    sections.push({
      heading: 'Items that gained a flag this week',
      items: capped(
        flagged.map((item) => ({
          text: item.title,
          detail: item.gained.map((f) => FLAG_WORDS[f]).join(', '),
          path: Links.item(item.id),
        })),
        (n) => ({ text: `… and ${n} more`, path: '/alignment' }),
      ),
    });
  }

  const idle = world.keyResults.filter(
    (kr) => world.noWork.has(kr.id) && (kr.ownerId === person.userId || (kr.teamId !== null && teams.has(kr.teamId))),
  );
  if (idle.length > 0) {
    sections.push({
      heading: 'Key results with no work behind them',
      items: capped(
        idle.map((kr) => ({
          text: kr.title,
          detail: `${STATUS_WORDS[kr.status]} · no open backlog item serves it`,
          path: Links.keyResult(kr.id),
        })),
        (n) => ({ text: `… and ${n} more`, path: '/alignment' }),
      ),
    });
  }

  const { now, weekAgo } = world.misaligned;
  const deltaPp = now !== null && weekAgo !== null ? Math.round((now - weekAgo) * 100) : null;
  const notable = deltaPp !== null && Math.abs(deltaPp) >= NOTABLE_PP;
  if (sections.length === 0 && !notable) return null;
  if (now !== null) {
    const change =
      deltaPp === null
        ? 'no figure from a week ago to compare with'
        : deltaPp === 0
          ? 'unchanged since last week'
          : `${deltaPp > 0 ? '+' : '−'}${Math.abs(deltaPp)} pp since last week`;
    sections.push({
      heading: 'Alignment',
      items: [{ text: `Misaligned effort ${pct(now)}`, detail: change, path: Links.alignment() }],
    });
  }
  const count = sections.reduce((n, s) => n + (s.heading === 'Alignment' ? 0 : s.items.length), 0);
  return {
    subject:
      count > 0 ? `Your week in Keyline: ${count} thing${count === 1 ? '' : 's'} to look at` : 'Your week in Keyline',
    intro: `${world.cycleName ? `${world.cycleName}, ` : ''}the week of ${new Date(world.now).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })}. Each line links to where you can act on it.`,
    sections,
    action: { label: 'Open Keyline', path: '/okrs' },
  };
}

/** What the test digest sends when the week has nothing for the person: the format, and why it would stay quiet. */
export function emptyDigest(world: DigestWorld): MessageContent {
  return {
    subject: 'Your week in Keyline: nothing needs you',
    intro:
      'This is the test digest you asked for. Nothing of yours is due, at risk or newly flagged, so the weekly digest would not be sent this week: Keyline writes only when there is something to do.',
    sections:
      world.misaligned.now === null
        ? []
        : [
            {
              heading: 'Alignment',
              items: [{ text: `Misaligned effort ${pct(world.misaligned.now)}`, path: Links.alignment() }],
            },
          ],
    action: { label: 'Open Keyline', path: '/okrs' },
  };
}
