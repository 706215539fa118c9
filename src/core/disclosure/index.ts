/** Disclosure control: rules, the linked tables model, primary and secondary suppression, rounding, and the attacker's audit. */
export * from './publishedCount';
export * from './disclosureRules';
export * from './roundToBase';

export * from './linkedTables';
export * from './cellBounds';
export * from './hierarchicalTable';
export * from './twoWayTable';

export * from './primarySuppression';
export * from './attackerRanges';
export * from './standaloneCount';
export * from './hiddenComponents';
export * from './singleEquationRanges';
export * from './auditSuppression';
export * from './secondarySuppression';
export * from './publishPattern';
export * from './protectTables';
export * from './pooledWithheldCounts';

export * from './linearProgram';
export { loadHighsSolver, cplexLpText } from './highsSolver';
export * from './priorPublication';
export * from './joinRuns';
export * from './perturbationTable';
export * from './perturbTables';
export * from './auditPerturbation';
