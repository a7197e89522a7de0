import type { ItemOutcomeState, LinkOutcomeDto, OutcomeReportDto } from '@keyline/shared';
import type { ShippedInput } from '../../key-results/utils/chart-series';

/** One KR's verdict after one item: moved beyond noise, not, or nothing to say yet. */
export function linkState(link: Pick<LinkOutcomeDto, 'state' | 'moved'>): ItemOutcomeState {
  return link.state === 'waiting' ? 'waiting' : link.moved ? 'moved' : 'not-moved';
}

/** The KR chart's markers: each shipped item with that KR's verdict after it. */
export function shippedMarkers(report: OutcomeReportDto | undefined, keyResultId: string): ShippedInput[] {
  if (!report) return [];
  return report.items.flatMap((item) => {
    const link = item.links.find((l) => l.keyResultId === keyResultId);
    return link
      ? [
          {
            itemId: item.itemId,
            title: item.title,
            doneAt: item.doneAt,
            windowDays: report.settings.windowDays,
            state: linkState(link),
            provisional: link.provisional,
          },
        ]
      : [];
  });
}
