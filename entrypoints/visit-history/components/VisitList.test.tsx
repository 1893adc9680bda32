// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyRows } from '@/lib/history/rows';
import { DAY, shopVisit, T0 } from '@/lib/history/testing';
import type { HistoryActions, HistoryModel } from '../state';
import { VisitList } from './VisitList';

// The list as a user meets it: rows newest first, funnels read as they come, Compare only for two of one site.

afterEach(cleanup);

const a = shopVisit(T0 - 3 * DAY, 1, { beginCheckout: true });
const b = shopVisit(T0, 2, { beginCheckout: false });
const c = shopVisit(T0 - DAY, 3, { beginCheckout: true, host: 'blog.example' });

function model(over: Partial<HistoryModel> = {}): HistoryModel {
  return {
    loading: false,
    any: true,
    rows: historyRows([a.visit, b.visit, c.visit], {}),
    limit: 50,
    query: {},
    selected: [],
    compareBlock: 'Select two visits of the same site to compare them.',
    route: { kind: 'list' },
    opened: undefined,
    compared: undefined,
    error: undefined,
    ...over,
  };
}

function actions(): HistoryActions {
  return {
    setQuery: vi.fn(),
    showMore: vi.fn(),
    toggle: vi.fn(),
    open: vi.fn(),
    compare: vi.fn(),
    back: vi.fn(),
    refresh: vi.fn(),
  };
}

describe('VisitList', () => {
  it('lists the visits newest first, their funnels still being read', () => {
    render(<VisitList model={model()} actions={actions()} />);
    expect(screen.getAllByTestId('row-host').map((e) => e.textContent)).toEqual([
      'shop.example',
      'blog.example',
      'shop.example',
    ]);
    expect(screen.getAllByText('Reading…')).toHaveLength(3);
  });

  it('selects, opens and filters through its actions', () => {
    const act = actions();
    render(<VisitList model={model()} actions={act} />);
    fireEvent.click(screen.getAllByTestId('history-select')[1]!);
    expect(act.toggle).toHaveBeenCalledWith(c.visit.id);
    fireEvent.click(screen.getAllByTestId('history-open')[0]!);
    expect(act.open).toHaveBeenCalledWith(b.visit.id);
    fireEvent.input(screen.getByTestId('history-site'), { target: { value: 'blog' } });
    expect(act.setQuery).toHaveBeenCalledWith({ site: 'blog' });
  });

  it.each([
    ['nothing selected', model(), true, 'Select two visits of the same site to compare them.'],
    [
      'two visits of one site',
      model({ selected: [a.visit.id, b.visit.id], compareBlock: undefined }),
      false,
      'Compare the earlier visit with the later one, step by step and tag by tag.',
    ],
  ])('Compare with %s', (_, m, disabled, hint) => {
    render(<VisitList model={m} actions={actions()} />);
    expect((screen.getByTestId('history-compare') as HTMLButtonElement).disabled).toBe(disabled);
    expect(screen.getByTestId('compare-hint').textContent).toBe(hint);
  });

  it('offers the older rows past the first page', () => {
    const act = actions();
    render(<VisitList model={model({ limit: 2 })} actions={act} />);
    expect(screen.getAllByTestId('history-row')).toHaveLength(2);
    fireEvent.click(screen.getByText('Show more (1 older)'));
    expect(act.showMore).toHaveBeenCalledOnce();
  });
});
