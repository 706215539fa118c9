export * from './runAnalysis';
export * from './analysisResult';
export * from './resolveLocation';
export * from './scopeOffences';
