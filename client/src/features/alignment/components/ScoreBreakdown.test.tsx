// @vitest-environment happy-dom
import {
  combineValue,
  DEFAULT_SCORING_SETTINGS,
  intrinsicScore,
  type KrWeighting,
  type ScoreBreakdown,
} from '@keyline/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScoreBreakdown as Breakdown, ScoreWithBreakdown } from './ScoreBreakdown';

afterEach(cleanup);

const weighting: KrWeighting = {
  keyResultId: 'kr-1',
  objectiveId: 'o-1',
  cycleId: 'c-1',
  level: 0,
  krWeight: 1,
  krWeightSum: 2,
  krShare: 0.5,
  objectiveWeight: 1,
  objectiveWeightSum: 1,
  objectiveShare: 1,
  progress: 0.2,
  expectedProgress: 0.4,
  paceShortfall: 0.2,
  confidence: 6,
  confidenceShortfall: 0,
  boost: 1.2,
};

function breakdown(): ScoreBreakdown {
  const intrinsic = intrinsicScore(
    {
      reach: 300,
      impact: 2,
      confidence: 0.5,
      effort: 3,
      businessValue: null,
      timeCriticality: null,
      riskReduction: null,
      jobSize: null,
      ease: null,
    },
    DEFAULT_SCORING_SETTINGS,
  );
  const term = { keyResultId: 'kr-1', strength: 2, keyResult: weighting, term: 2 * 0.5 * 1 * 1.2 };
  const alignment = { formula: '', terms: [term], ignoredLinks: [], total: term.term };
  const { valueScore, combination } = combineValue(intrinsic.value, alignment, DEFAULT_SCORING_SETTINGS);
  return {
    intrinsic,
    alignment,
    combination,
    valueScore,
    statedConfidence: null,
    calibratedConfidence: null,
    calibrationReason: null,
  };
}

const titles = new Map([['kr-1', 'Trial-to-paid']]);

function withQueries(children: ReactNode) {
  return <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
}

describe('ScoreWithBreakdown', () => {
  it('shows the score and reveals its breakdown on focus, hides it on Escape and on blur', () => {
    const b = breakdown();
    render(
      withQueries(
        <ScoreWithBreakdown valueScore={b.valueScore} breakdown={b} keyResultTitles={titles} itemTitle="Dark mode" />,
      ),
    );
    const button = screen.getByRole('button', { name: 'Value score of Dark mode: 220' });
    const tooltip = document.getElementById(button.getAttribute('aria-describedby') ?? '') as HTMLElement;
    expect(tooltip.hidden).toBe(true);

    fireEvent.focus(button);
    expect(tooltip.hidden).toBe(false);
    expect(tooltip.textContent).toContain('RICE 100 = 300 reach × 2 impact × 0.5 confidence ÷ 3 effort');
    expect(tooltip.textContent).toContain(
      'KR “Trial-to-paid”: strength 2 × KR share 0.5 × objective share 1 × behind-pace boost 1.2 = 1.2',
    );
    expect(tooltip.textContent).toContain('value = 100 × (1 + 1.2) = 220');

    fireEvent.keyDown(button, { key: 'Escape' });
    expect(tooltip.hidden).toBe(true);
    fireEvent.click(button);
    expect(tooltip.hidden).toBe(false);
    fireEvent.blur(button);
    expect(tooltip.hidden).toBe(true);
  });

  it('stays open while the pointer is over the score or its panel', () => {
    const b = breakdown();
    const { container } = render(
      withQueries(<ScoreWithBreakdown valueScore={b.valueScore} breakdown={b} keyResultTitles={titles} />),
    );
    const trigger = container.querySelector('.score-trigger') as HTMLElement;
    fireEvent.mouseEnter(trigger);
    expect(screen.getByRole('tooltip').hidden).toBe(false);
    fireEvent.mouseLeave(trigger);
    expect(screen.getByRole('tooltip', { hidden: true }).hidden).toBe(true);
  });

  it('says "Not scorable" rather than a number, and why', () => {
    const b = breakdown();
    const intrinsic = intrinsicScore(
      {
        reach: null,
        impact: 2,
        confidence: 0.5,
        effort: 3,
        businessValue: null,
        timeCriticality: null,
        riskReduction: null,
        jobSize: null,
        ease: null,
      },
      DEFAULT_SCORING_SETTINGS,
    );
    const unscorable = { ...b, intrinsic, valueScore: null };
    render(withQueries(<ScoreWithBreakdown valueScore={null} breakdown={unscorable} keyResultTitles={titles} />));
    fireEvent.focus(screen.getByRole('button', { name: 'Not scorable' }));
    expect(screen.getByRole('tooltip').textContent).toContain('RICE: not scorable, missing reach');
  });
});

describe('ScoreBreakdown', () => {
  it('explains that there is no breakdown rather than failing on a malformed one', () => {
    render(withQueries(<Breakdown breakdown={{ nonsense: true }} keyResultTitles={titles} />));
    expect(screen.getByText('No breakdown is available for this score.')).toBeTruthy();
  });

  it('shows the stated and the calibrated confidence, and why, when calibration is on', () => {
    const calibrated = {
      ...breakdown(),
      statedConfidence: 0.5,
      calibratedConfidence: 0.75,
      calibrationReason: 'The team’s key results moved after 1 of 1 shipped item (100%).',
    };
    render(withQueries(<Breakdown breakdown={calibrated} keyResultTitles={titles} />));
    expect(screen.getByTestId('calibrated-confidence').textContent).toBe(
      'Stated 50%, scored as 75% (calibrated). The team’s key results moved after 1 of 1 shipped item (100%).',
    );
  });

  it('says nothing about calibration when it is off', () => {
    render(withQueries(<Breakdown breakdown={breakdown()} keyResultTitles={titles} />));
    expect(screen.queryByTestId('calibrated-confidence')).toBeNull();
  });
});
