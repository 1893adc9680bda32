// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hitAsCurl } from '@/lib/view/copy-hit';
import { hit, pageEvent, PAGE_START, session } from '@/lib/view/fixtures';
import { App } from './App';
import { logModelOf, noActions } from '../test-model';

afterEach(cleanup);

// The DevTools panel: the same App in its devtools layout, over the tab's pages (log scope).
const home = session({ id: 'home', url: 'https://shop.example/', title: 'Shop', startedAt: PAGE_START });
const cart = session({
  id: 'cart',
  url: 'https://shop.example/cart',
  title: 'Cart',
  startedAt: PAGE_START + 10_000,
  navigations: [{ at: PAGE_START + 12_000, url: 'https://shop.example/cart#coupon', kind: 'fragment' }],
});
const purchase = (id: string, at: number, sessionId: string, params: Record<string, string>) =>
  hit({
    vendor: 'ga4',
    event: 'purchase',
    account: 'G-SHOP',
    id,
    at: PAGE_START + at,
    sessionId,
    method: 'POST',
    bodyState: 'text',
    body: `en=purchase&ep.transaction_id=${params.transaction_id}`,
    params,
  });
const hits = () => [
  hit({
    vendor: 'ga4',
    event: 'page_view',
    account: 'G-SHOP',
    id: 'pv1',
    at: PAGE_START + 100,
    sessionId: 'home',
    params: { page_location: 'https://shop.example/' },
  }),
  purchase('p1', 2_000, 'home', {
    transaction_id: 'T-1',
    value: '31.5',
    currency: 'EUR',
    'items.0.item_id': 'SKU-1',
    'items.0.price': '31.5',
  }),
  hit({
    vendor: 'meta-pixel',
    event: 'Purchase',
    account: '246810',
    id: 'fb',
    at: PAGE_START + 2_010,
    sessionId: 'home',
    status: 'blocked',
    statusCode: undefined,
    error: 'net::ERR_BLOCKED_BY_CLIENT',
  }),
  hit({ vendor: 'ga4', event: 'page_view', account: 'G-SHOP', id: 'pv2', at: PAGE_START + 10_100, sessionId: 'cart' }),
  purchase('p2', 13_000, 'cart', {
    transaction_id: 'T-2',
    currency: 'EUR',
    'items.0.item_id': 'SKU-1',
    'items.0.price': '31.5',
  }),
];
const model = () =>
  logModelOf([home, cart], hits(), [
    pageEvent({ event: 'purchase', id: 'dl', at: PAGE_START + 1_990, sessionId: 'home', data: '{"event":"purchase"}' }),
  ]);
const renderPanel = (actions = noActions()) =>
  render(<App model={model()} actions={actions} layout="devtools" initialView="hits" />);
const rowLabels = () =>
  [...screen.getByRole('list', { name: 'Hits, newest last' }).children].map((li) => {
    const row = li.firstElementChild as HTMLElement;
    return row.dataset.testid === 'hit-row' ? `${row.dataset.vendor}:${row.dataset.event}` : (row.dataset.testid ?? '');
  });
const open = (id: string) =>
  fireEvent.click(
    screen
      .getAllByTestId('hit-row')
      .find((r) => r.dataset.hitId === id)!
      .querySelector('button')!,
  );

describe('the DevTools panel', () => {
  it("shows the tab's pages one after the other, newest last, with what the page did between the hits", () => {
    renderPanel();
    expect(rowLabels()).toEqual([
      'page-separator',
      'ga4:page_view',
      'page-event-row',
      'ga4:purchase',
      'meta-pixel:Purchase',
      'page-separator',
      'ga4:page_view',
      'route-row',
      'ga4:purchase',
    ]);
    const [first, second] = screen.getAllByTestId('page-separator');
    expect(first!.textContent).toContain('Earlier page · Shop');
    expect(second!.textContent).toContain('This page · Cart');
  });

  it('keeps earlier pages unless the user turns the preserved log off', () => {
    const actions = { ...noActions(), setPreserveLog: vi.fn() };
    renderPanel(actions);
    const box = screen.getByTestId('preserve-log') as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(actions.setPreserveLog).toHaveBeenCalledWith(false);
    expect(screen.queryByTestId('session-select')).toBeNull();
  });

  it('filters by event, status and account, from what the timeline holds', () => {
    renderPanel();
    expect([...(screen.getByTestId('filter-event') as HTMLSelectElement).options].map((o) => o.value)).toEqual([
      '',
      'page_view',
      'purchase',
      'Purchase',
    ]);
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: 'blocked' } });
    expect(rowLabels()).toEqual(['page-separator', 'meta-pixel:Purchase', 'page-separator']);
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('filter-account'), { target: { value: 'G-SHOP' } });
    fireEvent.change(screen.getByTestId('filter-event'), { target: { value: 'purchase' } });
    expect(rowLabels()).toEqual(['page-separator', 'ga4:purchase', 'page-separator', 'ga4:purchase']);
    expect(screen.getByTestId('hits-shown').textContent).toBe('2 of 5 hits match · newest last');
  });

  it('opens a hit in the pane: grouped parameters, the items as a table, its request and timing', () => {
    renderPanel();
    expect(screen.getByTestId('hit-pane').textContent).toContain('Open a hit');
    open('p1');
    const pane = screen.getByTestId('hit-pane');
    const details = within(pane).getByTestId('hit-details');
    expect([...details.querySelectorAll('table.params caption')].map((c) => c.textContent)).toEqual(['Event']);
    const items = within(details).getByTestId('items-table');
    expect([...items.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent))).toEqual([
      ['1', 'SKU-1', '31.5'],
    ]);
    expect(within(details).getByTestId('raw-body').textContent).toBe('en=purchase&ep.transaction_id=T-1');
    expect(within(details).getByTestId('hit-timing').textContent).toContain('+2.000 s into the page');
    expect(
      screen
        .getAllByTestId('hit-row')
        .find((r) => r.dataset.hitId === 'p1')!
        .querySelector('button')!
        .getAttribute('aria-current'),
    ).toBe('true');
  });

  it('copies a hit as cURL', async () => {
    const actions = { ...noActions(), copyText: vi.fn(() => Promise.resolve()) };
    renderPanel(actions);
    open('p2');
    fireEvent.click(screen.getByTestId('copy-curl'));
    expect(actions.copyText).toHaveBeenCalledWith(hitAsCurl(hits()[4]!));
    await screen.findByText('Copied ✓');
  });

  it('compares two hits of the same event side by side, the parameters that differ marked', () => {
    renderPanel();
    open('p2');
    const select = screen.getByTestId('compare-select') as HTMLSelectElement;
    // The other purchase: not the Meta Pixel one, not the page views.
    expect([...select.options].slice(1).map((o) => o.value)).toEqual(['p1']);
    fireEvent.change(select, { target: { value: 'p1' } });
    const table = screen.getByTestId('compare-table');
    const differs = [...table.querySelectorAll('tbody tr[data-differs=true] th')].map(
      (th) => th.firstChild?.textContent,
    );
    expect(differs).toEqual(['transaction_id', 'value']);
    expect(table.querySelector('caption')!.textContent).toBe('2 of 7 differ');
  });
});
