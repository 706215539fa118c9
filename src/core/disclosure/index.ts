export * from './publishedCount';
