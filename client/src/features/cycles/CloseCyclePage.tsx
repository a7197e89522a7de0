import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { NewCycleSchema, type CloseCycleResult, type Cycle, type KeyResult, isoDay, DAY_MS } from '@keyline/shared';
import { ConflictNotice } from '../../components/ConflictNotice';
import { useNotify } from '../../components/Notifier';
import { formatDay } from '../../lib/format';
import { useCan } from '../auth/useSession';
import { useCycleKeyResults } from '../key-results/api/key-results.api';
import { invalidateOkrData } from '../../lib/query-keys';
import { useObjectives } from '../objectives/api/objectives.api';
import { useCycles } from './api/cycles.api';
import { ServerError } from '../../components/ServerError';
import { validateWith, type FieldErrors } from '../../lib/form-validation';
import { useCloseCycle } from './api/close-cycle.api';
import { CloseResult } from './components/CloseResult';
import { StepCarryOver } from './components/StepCarryOver';
import { StepNextCycle, type NextDraft } from './components/StepNextCycle';
import { carryCandidates, carryTargets, closeBody, movedLinks, nextQuarter, type NextChoice } from './utils/close-plan';
import './close-cycle.css';
import { QuarterOutcomes } from '../outcomes/components/QuarterOutcomes';

const STEPS = ['Next quarter', 'Carry over', 'Confirm'] as const;
const linkCount = (n: number) => (n === 1 ? '1 open backlog link' : `${n} open backlog links`);

/** The guided close (/cycles/:id/close): pick the next quarter, choose what carries over, confirm. One transaction on the server. */
export function CloseCyclePage() {
  const { id = '' } = useParams();
  const isEditor = useCan('editor');
  const cycles = useCycles();
  const objectives = useObjectives(id);
  const keyResults = useCycleKeyResults(id);
  const cycle = cycles.data?.find((c) => c.id === id);
  if (cycles.error || objectives.error || keyResults.error) {
    return (
      <p role="alert">Couldn't load this quarter: {(cycles.error ?? objectives.error ?? keyResults.error)?.message}</p>
    );
  }
  if (!cycles.data || !objectives.data || !keyResults.data) {
    return (
      <p className="page-loading" role="status">
        Loading the quarter…
      </p>
    );
  }
  if (!cycle) {
    return (
      <p role="alert">
        There is no such quarter. <Link to="/okrs">Back to the OKRs</Link>
      </p>
    );
  }
  if (!isEditor) {
    return (
      <p>
        Only editors can close a quarter. <Link to={`/okrs?cycle=${cycle.id}`}>Back to the OKRs of {cycle.name}</Link>
      </p>
    );
  }
  const titles = new Map(objectives.data.map((o) => [o.id, o.title]));
  return (
    <CloseWizard
      cycle={cycle}
      cycles={cycles.data}
      keyResults={keyResults.data}
      objectiveTitle={(oid) => titles.get(oid) ?? ''}
    />
  );
}

function CloseWizard({
  cycle,
  cycles,
  keyResults,
  objectiveTitle,
}: {
  cycle: Cycle;
  cycles: Cycle[];
  keyResults: KeyResult[];
  objectiveTitle: (id: string) => string;
}) {
  const notify = useNotify();
  const client = useQueryClient();
  const close = useCloseCycle();
  const targets = useMemo(() => carryTargets(cycles, cycle), [cycles, cycle]);
  const suggestion = nextQuarter(cycle);
  const [step, setStep] = useState(0);
  const [next, setNext] = useState<NextDraft>({
    kind: targets.length > 0 ? 'existing' : 'new',
    cycleId: targets[0]?.id ?? '',
    ...suggestion,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const candidates = useMemo(() => carryCandidates(keyResults), [keyResults]);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(candidates.map((kr) => kr.id)));
  const [result, setResult] = useState<CloseCycleResult | null>(null);
  // The KR titles before the close: the result screen names what moved.
  const krTitles = useRef(new Map(keyResults.map((kr) => [kr.id, kr.title])));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step, result]);

  if (cycle.status === 'closed' && !result) {
    return (
      <section className="wizard">
        <h1>Close {cycle.name}</h1>
        <p>
          {cycle.name} is already closed. <Link to={`/cycles/${cycle.id}/grades`}>Its grades</Link> can still be edited.
        </p>
      </section>
    );
  }

  const nextName = next.kind === 'existing' ? (targets.find((c) => c.id === next.cycleId)?.name ?? '') : next.name;
  const choice: NextChoice =
    next.kind === 'existing'
      ? { kind: 'existing', cycleId: next.cycleId }
      : next.kind === 'new'
        ? { ...next, kind: 'new' }
        : { kind: 'none' };
  const carry = next.kind === 'none' ? [] : candidates.filter((kr) => chosen.has(kr.id)).map((kr) => kr.id);
  const ungraded = keyResults.filter((kr) => kr.grade === null).length;
  // Whole days from today (UTC, like the quarter's dates) to its last day; closing before then ends it early.
  const daysLeft = Math.round((Date.parse(cycle.endsOn) - Date.parse(isoDay())) / DAY_MS);

  const forward = () => {
    if (step === 0 && next.kind === 'new') {
      const valid = validateWith(NewCycleSchema, { name: next.name, startsOn: next.startsOn, endsOn: next.endsOn });
      if (!valid.ok) return setErrors(valid.errors);
    }
    setErrors({});
    // Nothing to carry into: skip the carry-over step.
    setStep(step === 0 && next.kind === 'none' ? 2 : step + 1);
  };
  const back = () => setStep(step === 2 && next.kind === 'none' ? 0 : step - 1);
  const submit = (version: number) =>
    close.mutate(
      { id: cycle.id, version, input: closeBody(choice, carry) },
      {
        onSuccess: (done) => {
          setResult(done);
          notify({ kind: 'success', message: `Closed ${done.closedCycle.name}` });
        },
      },
    );

  return (
    <section className="wizard" aria-labelledby="wizard-title">
      <h1 id="wizard-title" ref={heading} tabIndex={-1}>
        {result ? `${cycle.name} is closed` : `Close ${cycle.name}`}
      </h1>
      <QuarterOutcomes cycleId={cycle.id} cycleName={cycle.name} />
      {result ? (
        <CloseResult result={result} titleOf={(krId) => krTitles.current.get(krId) ?? 'A key result'} />
      ) : (
        <>
          <ol className="wizard-steps" aria-label="Steps">
            {STEPS.map((label, i) => (
              <li
                key={label}
                aria-current={i === step ? 'step' : undefined}
                className={i < step ? 'done' : i === step ? 'current' : ''}
              >
                <span className="wizard-step-no" aria-hidden="true">
                  {i < step ? '✓' : i + 1}
                </span>{' '}
                {label}
              </li>
            ))}
          </ol>
          <h2>
            Step {step + 1} of 3: {STEPS[step]}
          </h2>
          {step === 0 && <StepNextCycle draft={next} targets={targets} errors={errors} onChange={setNext} />}
          {step === 1 && (
            <StepCarryOver
              candidates={candidates}
              chosen={chosen}
              objectiveTitle={objectiveTitle}
              nextName={nextName}
              onChange={setChosen}
            />
          )}
          {step === 2 && (
            <div className="wizard-summary" data-testid="close-summary">
              <ul>
                <li>
                  {cycle.name} ({formatDay(cycle.startsOn)} – {formatDay(cycle.endsOn)}) closes: its objectives and key
                  results become read-only; grades and retro notes stay editable.
                </li>
                {next.kind === 'new' && (
                  <li>
                    {next.name} is created ({formatDay(next.startsOn)} – {formatDay(next.endsOn)}) and becomes the
                    active quarter if none is active.
                  </li>
                )}
                {next.kind !== 'none' && (
                  <li>
                    {carry.length === 1 ? '1 key result carries' : `${carry.length} key results carry`} over to{' '}
                    {nextName}, with {linkCount(movedLinks(candidates, new Set(carry)))}.
                  </li>
                )}
              </ul>
              {daysLeft > 0 && (
                <p className="quarter-note" data-testid="close-early">
                  {cycle.name} runs until {formatDay(cycle.endsOn)}: closing now ends it{' '}
                  {daysLeft === 1 ? '1 day' : `${daysLeft} days`} early, and its key results take no more check-ins.
                </p>
              )}
              {ungraded > 0 && (
                <p className="quarter-note">
                  {ungraded === 1 ? '1 key result has' : `${ungraded} key results have`} no grade yet. You can{' '}
                  <Link to={`/cycles/${cycle.id}/grades`}>grade them</Link> now or after closing.
                </p>
              )}
              <ServerError error={close.error} />
              <ConflictNotice
                error={close.error}
                what="quarter"
                onReload={() => {
                  close.reset();
                  void invalidateOkrData(client);
                }}
                onReapply={(current) => submit(Number(current.version))}
              />
            </div>
          )}
          <div className="row-actions wizard-nav">
            {step > 0 && (
              <button type="button" className="button" onClick={back} disabled={close.isPending}>
                Back
              </button>
            )}
            {step < 2 ? (
              <button type="button" className="button primary" onClick={forward}>
                Next
              </button>
            ) : (
              <button
                type="button"
                className="button danger"
                onClick={() => submit(cycle.version)}
                disabled={close.isPending}
              >
                {close.isPending ? 'Closing…' : `Close ${cycle.name}`}
              </button>
            )}
            <Link to={`/okrs?cycle=${cycle.id}`} className="button ghost">
              Cancel
            </Link>
          </div>
        </>
      )}
    </section>
  );
}
