// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hit, pageEvent, PAGE_START, session } from '@/lib/view/fixtures';
import { NO_HITS_MESSAGE } from './EmptyState';
import { App } from './App';
import { modelOf, noActions } from '../test-model';

afterEach(cleanup);

const shopHits = () => [
  hit({ vendor: 'gtm', event: 'library_load', account: 'GTM-SHOP', at: PAGE_START + 100, id: 'gtm' }),
  hit({
    vendor: 'ga4',
    event: 'page_view',
    account: 'G-SHOP',
    at: PAGE_START + 300,
    id: 'pv',
    params: { page_location: 'https://shop.example/' },
  }),
  hit({ vendor: 'meta-pixel', event: 'library_load', account: undefined, at: PAGE_START + 350, id: 'fbjs' }),
  hit({
    vendor: 'ga4',
    event: 'add_to_cart',
    account: 'G-SHOP',
    at: PAGE_START + 2_000,
    id: 'atc',
    method: 'POST',
    type: 'xmlhttprequest',
    params: { currency: 'EUR', value: '19.90' },
    bodyState: 'page',
    body: 'en=add_to_cart&ep.currency=EUR',
  }),
  hit({
    vendor: 'ga4',
    event: 'sign_up',
    account: 'G-SHOP',
    at: PAGE_START + 3_000,
    id: 'su1',
    status: 'blocked',
    statusCode: undefined,
    error: 'net::ERR_BLOCKED_BY_CLIENT',
  }),
  hit({
    vendor: 'ga4',
    event: 'sign_up',
    account: 'G-SHOP',
    at: PAGE_START + 3_001,
    id: 'su2',
    status: 'blocked',
    statusCode: undefined,
    error: 'net::ERR_BLOCKED_BY_CLIENT',
  }),
  hit({
    vendor: 'linkedin',
    event: 'conversion',
    account: '98765',
    at: PAGE_START + 4_000,
    id: 'li',
    status: 'failed',
    statusCode: 503,
    partial: 'body cut at 64 KB',
  }),
];
const shopEvents = () => [
  pageEvent({
    source: 'dataLayer',
    event: 'add_to_cart',
    at: PAGE_START + 1_990,
    id: 'dl',
    data: '{"event":"add_to_cart"}',
  }),
];

const rowEvents = () => screen.queryAllByTestId('hit-row').map((r) => `${r.dataset.vendor}:${r.dataset.event}`);

describe('Tags view', () => {
  it('shows one row per vendor with accounts, hit counts, and blocked and failed hits in plain words', () => {
    render(<App model={modelOf(shopHits())} actions={noActions()} initialView="tags" />);
    expect(screen.getByTestId('tab-tags').getAttribute('aria-selected')).toBe('true');
    const rows = screen.getAllByTestId('tag-row');
    expect(rows.map((r) => r.dataset.vendor)).toEqual(['gtm', 'ga4', 'meta-pixel', 'linkedin']);
    const ga4 = rows[1]!;
    expect(ga4.textContent).toContain('Google Analytics 4');
    expect(ga4.textContent).toContain('G-SHOP');
    expect(ga4.textContent).toContain('4 hits');
    expect(ga4.textContent).toContain('last event: sign_up');
    expect(ga4.textContent).toContain(
      '2 blocked — the requests never reached Google (blocked by the browser or an extension)',
    );
    expect(rows[2]!.textContent).toContain('library loaded, nothing sent yet');
    expect(rows[3]!.textContent).toContain(
      '1 failed — LinkedIn answered with an error or could not be reached: HTTP 503',
    );
  });

  it('shows the page, its figures and the empty state when nothing was sent', () => {
    render(<App model={modelOf([])} actions={noActions()} initialView="tags" />);
    expect(screen.getByTestId('empty-state').textContent).toBe(NO_HITS_MESSAGE);
    expect(screen.getByRole('heading').textContent).toBe('Shop');
    expect(screen.getByTestId('page-counts').textContent).toBe('0 hits · 0 tags');
  });

  it('opens the Hits view filtered to a vendor from its row', () => {
    render(<App model={modelOf(shopHits(), shopEvents())} actions={noActions()} initialView="tags" />);
    fireEvent.click(screen.getByRole('button', { name: 'Show Meta Pixel hits' }));
    expect(screen.getByTestId('tab-hits').getAttribute('aria-selected')).toBe('true');
    expect((screen.getByTestId('filter-vendor') as HTMLSelectElement).value).toBe('meta-pixel');
    expect(rowEvents()).toEqual(['meta-pixel:library_load']);
  });
});

describe('Hits view', () => {
  const renderHits = (hits = shopHits(), events = shopEvents()) =>
    render(<App model={modelOf(hits, events)} actions={noActions()} initialView="hits" />);

  it('lists hits newest first, with what the page said in between', () => {
    renderHits();
    expect(rowEvents()).toEqual([
      'linkedin:conversion',
      'ga4:sign_up',
      'ga4:sign_up',
      'ga4:add_to_cart',
      'meta-pixel:library_load',
      'ga4:page_view',
      'gtm:library_load',
    ]);
    const items = screen.getByRole('list', { name: 'Hits, newest first' }).children;
    expect(items[4]!.firstElementChild!.getAttribute('data-testid')).toBe('page-event-row');
    expect(items[4]!.textContent).toContain('page said: dataLayer event add_to_cart');
  });

  it('shows time, status with its reason and the partial marker', () => {
    renderHits();
    const [linkedin, blocked] = screen.getAllByTestId('hit-row');
    expect(linkedin!.dataset.status).toBe('failed');
    expect(within(linkedin!).getByText('failed').getAttribute('title')).toBe('Failed — LinkedIn answered HTTP 503.');
    expect(linkedin!.textContent).toContain('partial: body cut at 64 KB');
    expect(linkedin!.textContent).toContain('+4.000 s');
    expect(within(blocked!).getByText('blocked').getAttribute('title')).toContain('net::ERR_BLOCKED_BY_CLIENT');
  });

  it('filters by vendor and by text', () => {
    renderHits();
    fireEvent.change(screen.getByTestId('filter-vendor'), { target: { value: 'ga4' } });
    expect(rowEvents()).toEqual(['ga4:sign_up', 'ga4:sign_up', 'ga4:add_to_cart', 'ga4:page_view']);
    expect(screen.getAllByTestId('page-event-row')).toHaveLength(1);
    fireEvent.input(screen.getByTestId('filter-text'), { target: { value: 'eur' } });
    expect(rowEvents()).toEqual(['ga4:add_to_cart']);
    fireEvent.input(screen.getByTestId('filter-text'), { target: { value: 'purchase' } });
    expect(screen.getByTestId('no-match')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(rowEvents()).toHaveLength(7);
  });

  it('hides the page events on request', () => {
    renderHits();
    fireEvent.click(screen.getByTestId('filter-hide-page-events'));
    expect(screen.queryAllByTestId('page-event-row')).toHaveLength(0);
    expect(rowEvents()).toHaveLength(7);
  });

  it('expands a row into its decoded params, request and raw body', () => {
    renderHits();
    const row = screen.getAllByTestId('hit-row').find((r) => r.dataset.event === 'add_to_cart')!;
    const toggle = within(row).getByRole('button');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = within(row).getByTestId('hit-details');
    const cells = [...details.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(cells).toEqual([
      ['currency', 'EUR'],
      ['value', '19.90'],
    ]);
    expect(details.textContent).toContain('body recovered from the page (browser withheld it)');
    expect(details.textContent).toContain('POST');
    expect(details.querySelector('pre')!.textContent).toBe('en=add_to_cart&ep.currency=EUR');
    fireEvent.click(toggle);
    expect(within(row).queryByTestId('hit-details')).toBeNull();
  });

  it('renders only the rows in view of a 5,000-hit session, the list as tall as all of them', () => {
    const many = Array.from({ length: 5_000 }, (_, i) =>
      hit({ vendor: 'ga4', event: `e${i}`, at: PAGE_START + i, id: `h${i}` }),
    );
    renderHits(many, []);
    const rows = screen.getAllByTestId('hit-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]!.dataset.event).toBe('e4999');
    expect(screen.getByTestId('hits-shown').textContent).toBe('5,000 hits · newest first');
    const list = screen.getByRole('list', { name: 'Hits, newest first' });
    expect(parseFloat(list.style.height)).toBe(5_000 * 52);
  });

  it('moves through the hits with the arrow keys, Home and End, one tab stop, and opens one with Enter', () => {
    renderHits();
    const summaries = () =>
      screen.getAllByTestId('hit-row').map((r) => r.querySelector<HTMLButtonElement>('[data-focus]')!);
    // One tab stop: the newest hit.
    expect(summaries().map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1]);
    summaries()[0]!.focus();
    fireEvent.keyDown(summaries()[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(summaries()[1]);
    expect(summaries()[1]!.tabIndex).toBe(0);
    // Down past the page event (it has data: it opens too) to the next hit.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid')).toBe('page-event-row');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(summaries()[6]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(summaries()[0]);
    // Enter on a button is a click: the hit opens under its row.
    fireEvent.click(document.activeElement!);
    expect(summaries()[0]!.getAttribute('aria-expanded')).toBe('true');
  });

  it('puts the focus in the filter when / is pressed, from another view too', async () => {
    render(<App model={modelOf(shopHits(), shopEvents())} actions={noActions()} />);
    fireEvent.keyDown(document.body, { key: '/' });
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByTestId('tab-hits').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('filter-text'));
  });
});

describe('the frame', () => {
  it('opens on the Goals view and moves between views with the arrow keys, Home and End', () => {
    render(<App model={modelOf(shopHits())} actions={noActions()} />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent?.replace(/\d+$/, ''))).toEqual([
      'Goals',
      'Findings',
      'Consent',
      'Tags',
      'Hits',
    ]);
    const goals = screen.getByTestId('tab-goals');
    expect(goals.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(goals, { key: 'ArrowRight' });
    expect(screen.getByTestId('tab-findings').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('tab-findings'));
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-findings');
    fireEvent.keyDown(screen.getByTestId('tab-findings'), { key: 'End' });
    expect(screen.getByTestId('tab-hits').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByTestId('tab-hits'), { key: 'ArrowRight' });
    expect(screen.getByTestId('tab-goals').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByTestId('tab-goals'), { key: 'ArrowLeft' });
    expect(screen.getByTestId('tab-hits').getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, -1, -1, -1, 0]);
  });

  it('shows the last background error and dismisses it', () => {
    const actions = { ...noActions(), dismissError: vi.fn() };
    render(
      <App
        model={modelOf([], [], {
          lastError: { at: PAGE_START, message: 'Tagwatch could not save new hits: storage is full.' },
        })}
        actions={actions}
      />,
    );
    expect(screen.getByTestId('error-banner').textContent).toContain('storage is full');
    fireEvent.click(screen.getByTestId('error-dismiss'));
    expect(actions.dismissError).toHaveBeenCalledOnce();
  });

  it('offers the earlier pages of the tab and the Clear button', () => {
    const now = session({
      id: 's2',
      url: 'https://shop.example/thanks',
      title: 'Thanks',
      startedAt: PAGE_START + 60_000,
    });
    const before = session({ id: 's1' });
    const actions = { ...noActions(), selectSession: vi.fn(), clear: vi.fn() };
    render(<App model={modelOf([], [], { session: now, sessions: [now, before] })} actions={actions} />);
    const select = screen.getByTestId('session-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      expect.stringMatching(/^This page · .* · Thanks$/),
      expect.stringMatching(/^Earlier · .* · Shop$/),
    ]);
    fireEvent.change(select, { target: { value: 's1' } });
    expect(actions.selectSession).toHaveBeenCalledWith('s1');
    fireEvent.click(screen.getByTestId('clear-button'));
    expect(actions.clear).toHaveBeenCalledOnce();
  });

  it.each([
    ['a page', { session: session({ id: 's1' }), sessions: [session({ id: 's1' })] }],
    // A browser page too: the History page is where to look back from there.
    [
      'a browser page',
      { sessions: [], status: { kind: 'unavailable', reason: 'unsupported', message: 'No.' } as const },
    ],
  ])('offers the History page on %s', (_, over) => {
    const actions = { ...noActions(), openHistory: vi.fn() };
    render(<App model={modelOf([], [], over)} actions={actions} />);
    fireEvent.click(screen.getByTestId('open-history'));
    expect(actions.openHistory).toHaveBeenCalledOnce();
  });

  it('says plainly when Tagwatch cannot see the tab', () => {
    const message =
      'Tagwatch cannot see this page: it is a browser page (chrome:), and browsers do not let extensions watch those. Open a website to audit its tags.';
    render(
      <App
        model={modelOf([], [], { sessions: [], status: { kind: 'unavailable', reason: 'unsupported', message } })}
        actions={noActions()}
      />,
    );
    const empty = screen.getByTestId('empty-state');
    expect(empty.dataset.reason).toBe('unsupported');
    expect(empty.textContent).toBe(message);
    expect(screen.queryByRole('tablist')).toBeNull();
  });
});
