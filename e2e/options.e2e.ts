import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Goal, Plan } from '../lib/goals/types';
import {
  launchTestExtension,
  readStore,
  routeVendors,
  serveSite,
  settle,
  type Site,
  type TestExtension,
  type TestPage,
} from './harness';

// The tracking-plan editor, driven as a marketer would: through the form, the file input and the suggestions,
// checked where it matters — storage.local (the plans in force) and the goals a page already open fires.

interface Firing {
  goalId: string;
  tabId: number;
  url: string;
}

let ext: TestExtension;
let site: Site;

beforeAll(async () => {
  site = await serveSite();
  ext = await launchTestExtension();
  await routeVendors(ext);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

const storedPlans = (): Promise<Plan[]> =>
  ext.inExtension(async () => {
    const got = await chrome.storage.local.get('plans');
    return (got.plans ?? []) as Plan[];
  }, null);

/** The options page, once the plans in force are listed (the worker seeds the defaults on install). */
async function openOptions(): Promise<TestPage> {
  await settle(storedPlans, (plans) => plans.length > 0);
  const page = await ext.optionsPage();
  await page.getByTestId('plan-row').first().waitFor();
  return page;
}

/** The fixture shop page, marked so a reload would show (the marker lives in the page's own window). */
async function openShop(query = ''): Promise<{ page: TestPage; tabId: number }> {
  const page = await ext.open(`${site.origin}/suggest/${query}`);
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  return { page, tabId: await ext.tabIdOf(page) };
}

const firingsOf = (tabId: number, goalId: string) =>
  settle(
    async () => (await readStore<Firing>(ext, 'firings')).filter((f) => f.tabId === tabId && f.goalId === goalId),
    (all) => all.length > 0,
  );

describe('the tracking-plan editor', () => {
  it('adds a goal through the form; a page already open fires it without a reload', async () => {
    const { page: shop, tabId } = await openShop();
    const options = await openOptions();
    await options.getByTestId('add-goal').click();
    const form = options.getByTestId('goal-form');
    await form.getByTestId('goal-name').fill('Promo click');
    expect(await form.getByTestId('goal-id').inputValue()).toBe('promo_click');
    await form.getByTestId('goal-category').selectOption('interaction');
    await form.getByTestId('trigger-kind').selectOption('click');
    await form.getByTestId('trigger-selector').fill('#promo');
    await form.getByTestId('tag-vendor').selectOption('ga4');
    await form.getByTestId('tag-event').fill('select_promotion');
    await form.getByTestId('add-tag').click();
    await form.getByTestId('tag-vendor').nth(1).selectOption('meta-pixel');
    await form.getByTestId('tag-event').nth(1).fill('Lead');
    await form.getByTestId('save-goal').click();

    const row = options.locator('[data-testid=goal-row][data-goal-id=promo_click]');
    await row.waitFor();
    expect(await row.getByTestId('goal-trigger').textContent()).toBe(
      'A chosen button or link is clickedelement matching #promo',
    );
    expect(await row.getByTestId('trigger-detail').textContent()).toBe('element matching #promo');
    expect(await row.getByTestId('goal-expect').textContent()).toBe('GA4 select_promotion, Meta Pixel Lead');

    const plans = await storedPlans();
    expect(plans[0]!.goals.find((g) => g.id === 'promo_click')).toEqual({
      id: 'promo_click',
      name: 'Promo click',
      category: 'interaction',
      trigger: { kind: 'click', selector: '#promo' },
      expect: [
        { vendor: 'ga4', event: 'select_promotion' },
        { vendor: 'meta-pixel', event: 'Lead' },
      ],
    });

    await shop.bringToFront();
    await shop.click('#promo');
    const firings = await firingsOf(tabId, 'promo_click');
    expect(firings).toHaveLength(1);
    expect(firings[0]!.url).toBe(`${site.origin}/suggest/`);
    expect(await shop.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await shop.close();
    await options.close();
  });

  it('refuses a goal whose selector is broken, naming the path, and writes nothing', async () => {
    const options = await openOptions();
    const before = await storedPlans();
    await options.getByTestId('add-goal').click();
    const form = options.getByTestId('goal-form');
    await form.getByTestId('goal-name').fill('Broken');
    await form.getByTestId('trigger-kind').selectOption('element_visible');
    await form.getByTestId('trigger-selector').fill('#reviews[');
    await form.getByTestId('save-goal').click();
    const errors = options.getByTestId('goal-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain(
      `goals[${before[0]!.goals.length}].trigger.selector: invalid CSS selector "#reviews["`,
    );
    expect(await storedPlans()).toEqual(before);
    await options.close();
  });

  it('refuses an invalid plan file with the errors naming their path, and keeps the plans in force', async () => {
    const options = await openOptions();
    const before = await storedPlans();
    const broken = {
      version: 1,
      name: 'Broken',
      goals: [
        { id: 'a', trigger: { kind: 'sumbit' } },
        { id: 'b', trigger: { kind: 'click' }, expect: [{ vendor: 'facebook' }] },
      ],
    };
    await options.getByTestId('import-input').setInputFiles({
      name: 'broken-plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const errors = options.getByTestId('import-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('broken-plan.json was refused');
    expect(text).toContain('goals[0].trigger.kind: unknown kind "sumbit"');
    expect(text).toContain('goals[1].trigger: click needs "selector" or "text"');
    expect(text).toContain('goals[1].expect[0].vendor: unknown vendor "facebook"');
    // Where the format is written down, for the person fixing the file.
    expect(text).toContain('docs/plan-format.md, JSON Schema schemas/plan.v1.json');
    expect(await storedPlans()).toEqual(before);
    expect(await options.getByTestId('plan-row').count()).toBe(before.length);
    await options.close();
  });

  it('puts a valid plan file in force: listed, stored, and fired by a page already open', async () => {
    const { page: shop, tabId } = await openShop('?imported');
    const options = await openOptions();
    const plan: Plan = {
      version: 1,
      name: 'Imported shop plan',
      scope: [`${site.origin}/suggest/*`],
      goals: [
        {
          id: 'imported_promo',
          name: 'Imported promo',
          category: 'interaction',
          trigger: { kind: 'click', text: 'Get 10 % off' },
          expect: [{ vendor: 'ga4', event: 'select_promotion' }],
        },
      ],
    };
    // Written with "$schema" for the editor, as docs/plan-format.md suggests; the plan in force leaves it out.
    const file = { $schema: './schemas/plan.v1.json', ...plan };
    await options
      .getByTestId('import-input')
      .setInputFiles({ name: 'shop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const row = options.getByTestId('plan-row').filter({ hasText: 'Imported shop plan' });
    await row.waitFor();
    expect(await row.getByTestId('plan-goal-count').textContent()).toBe('1 goal');
    expect(await row.getByTestId('plan-scope').textContent()).toBe(`${site.origin}/suggest/*`);
    expect((await storedPlans()).find((p) => p.name === 'Imported shop plan')).toEqual(plan);
    expect(await options.getByTestId('import-errors').count()).toBe(0);

    await shop.bringToFront();
    await shop.click('#promo');
    expect(await firingsOf(tabId, 'imported_promo')).toHaveLength(1);
    await shop.close();
    await options.close();
  });

  it('exports a plan as a version 1 JSON file equal to the plan in force', async () => {
    const options = await openOptions();
    const row = options.getByTestId('plan-row').filter({ hasText: 'Tagwatch defaults' });
    const file = await ext.download(options, () => row.getByTestId('export-button').click());
    expect(file.name).toBe('tagwatch-plan-tagwatch-defaults.json');
    const exported = JSON.parse(file.text) as Plan;
    expect(exported.version).toBe(1);
    expect(exported).toEqual((await storedPlans()).find((p) => p.name === 'Tagwatch defaults'));
    await options.close();
  });

  it('suggests goals for a shop page and adds them to a plan for that site', async () => {
    const { page: shop, tabId } = await openShop('?suggest');
    const options = await openOptions();
    await options.getByTestId('suggest-tab').selectOption(String(tabId));
    await options.getByTestId('suggest-run').click();
    const rows = options.getByTestId('suggestion-row');
    await rows.first().waitFor();
    const names = await rows.locator('strong').allTextContents();
    expect(names).toEqual([
      'Site search (?q=)',
      'Newsletter signup (form#newsletter)',
      'Video play (video#intro)',
      'Add to cart (button.add-to-cart)',
      'PDF download (brochure.pdf)',
    ]);
    for (let i = 0; i < names.length; i++) {
      await rows.nth(i).getByTestId('suggestion-add').click();
      await rows.nth(i).getByTestId('suggestion-added').waitFor();
    }
    const host = new URL(site.origin).host;
    expect(await rows.first().getByTestId('suggestion-added').textContent()).toBe(`Added to “Site: ${host}”`);

    const sitePlan = (await storedPlans()).find((p) => p.name === `Site: ${host}`);
    expect(sitePlan?.scope).toEqual([site.origin]);
    expect(sitePlan?.goals.map((g: Goal) => g.name)).toEqual(names);
    expect(sitePlan?.goals.find((g) => g.name.startsWith('Add to cart'))).toMatchObject({
      trigger: { kind: 'click', selector: 'button.add-to-cart' },
      expect: [
        { vendor: 'ga4', event: 'add_to_cart' },
        { vendor: 'meta-pixel', event: 'AddToCart' },
      ],
    });
    await options
      .getByTestId('plan-row')
      .filter({ hasText: `Site: ${host}` })
      .getByTestId('open-plan')
      .click();
    expect(await options.getByTestId('goal-row').count()).toBe(names.length);

    // The per-site plan is in force on the page, still without a reload.
    await shop.bringToFront();
    await shop.click('button.add-to-cart');
    expect(await firingsOf(tabId, 'add_to_cart_button_add_to_cart')).toHaveLength(1);
    await shop.close();
    await options.close();
  });
  it('builds a funnel from the plan’s goals, one step with an alternative; refuses a step not chosen; deletes it', async () => {
    const options = await openOptions();
    const [a, b, c] = (await storedPlans())[0]!.goals;
    if (!a || !b || !c) throw new Error('the first plan has fewer than three goals');
    await options.getByTestId('add-funnel').click();
    const form = options.getByTestId('funnel-form');
    await form.getByTestId('funnel-name').fill('Signup path');
    expect(await form.getByTestId('funnel-id').inputValue()).toBe('signup_path');
    // A new funnel starts on the plan's first two goals; the second step gets an alternative.
    await form.getByTestId('add-alternative').nth(1).click();
    await form.getByTestId('step-goal').nth(2).selectOption(c.id);
    await form.getByTestId('save-funnel').click();

    const row = options.locator('[data-testid=funnel-row][data-funnel-id=signup_path]');
    await row.waitFor();
    expect(await row.getByTestId('funnel-steps').textContent()).toBe(`${a.name} → ${b.name} or ${c.name}`);
    const saved = (await storedPlans())[0]!.funnels?.find((f) => f.id === 'signup_path');
    expect(saved).toEqual({ id: 'signup_path', name: 'Signup path', steps: [a.id, [b.id, c.id]] });

    // A step left without its goal is refused, named, and nothing is written.
    const before = await storedPlans();
    await row.getByTestId('edit-funnel').click();
    await form.getByTestId('step-goal').first().selectOption('');
    await form.getByTestId('save-funnel').click();
    await form.getByTestId('funnel-errors').waitFor();
    expect(await form.getByTestId('funnel-errors').textContent()).toContain('steps[0]: choose the goal of step 1');
    expect(await storedPlans()).toEqual(before);
    await form.getByTestId('cancel-funnel').click();

    await row.getByTestId('delete-funnel').click();
    await row.getByTestId('confirm-delete-funnel').click();
    await expect.poll(async () => (await storedPlans())[0]!.funnels?.some((f) => f.id === 'signup_path')).toBe(false);
    expect(await options.locator('[data-testid=funnel-row][data-funnel-id=signup_path]').count()).toBe(0);
    await options.close();
  });
});
