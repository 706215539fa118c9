export * from './publishedCount';
export * from './linearProgram';
export { loadHighsSolver, cplexLpText } from './highsSolver';
