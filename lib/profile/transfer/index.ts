/**
 * Profile files passed between colleagues, in four stages with four readers: the format (a
 * public contract), parsing (a defence against hostile input), describing problems (French
 * text), and merging an import with what is stored (the preview). Reading and writing the
 * database is the store's (lib/store/profile.ts: exportProfile, applyImport). A group's file
 * is long work: slices.ts keeps the page answering while it is checked and written.
 */
export * from './describe';
export * from './format';
export * from './merge';
export * from './parse';
export * from './slices';
