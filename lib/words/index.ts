// The vocabulary: how Tagwatch turns vendors, triggers, elements, expected tags, statuses and findings into
// words, for every surface — the popup, the options page, the CLI table, Markdown and HTML reports. A status or
// a finding is called the same everywhere because it is named here only.
export * from './elements';
export * from './findings';
export * from './numbers';
export * from './plans';
export * from './statuses';
export * from './tags';
export * from './triggers';
export * from './vendors';
export * from './funnels';
export * from './history';
