// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firing } from '@/lib/audit/testing';
import type { Goal, Plan } from '@/lib/goals/types';
import { hit, PAGE_START } from '@/lib/view/fixtures';
import { App } from './App';
import { auditedModelOf, noActions } from '../test-model';

afterEach(cleanup);

const GOALS: Goal[] = [
  {
    id: 'newsletter_signup',
    name: 'Newsletter signup',
    trigger: { kind: 'form_submit', selector: 'form#newsletter', hasField: 'email' },
    expect: [
      { vendor: 'ga4', event: 'generate_lead' },
      { vendor: 'meta-pixel', event: 'Lead' },
    ],
  },
  {
    id: 'video_start',
    name: 'Video started',
    trigger: { kind: 'video', action: 'play' },
    expect: [{ vendor: 'ga4', event: 'video_start' }],
  },
  {
    id: 'add_to_cart',
    name: 'Add to cart',
    trigger: { kind: 'click', selector: '.add-to-cart' },
    expect: [
      { vendor: 'ga4', event: 'add_to_cart' },
      { vendor: 'meta-pixel', event: 'AddToCart' },
    ],
  },
  {
    id: 'download',
    name: 'Care guide download',
    trigger: { kind: 'download' },
    expect: [{ vendor: 'ga4', event: 'file_download' }],
  },
];
const PLAN: Plan = { version: 1, name: 'Shop', goals: GOALS };

const at = (ms: number) => PAGE_START + ms;
const shopHits = () => [
  hit({ vendor: 'ga4', event: 'generate_lead', at: at(1_010), id: 'lead-ga4' }),
  hit({ vendor: 'meta-pixel', event: 'Lead', at: at(1_020), id: 'lead-meta' }),
  hit({ vendor: 'ga4', event: 'add_to_cart', at: at(3_010), id: 'atc-ga4' }),
  hit({
    vendor: 'ga4',
    event: 'file_download',
    at: at(5_010),
    id: 'dl',
    status: 'blocked',
    statusCode: undefined,
    error: 'net::ERR_BLOCKED_BY_CLIENT',
  }),
];
const shopFirings = () => [
  firing('newsletter_signup', at(1_000), {
    tabId: 7,
    element: { tag: 'form', id: 'newsletter', text: 'Subscribe', selector: 'form#newsletter' },
  }),
  firing('add_to_cart', at(3_000), {
    tabId: 7,
    trigger: 'click',
    element: { tag: 'button', text: 'Add to cart', selector: 'button.add-to-cart' },
  }),
  firing('download', at(5_000), {
    tabId: 7,
    trigger: 'download',
    element: { tag: 'a', text: 'Care guide (PDF)', selector: 'a#care-guide' },
  }),
];
const shop = () => auditedModelOf([PLAN], shopHits(), shopFirings());

const row = (goalId: string) => screen.getAllByTestId('goal-row').find((r) => r.dataset.goal === goalId)!;
const tagStates = (el: HTMLElement) =>
  within(el)
    .queryAllByTestId('goal-tag')
    .map((t) => `${t.dataset.vendor}/${t.dataset.event}=${t.dataset.status}`);

describe('Goals view', () => {
  it('opens first, with one row per goal: those that fired first, each expected tag sent, missing or blocked', () => {
    render(<App model={shop()} actions={noActions()} />);
    expect(screen.getByTestId('tab-goals').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('goals-headline').textContent).toBe(
      '3 goals fired · 1 fully tracked · 2 with tags missing',
    );
    // What to do next, in one line: the first problem's fix, and how many more there are.
    expect(screen.getByTestId('next-step').textContent).toBe(
      'Meta Pixel AddToCart is missing on the “Add to cart” button: add the AddToCart event to the Meta Pixel tag that fires on that click. (2 more problems in Findings.)',
    );
    const rows = screen.getAllByTestId('goal-row');
    expect(rows.map((r) => [r.dataset.goal, r.dataset.fired])).toEqual([
      ['newsletter_signup', 'true'],
      ['add_to_cart', 'true'],
      ['download', 'true'],
    ]);
    expect(tagStates(row('newsletter_signup'))).toEqual(['ga4/generate_lead=sent', 'meta-pixel/Lead=sent']);
    expect(tagStates(row('add_to_cart'))).toEqual(['ga4/add_to_cart=sent', 'meta-pixel/AddToCart=missing']);
    expect(tagStates(row('download'))).toEqual(['ga4/file_download=blocked']);
    expect(row('add_to_cart').textContent).toContain('Meta Pixel AddToCart missing');
  });

  it('folds the goals that did not fire into one line, and shows them on demand', () => {
    render(<App model={shop()} actions={noActions()} />);
    const folded = screen.getByTestId('goals-folded');
    expect(folded.textContent).toBe('1 goal not triggered on this page — show');
    expect(folded.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(folded);
    expect(screen.getByTestId('goals-folded').textContent).toBe('1 goal not triggered on this page — hide');
    expect(tagStates(row('video_start'))).toEqual(['ga4/video_start=not_triggered']);
    expect(row('video_start').textContent).toContain('not triggered yet');
  });

  it('shows a goal whose action another goal owns as matched, with no verdict, and says whose it is', () => {
    const caption: Goal = {
      id: 'caption',
      name: 'Add to cart (caption)',
      trigger: { kind: 'click', text: 'Add to cart' },
      expect: GOALS[2]!.expect!,
    };
    const firings = [
      ...shopFirings(),
      firing('caption', at(3_001), {
        tabId: 7,
        trigger: 'click',
        element: { tag: 'button', text: 'Add to cart', selector: 'button.add-to-cart' },
      }),
    ];
    render(
      <App
        model={auditedModelOf([{ ...PLAN, goals: [caption, ...GOALS] }], shopHits(), firings)}
        actions={noActions()}
      />,
    );
    expect(row('caption').dataset.state).toBe('owned');
    expect(row('caption').textContent).toContain('matched 1× — counted under “Add to cart”');
    expect(tagStates(row('caption'))).toEqual([]);
    fireEvent.click(within(row('caption')).getAllByRole('button')[0]!);
    expect(within(row('caption')).getByTestId('owned-by').textContent).toBe(
      'Matched, owned by “Add to cart”: the same action, judged there.',
    );
    fireEvent.click(within(row('add_to_cart')).getAllByRole('button')[0]!);
    expect(within(row('add_to_cart')).getByTestId('also-matched').textContent).toBe(
      'Also matched: “Add to cart (caption)” — no second verdict.',
    );
    // One action, one verdict: one finding for the missing AddToCart, not two.
    fireEvent.click(screen.getByTestId('tab-findings'));
    expect(screen.getAllByTestId('finding').filter((f) => f.textContent!.includes('AddToCart'))).toHaveLength(1);
  });

  it('expands a goal into its firings and, per tag, the hit or why there is none', () => {
    render(<App model={shop()} actions={noActions()} />);
    const toggle = within(row('add_to_cart')).getAllByRole('button')[0]!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = within(row('add_to_cart')).getByTestId('goal-details');
    expect(toggle.getAttribute('aria-controls')).toBe(details.id);
    expect(details.textContent).toContain(
      'Counts when a chosen button or link is clicked. element matching .add-to-cart',
    );
    const [f] = within(details).getAllByTestId('goal-firing');
    expect(f!.textContent).toContain('Fired on the “Add to cart” button button.add-to-cart');
    const tags = within(f!).getAllByTestId('firing-tag');
    expect(tags.map((t) => t.dataset.status)).toEqual(['sent', 'missing']);
    expect(tags[0]!.textContent).toContain('Google Analytics 4 sent add_to_cart with the click.');
    expect(tags[1]!.textContent).toContain('Meta Pixel did not send AddToCart within 5 s of the click.');
    expect(within(tags[1]!).queryByRole('button')).toBeNull();
    fireEvent.click(toggle);
    expect(within(row('add_to_cart')).queryByTestId('goal-details')).toBeNull();
  });

  it('says what a goal that has not fired waits for', () => {
    render(<App model={shop()} actions={noActions()} />);
    fireEvent.click(screen.getByTestId('goals-folded'));
    fireEvent.click(within(row('video_start')).getAllByRole('button')[0]!);
    const details = within(row('video_start')).getByTestId('goal-details');
    expect(details.textContent).toContain('Counts when a video starts playing.');
    expect(details.textContent).toContain('When it does, Tagwatch expects:Google Analytics 4 video_start');
    expect(within(details).queryAllByTestId('goal-firing')).toEqual([]);
  });

  it('opens the hit a tag matched in the Hits view', () => {
    render(<App model={shop()} actions={noActions()} />);
    fireEvent.click(within(row('download')).getAllByRole('button')[0]!);
    fireEvent.click(within(row('download')).getByRole('button', { name: 'Show the request in Hits' }));
    expect(screen.getByTestId('tab-hits').getAttribute('aria-selected')).toBe('true');
    const open = screen.getAllByTestId('hit-row').filter((r) => within(r).queryByTestId('hit-details'));
    expect(open.map((r) => r.dataset.hitId)).toEqual(['dl']);
  });

  it('keeps a goal open across views', () => {
    render(<App model={shop()} actions={noActions()} />);
    fireEvent.click(within(row('download')).getAllByRole('button')[0]!);
    fireEvent.click(screen.getByTestId('tab-tags'));
    fireEvent.click(screen.getByTestId('tab-goals'));
    expect(within(row('download')).getByTestId('goal-details')).toBeTruthy();
  });

  it.each<[string, Plan[], RegExp]>([
    ['no plan', [], /^No tracking plan is in force/],
    [
      'a plan for another site',
      [{ ...PLAN, scope: ['https://elsewhere.example/*'] }],
      /^No goal of your tracking plan applies to this page \(shop\.example\)/,
    ],
  ])('says what to do with %s, and opens the plans', (_, plans, message) => {
    const actions = { ...noActions(), openOptions: vi.fn() };
    render(<App model={auditedModelOf(plans, [], [])} actions={actions} />);
    const empty = screen.getByTestId('goals-empty');
    expect(empty.textContent).toMatch(message);
    fireEvent.click(within(empty).getByRole('button', { name: 'Open the tracking plans' }));
    expect(actions.openOptions).toHaveBeenCalledOnce();
  });
});

describe('Findings view', () => {
  it('groups the findings by severity, counts the errors on its tab and links each to its goal and hit', () => {
    render(<App model={shop()} actions={noActions()} initialView="findings" />);
    expect(screen.getByTestId('tab-findings').textContent).toBe('Findings2');
    expect(screen.getByTestId('tab-findings').querySelector('.tab-count.alert')).toBeTruthy();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings[0]).toBe('Errors 2');
    const findings = screen.getAllByTestId('finding');
    const errors = findings.filter((f) => f.dataset.severity === 'error');
    expect(errors.map((f) => f.dataset.kind)).toEqual(['missing_tag', 'missing_tag']);
    // The same words as every other surface: "Missing tag", as the HTML report says it.
    expect(errors[0]!.textContent).toContain('Missing tag · Meta Pixel');
    expect(errors[0]!.textContent).toContain('Meta Pixel AddToCart is missing on the “Add to cart” button');
    // The selector stays in the developer detail.
    expect(within(errors[0]!).getByText('Developer detail')).toBeTruthy();
    expect(errors[0]!.querySelector('.finding-message')!.textContent).not.toContain('button.add-to-cart');

    // The blocked download: to its hit…
    fireEvent.click(within(errors[1]!).getByRole('button', { name: 'Show the hit' }));
    expect(
      screen
        .getAllByTestId('hit-row')
        .filter((r) => within(r).queryByTestId('hit-details'))
        .map((r) => r.dataset.hitId),
    ).toEqual(['dl']);
    // …and to its goal, opened.
    fireEvent.click(screen.getByTestId('tab-findings'));
    fireEvent.click(
      within(screen.getAllByTestId('finding')[1]!).getByRole('button', { name: 'Goal: Care guide download' }),
    );
    expect(screen.getByTestId('tab-goals').getAttribute('aria-selected')).toBe('true');
    expect(within(row('download')).getByTestId('goal-details')).toBeTruthy();
  });

  it('says so when there is nothing to fix', () => {
    render(<App model={auditedModelOf([PLAN], [], [])} actions={noActions()} initialView="findings" />);
    expect(screen.getByTestId('findings-empty').textContent).toContain('No problems found on this page');
    expect(screen.getByTestId('tab-findings').querySelector('.tab-count.alert')).toBeNull();
  });
});

describe('Export', () => {
  it.each([
    ['export-json', 'json'],
    ['export-csv-hits', 'csv-hits'],
    ['export-csv-goals', 'csv-goals'],
    ['export-markdown', 'markdown'],
    ['export-har', 'har'],
  ])('%s downloads the %s form of the report', (testId, kind) => {
    const actions = { ...noActions(), exportReport: vi.fn() };
    render(<App model={shop()} actions={actions} />);
    fireEvent.click(screen.getByTestId(testId));
    expect(actions.exportReport).toHaveBeenCalledWith(kind);
  });

  it('copies the summary and says so, or says why not', async () => {
    const copy = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('the popup lost focus'));
    render(<App model={shop()} actions={{ ...noActions(), copySummary: copy }} />);
    fireEvent.click(screen.getByTestId('copy-summary'));
    await waitFor(() => expect(screen.getByTestId('copy-summary').textContent).toBe('Copied ✓'));
    expect(screen.getByTestId('copy-status').textContent).toBe('Copied');
    fireEvent.click(screen.getByTestId('copy-summary'));
    await waitFor(() =>
      expect(screen.getByTestId('copy-status').textContent).toBe('Could not copy: the popup lost focus'),
    );
  });

  it('is one tab stop; the arrow keys, Home and End move along it', () => {
    render(<App model={shop()} actions={noActions()} />);
    const bar = screen.getByRole('toolbar', { name: 'Export' });
    const buttons = within(bar).getAllByRole('button');
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1]!, { key: 'End' });
    expect(document.activeElement).toBe(buttons[5]);
    fireEvent.keyDown(buttons[5]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[0]);
    expect(
      within(bar)
        .getAllByRole('button')
        .map((b) => b.tabIndex),
    ).toEqual([0, -1, -1, -1, -1, -1]);
  });
});
