import { describe, expect, it } from 'vitest';
import { decodeRequest, type HitRequest, type TagHit } from '.';

// Shapes from Ensighten Manage's embed code (nexus.ensighten.com/<client>/<space>/Bootstrap.js) and its bootstrap
// options (serverComponentLocation, staticJavascriptPath).
describe('ensighten', () => {
  it.each<[string, HitRequest, Partial<TagHit>]>([
    [
      'bootstrap with a space',
      { url: 'https://nexus.ensighten.com/acme/prod/Bootstrap.js' },
      { event: 'library_load', account: 'acme', params: { script: 'Bootstrap.js', space: 'prod' } },
    ],
    [
      'bootstrap without a space',
      { url: 'https://nexus.ensighten.com/acme/Bootstrap.js' },
      { event: 'library_load', account: 'acme', params: { script: 'Bootstrap.js' } },
    ],
    [
      'test publish',
      { url: 'https://nexus-test.ensighten.com/acme/stage/Bootstrap.js' },
      { event: 'library_load', account: 'acme', params: { environment: 'test', space: 'stage' } },
    ],
    [
      'server component',
      {
        url: 'https://nexus.ensighten.com/acme/prod/serverComponent.php?namespace=Bootstrapper&staticJsPath=nexus.ensighten.com%2Facme%2Fprod%2Fcode%2F&publishedOn=Mon%20Nov%2023%2010%3A00%3A00%20GMT%202026&ClientID=711&PageID=https%3A%2F%2Fshop.example%2F',
      },
      {
        event: 'library_load',
        account: 'acme',
        params: {
          script: 'serverComponent.php',
          client_id: '711',
          page_id: 'https://shop.example/',
          namespace: 'Bootstrapper',
        },
      },
    ],
  ])('%s', (_, req, want) => expect(decodeRequest(req)[0]).toMatchObject({ vendor: 'ensighten', ...want }));

  it.each<HitRequest>([
    { url: 'https://nexus.ensighten.com/acme/prod/code/bbb1b3511728db12bd3511c6ba5dea78.js?conditionId0=4842182' },
    { url: 'https://nexus.ensighten.com/error/e.gif?msg=x' },
    { url: 'https://www.ensighten.com/Bootstrap.js' },
    { url: 'https://shop.example/acme/prod/Bootstrap.js' },
  ])('does not read $url as an Ensighten load', (req) =>
    expect(decodeRequest(req).filter((h) => h.vendor === 'ensighten')).toEqual([]),
  );
});
