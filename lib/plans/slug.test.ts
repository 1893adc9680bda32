import { describe, expect, it } from 'vitest';
import { slug, slugId } from './slug';

describe('slugId', () => {
  it.each<[string, string, string[], string]>([
    ['a plain name', 'Newsletter signup', [], 'newsletter_signup'],
    ['a suggestion name', 'Newsletter signup (form#newsletter)', [], 'newsletter_signup_form_newsletter'],
    ['accents and capitals', 'Démo Réservée', [], 'demo_reservee'],
    ['punctuation only', '!!!', [], 'goal'],
    ['an id already taken', 'Add to cart', ['add_to_cart'], 'add_to_cart_2'],
    ['two taken', 'Add to cart', ['add_to_cart', 'add_to_cart_2'], 'add_to_cart_3'],
    ['a long name', 'x'.repeat(100), [], 'x'.repeat(60)],
  ])('%s', (_, name, taken, want) => expect(slugId(name, taken)).toBe(want));

  it.each([
    ['Shop micro-conversions', 'shop-micro-conversions'],
    ['  Site: localhost:8080 ', 'site-localhost-8080'],
  ])('slug(%j, "-") is %j', (text, want) => expect(slug(text, '-')).toBe(want));
});
