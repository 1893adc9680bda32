import { describe, expect, it } from 'vitest';
import { parseJourney, parseJourneyText, resolveGoto } from './journey';

describe('parseJourney', () => {
  it('accepts every step of the documented format', () => {
    const journey = [
      { goto: 'https://shop.example/' },
      { fill: '#email', value: 'test@example.com' },
      { click: '#subscribe' },
      { submit: 'form#contact' },
      { play: 'video' },
      { scroll: 75 },
      { wait: 1000 },
      { expectGoal: 'newsletter_signup' },
      { consent: 'reject' },
      { consent: 'accept', selector: '#my-banner .yes' },
    ];
    expect(parseJourney(journey)).toEqual({ ok: true, journey });
  });

  it.each([
    [{ steps: [] }, 'journey.steps: the list is empty'],
    [{ step: [{ goto: '/' }] }, 'journey: expected a JSON list of steps'],
    [{ $schema: 'x.json', steps: [{ goto: '/' }], name: 'n' }, 'journey: unexpected key "name"'],
    [{ $schema: 3, steps: [{ goto: '/' }] }, 'journey.$schema: expected the path or URL of the JSON Schema'],
    [{ steps: [{ goto: '/' }, { clik: '#a' }] }, 'journey.steps[1]: unknown step "clik"'],
    [[], 'journey: the list is empty'],
    [
      [{ clik: '#a' }],
      'journey[0]: unknown step "clik" (expected one of goto, fill, click, submit, play, scroll, wait, expectGoal, expectFunnel, consent)',
    ],
    [[{ click: '#a', submit: 'form' }], 'journey[0]: one step per object, found click and submit'],
    [[{ goto: '/' }, { fill: '#email' }], 'journey[1].value: a "fill" step needs the text to type, as a string'],
    [[{ scroll: 150 }], 'journey[0].scroll: expected a percent from 0 to 100'],
    [[{ wait: '1s' }], 'journey[0].wait: expected milliseconds from 0 to 120000'],
    [[{ click: '' }], 'journey[0].click: expected a CSS selector'],
    [[{ expectGoal: 3 }], 'journey[0].expectGoal: expected a goal id'],
    [[{ click: '#a', timeout: 5 }], 'journey[0]: unexpected key "timeout" in a "click" step'],
    [[{ consent: 'yes' }], 'journey[0].consent: expected "accept" or "reject"'],
    [[{ consent: 'reject', selector: '' }], 'journey[0].selector: expected a CSS selector'],
    [[{ click: '#a', selector: '#b' }], 'journey[0]: unexpected key "selector" in a "click" step'],
    ['nope', 'journey: expected a JSON list of steps'],
  ])('refuses %j', (input, message) => {
    const result = parseJourney(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(message);
  });

  it('accepts the list under "steps" beside "$schema", for editors', () => {
    const steps = [{ goto: '/' }, { click: '#subscribe' }];
    expect(parseJourney({ $schema: '../schemas/journey.v1.json', steps })).toEqual({ ok: true, journey: steps });
  });

  it('reports invalid JSON with the parser message', () => {
    const result = parseJourneyText('[{ "goto": }]');
    expect(result).toMatchObject({ ok: false, errors: [expect.stringContaining('journey: not valid JSON')] });
  });

  it('resolves relative goto URLs against the base', () => {
    expect(resolveGoto({ goto: '/shop/index.html' }, 'http://localhost:8080/')).toBe(
      'http://localhost:8080/shop/index.html',
    );
    expect(resolveGoto({ goto: 'https://a.example/x' }, undefined)).toBe('https://a.example/x');
  });
});
