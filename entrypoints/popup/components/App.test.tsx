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
  hit({ vendor: 'ga4', event: 'page_view', account: 'G-SHOP', at: PAGE_START + 300, id: 'pv', params: { page_location: 'https://shop.example/' } }),
  hit({ vendor: 'meta-pixel', event: 'library_load', account: undefined, at: PAGE_START + 350, id: 'fbjs' }),
  hit({
    vendor: 'ga4', event: 'add_to_cart', account: 'G-SHOP', at: PAGE_START + 2_000, id: 'atc', method: 'POST', type: 'xmlhttprequest',
    params: { currency: 'EUR', value: '19.90' }, bodyState: 'page', body: 'en=add_to_cart&ep.currency=EUR',
  }),
  hit({ vendor: 'ga4', event: 'sign_up', account: 'G-SHOP', at: PAGE_START + 3_000, id: 'su1', status: 'blocked', statusCode: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' }),
  hit({ vendor: 'ga4', event: 'sign_up', account: 'G-SHOP', at: PAGE_START + 3_001, id: 'su2', status: 'blocked', statusCode: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' }),
  hit({ vendor: 'linkedin', event: 'conversion', account: '98765', at: PAGE_START + 4_000, id: 'li', status: 'failed', statusCode: 503, partial: 'body cut at 64 KB' }),
];
const shopEvents = () => [pageEvent({ source: 'dataLayer', event: 'add_to_cart', at: PAGE_START + 1_990, id: 'dl', data: '{"event":"add_to_cart"}' })];

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
    expect(ga4.textContent).toContain('2 blocked — the requests never reached Google (blocked by the browser or an extension)');
    expect(rows[2]!.textContent).toContain('library loaded, nothing sent yet');
    expect(rows[3]!.textContent).toContain('1 failed — LinkedIn answered with an error or could not be reached: HTTP 503');
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
    expect(rowEvents()).toEqual(['linkedin:conversion', 'ga4:sign_up', 'ga4:sign_up', 'ga4:add_to_cart', 'meta-pixel:library_load', 'ga4:page_view', 'gtm:library_load']);
    const items = screen.getByRole('list', { name: 'Hits, newest first' }).children;
    expect(items[4]!.getAttribute('data-testid')).toBe('page-event-row');
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
    expect(cells).toEqual([['currency', 'EUR'], ['value', '19.90']]);
    expect(details.textContent).toContain('body recovered from the page (browser withheld it)');
    expect(details.textContent).toContain('POST');
    expect(details.querySelector('pre')!.textContent).toBe('en=add_to_cart&ep.currency=EUR');
    fireEvent.click(toggle);
    expect(within(row).queryByTestId('hit-details')).toBeNull();
  });

  it('renders the newest 200 rows of a 5,000-hit session, and more on request', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => hit({ vendor: 'ga4', event: `e${i}`, at: PAGE_START + i, id: `h${i}` }));
    renderHits(many, []);
    expect(screen.getAllByTestId('hit-row')).toHaveLength(200);
    expect(screen.getAllByTestId('hit-row')[0]!.dataset.event).toBe('e4999');
    fireEvent.click(screen.getByTestId('show-more'));
    expect(screen.getAllByTestId('hit-row')).toHaveLength(400);
  });
});

describe('the frame', () => {
  it('opens on the Goals view and moves between views with the arrow keys, Home and End', () => {
    render(<App model={modelOf(shopHits())} actions={noActions()} />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent?.replace(/\d+$/, ''))).toEqual(['Goals', 'Findings', 'Tags', 'Hits']);
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
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, -1, -1, 0]);
  });

  it('shows the last background error and dismisses it', () => {
    const actions = { ...noActions(), dismissError: vi.fn() };
    render(<App model={modelOf([], [], { lastError: { at: PAGE_START, message: 'Tagwatch could not save new hits: storage is full.' } })} actions={actions} />);
    expect(screen.getByTestId('error-banner').textContent).toContain('storage is full');
    fireEvent.click(screen.getByTestId('error-dismiss'));
    expect(actions.dismissError).toHaveBeenCalledOnce();
  });

  it('offers the earlier pages of the tab and the Clear button', () => {
    const now = session({ id: 's2', url: 'https://shop.example/thanks', title: 'Thanks', startedAt: PAGE_START + 60_000 });
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

  it('says plainly when Tagwatch cannot see the tab', () => {
    const message = 'Tagwatch cannot see this page: it is a browser page (chrome:), and browsers do not let extensions watch those. Open a website to audit its tags.';
    render(<App model={modelOf([], [], { sessions: [], status: { kind: 'unavailable', reason: 'unsupported', message } })} actions={noActions()} />);
    const empty = screen.getByTestId('empty-state');
    expect(empty.dataset.reason).toBe('unsupported');
    expect(empty.textContent).toBe(message);
    expect(screen.queryByRole('tablist')).toBeNull();
  });
});
