import type { ItemFlagCode, ScoredBacklogItem } from '@keyline/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { useItemTitle } from '../hooks/useAlignmentQueries';
import { refreshAfterFix, useItemFix, type ItemFix } from '../hooks/useItemFix';
import { fieldsToFix, FLAG_GROUPS, moreValuableItemId, withItemTitle } from '../utils/flag-fixes';
import { formatPoints } from '../utils/quadrants';
import { EstimateFix } from './EstimateFix';
import { ScoreWithBreakdown } from './ScoreBreakdown';
import { TagSuggestions, type KeyResultOption } from './TagSuggestions';
import { isVersionConflict } from '../../../lib/errors';

const groupLabel = (code: string) => FLAG_GROUPS.find((g) => g.code === code)?.label.toLowerCase() ?? code;

/** A newer version of the row means the fix runs again on top of it ("Use mine"). */
function withVersion(fix: ItemFix, version: number): ItemFix {
  return fix.kind === 'tag' || fix.kind === 'bring-to-top' ? fix : { ...fix, version };
}

/** One flagged item: why it is flagged, and the action that clears it. */
export function FlaggedRow({
  item,
  code,
  canEdit,
  keyResults,
  keyResultTitles,
  onFixed,
}: {
  item: ScoredBacklogItem;
  code: ItemFlagCode;
  canEdit: boolean;
  keyResults: readonly KeyResultOption[];
  keyResultTitles: ReadonlyMap<string, string>;
  onFixed: () => void;
}) {
  const client = useQueryClient();
  const fix = useItemFix(item, { onFixed });
  const run = (action: ItemFix) => fix.mutate(action);
  const flag = item.flags.find((f) => f.code === code);
  const otherId = code === 'RANK_INVERSION' && flag ? moreValuableItemId(flag.message) : null;
  const otherTitle = useItemTitle(otherId);
  const reason = flag ? (otherId ? withItemTitle(flag.message, otherId, otherTitle) : flag.message) : '';
  const alsoFlagged = item.flags.filter((f) => f.code !== code).map((f) => groupLabel(f.code));
  const breakdown = item.breakdown;
  const busy = fix.isPending;
  const drop = (
    <button
      type="button"
      className="button"
      disabled={busy}
      aria-label={`Drop ${item.title}`}
      onClick={() => run({ kind: 'drop', version: item.version, previousStatus: item.status })}
    >
      Drop
    </button>
  );

  return (
    <li className="flag-row" aria-busy={busy || undefined}>
      <div className="flag-row-head">
        <Link to={`/backlog/${item.id}`} className="flag-row-title">
          {item.title}
        </Link>
        <span className="flag-row-figures">
          <span className="meta">Value</span>
          <ScoreWithBreakdown
            valueScore={item.valueScore}
            breakdown={item.breakdown}
            keyResultTitles={keyResultTitles}
            itemTitle={item.title}
          />
          <span className="meta">Effort</span>
          <span className="num">{item.effort === null ? '—' : formatPoints(item.effort)}</span>
        </span>
      </div>
      <p className="flag-reason">{reason}</p>
      {alsoFlagged.length > 0 && <p className="meta">Also flagged: {alsoFlagged.join(', ')}</p>}
      {canEdit && (
        <div className="flag-fix">
          {(code === 'UNALIGNED' || code === 'STALE_ALIGNMENT') && (
            <TagSuggestions
              itemId={item.id}
              itemTitle={item.title}
              keyResults={keyResults}
              busy={busy}
              onTag={(kr) => run({ kind: 'tag', keyResultId: kr.id, keyResultTitle: kr.title })}
            />
          )}
          {(code === 'NOT_SCORABLE' || code === 'LOW_VALUE_HIGH_EFFORT') && (
            <EstimateFix
              itemTitle={item.title}
              fields={code === 'NOT_SCORABLE' ? fieldsToFix(breakdown) : ['effort']}
              current={item}
              busy={busy}
              submitLabel={code === 'NOT_SCORABLE' ? 'Save estimates' : 'Re-estimate'}
              onSave={(patch) => run({ kind: 'estimate', version: item.version, patch })}
            />
          )}
          <div className="row-actions">
            {code === 'RANK_INVERSION' && otherId && (
              <>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => run({ kind: 'move-below', version: item.version, otherId, otherTitle })}
                >
                  Move below {otherTitle ? `“${otherTitle}”` : 'the more valuable item'}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => run({ kind: 'bring-to-top', otherId, otherTitle })}
                >
                  Move {otherTitle ? `“${otherTitle}”` : 'the more valuable item'} to the top
                </button>
              </>
            )}
            {drop}
          </div>
        </div>
      )}
      {isVersionConflict(fix.error) ? (
        <ConflictNotice
          error={fix.error}
          what="item"
          onReload={() => {
            fix.reset();
            void refreshAfterFix(client, item.id);
          }}
          onReapply={(current) => {
            if (fix.variables && typeof current.version === 'number') run(withVersion(fix.variables, current.version));
          }}
        />
      ) : (
        fix.error && (
          <p className="error-text" role="alert">
            Couldn't change “{item.title}”: {fix.error.message}
          </p>
        )
      )}
    </li>
  );
}
